/** A process environment variable name as the action accepts it everywhere: a letter or `_`, then letters, digits, `_`. */
export const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
