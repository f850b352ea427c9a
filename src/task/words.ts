import { ActionError } from '../errors.js'
import { VAR_NAME } from '../inputs/grammar.js'

/** Where a variable's value came from: secret values may never be put on an argv. */
export interface VarValue {
  value: string
  secret: boolean
}
export type VarLookup = (name: string) => VarValue | undefined

export interface SplitOptions {
  /** Replace `$NAME` / `${NAME}` outside single quotes; without it `$` is literal. */
  lookup?: VarLookup
  /** What the words are, for error messages: "release command". */
  what: string
}

const NAME_START = /[A-Za-z_]/
const NAME_CHAR = /[A-Za-z0-9_]/

/**
 * Splits a command into words by POSIX shell rules: blanks separate words, single quotes are literal,
 * double quotes allow `\\` `\"` `\$` `` \` `` escapes and expansion, a backslash outside quotes escapes
 * the next character (and joins lines), and an unquoted `#` at the start of a word begins a comment.
 *
 * Written here rather than taken from a package because the two candidates break design.md §4.5:
 * shell-quote accepts unbalanced quotes and starts comments in mid-word (`x#y`), and shlex loses the
 * quoting of each word, so `'$HOME'` could not be told from `$HOME` when expanding.
 *
 * Command substitution, arithmetic and shell operators have no meaning without a shell; they are
 * errors rather than literal text, so an exec-mode task never runs something other than it reads.
 */
export function splitWords(input: string, opts: SplitOptions): string[] {
  const words: string[] = []
  let word = ''
  let inWord = false
  let i = 0
  const n = input.length
  const fail = (msg: string): never => {
    throw new ActionError(`${opts.what}: ${msg}`)
  }
  const expand = (): void => {
    // input[i] === '$'
    const next = input[i + 1]
    if (!opts.lookup) {
      word += '$'
      i++
      return
    }
    if (next === '(') fail('command substitution `$(...)` needs a shell; use entrypoint: shell')
    let name: string
    let end: number
    if (next === '{') {
      const close = input.indexOf('}', i + 2)
      if (close < 0) fail('unclosed `${`')
      name = input.slice(i + 2, close)
      end = close + 1
      if (!VAR_NAME.test(name)) {
        fail(`\`\${${name}}\` is not a plain variable reference; only $NAME and \${NAME} are expanded without a shell`)
      }
    } else if (next !== undefined && NAME_START.test(next)) {
      end = i + 1
      while (end < n && NAME_CHAR.test(input[end])) end++
      name = input.slice(i + 1, end)
    } else {
      word += '$' // a lone `$` is literal, as in sh
      i++
      return
    }
    const v = opts.lookup(name)
    if (v === undefined) fail(`variable $${name} is not set (set it through secrets, env, env-files or the image's ENV)`)
    if (v!.secret) {
      fail(
        `$${name} is a secret: expanding it into the command would put its value on a process argv. ` +
          'Read it from the environment inside the app, or use entrypoint: shell'
      )
    }
    word += v!.value
    i = end
  }
  while (i < n) {
    const c = input[i]
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (inWord) words.push(word)
      word = ''
      inWord = false
      i++
    } else if (c === '#' && !inWord) {
      const eol = input.indexOf('\n', i)
      i = eol < 0 ? n : eol
    } else if (c === '\\') {
      if (i + 1 >= n) fail('a trailing backslash escapes nothing')
      if (input[i + 1] === '\n') {
        i += 2 // line continuation
        continue
      }
      word += input[i + 1]
      inWord = true
      i += 2
    } else if (c === "'") {
      const close = input.indexOf("'", i + 1)
      if (close < 0) fail('unbalanced single quote')
      word += input.slice(i + 1, close)
      inWord = true
      i = close + 1
    } else if (c === '"') {
      inWord = true
      i++
      for (;;) {
        if (i >= n) fail('unbalanced double quote')
        const d = input[i]
        if (d === '"') {
          i++
          break
        }
        if (d === '\\' && i + 1 < n && '\\"$`\n'.includes(input[i + 1])) {
          if (input[i + 1] !== '\n') word += input[i + 1]
          i += 2
        } else if (d === '$') {
          expand()
        } else if (d === '`') {
          fail('command substitution with backquotes needs a shell; use entrypoint: shell')
        } else {
          word += d
          i++
        }
      }
    } else if (c === '$') {
      inWord = true
      expand()
    } else if (c === '`') {
      fail('command substitution with backquotes needs a shell; use entrypoint: shell')
    } else if ('|&;<>()'.includes(c)) {
      // `&&`, `||`, `;;`, `>>`: name the operator as written, not its first character.
      const op = '|&;>'.includes(c) && input[i + 1] === c ? c + c : c
      fail(`the shell operator \`${op}\` needs a shell; use entrypoint: shell or quote it`)
    } else {
      word += c
      inWord = true
      i++
    }
  }
  if (inWord) words.push(word)
  return words
}
