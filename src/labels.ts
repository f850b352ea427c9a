/** The label on every container and temporary image of one run: the post step removes what carries it. */
export const RUN_LABEL = 'release-phase.run'
