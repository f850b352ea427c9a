/** The CHANGELOG section of `version` (the release notes), or undefined when there is none. */
export function changelogSection(text: string, version: string): string | undefined
