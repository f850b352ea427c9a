import { describe, expect, it } from 'vitest'
import { splitWords, type VarValue } from '../../src/task/words.js'

const vars: Record<string, VarValue> = { X: { value: 'x val', secret: false }, S: { value: 's3cret', secret: true }, E: { value: '', secret: false } }
const lookup = (n: string) => vars[n]
const split = (s: string) => splitWords(s, { lookup, what: 'cmd' })

describe('splitWords', () => {
  it.each([
    ['eval "MyApp.Release.migrate"', ['eval', 'MyApp.Release.migrate']],
    ['  a   b\tc  ', ['a', 'b', 'c']],
    [`a "b c" d\\ e 'f g'`, ['a', 'b c', 'd e', 'f g']],
    [`"a"'b'c`, ['abc']],
    [`''`, ['']],
    [`a # comment "unbalanced`, ['a']],
    [`x#y "#" \\#z`, ['x#y', '#', '#z']],
    // SPEC 4.2: words first, then $NAME replaced inside each word: no field splitting, empty stays a word.
    [`$X "$X" '$X' \${X}-$X.y`, ['x val', 'x val', '$X', 'x val-x val.y']],
    [`"$E" $E z`, ['', '', 'z']],
    [`a\\"b "c\\"d" "e\\f" '\\'`, ['a"b', 'c"d', 'e\\f', '\\']],
    [`cost $ 5 "$"`, ['cost', '$', '5', '$']],
    ['a \\\nb', ['a', 'b']],
    ['--opt=caf\u00e9 \u{1f680}', ['--opt=caf\u00e9', '\u{1f680}']]
  ])('%j', (input, expected) => {
    expect(split(input)).toEqual(expected)
  })

  it.each([
    ['migrate "oops', 'cmd: unbalanced double quote'],
    ["it's", 'cmd: unbalanced single quote'],
    ['echo $NOPE', "cmd: variable $NOPE is not set (set it through secrets, env, env-files or the image's ENV)"],
    ['echo ${NOPE}', "cmd: variable $NOPE is not set (set it through secrets, env, env-files or the image's ENV)"],
    ['echo $(id)', 'cmd: command substitution `$(...)` needs a shell; use entrypoint: shell'],
    ['echo `id`', 'cmd: command substitution with backquotes needs a shell; use entrypoint: shell'],
    ['a && b', 'cmd: the shell operator `&&` needs a shell; use entrypoint: shell or quote it'],
    ['a & b', 'cmd: the shell operator `&` needs a shell; use entrypoint: shell or quote it'],
    ['a || b', 'cmd: the shell operator `||` needs a shell; use entrypoint: shell or quote it'],
    ['a >> log', 'cmd: the shell operator `>>` needs a shell; use entrypoint: shell or quote it'],
    ['a | b', 'cmd: the shell operator `|` needs a shell; use entrypoint: shell or quote it'],
    ['echo ${X:-d}', 'cmd: `${X:-d}` is not a plain variable reference; only $NAME and ${NAME} are expanded without a shell'],
    ['echo ${X', 'cmd: unclosed `${`'],
    ['a\\', 'cmd: a trailing backslash escapes nothing']
  ])('rejects %j', (input, message) => {
    expect(() => split(input)).toThrow(message)
  })

  it('refuses to put a secret on the argv', () => {
    expect(() => split('migrate --password $S')).toThrow(/\$S is a secret: expanding it into the command would put its value on a process argv/)
  })

  it('leaves $ literal without a lookup (run-args)', () => {
    expect(splitWords(`--memory 512m -e "A=$B" --label 'x=y z'`, { what: 'run-args' })).toEqual(['--memory', '512m', '-e', 'A=$B', '--label', 'x=y z'])
  })
})
