/**
 * design.md §4.1: an empty or blank command (`"predeploy": ""`, heroku.yml `command: ""` or `[]`) is no
 * command, as Dokku's "No predeploy task found": the manifest parsers drop it here, so every later
 * step (phase table, release precedence, plan, outputs) sees the phase as undefined and skipped.
 */
export function orNone<T extends string | string[]>(command: T | undefined): T | undefined {
  if (command === undefined) return undefined
  if (Array.isArray(command)) return command.length === 0 ? undefined : command
  return command.trim() === '' ? undefined : command
}
