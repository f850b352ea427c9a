import { describe, expect, it } from 'vitest'
import { parseProcfile } from '../../src/manifests/procfile.js'
import { ManifestError } from '../../src/errors.js'

describe('parseProcfile', () => {
  it.each([
    [
      'LF',
      'web: a\nrelease: b\n',
      [
        ['web', 'a', 1],
        ['release', 'b', 2]
      ]
    ],
    [
      'CRLF',
      'web: a\r\nrelease: b c\r\n',
      [
        ['web', 'a', 1],
        ['release', 'b c', 2]
      ]
    ],
    ['BOM', '\ufeffweb: a', [['web', 'a', 1]]],
    ['comments and blanks', '# c\n  // c2\n\n   \nworker:  run  it  \n', [['worker', 'run  it', 5]]],
    ['command kept verbatim, no comment stripping', 'release: echo a # b && c', [['release', 'echo a # b && c', 1]]],
    ['colon in command', 'web: bin/x --bind 0.0.0.0:80', [['web', 'bin/x --bind 0.0.0.0:80', 1]]],
    ['63-character name', `${'a'.repeat(63)}: x`, [['a'.repeat(63), 'x', 1]]],
    ['name chars', 'a_B-9: x', [['a_B-9', 'x', 1]]],
    ['empty file', '', []]
  ])('%s', (_, text, expected) => {
    expect(parseProcfile(text, 'Procfile').map(e => [e.name, e.command, e.line])).toEqual(expected)
  })

  it.each([
    ['not an entry', 'web: a\njust text\n', 2, 'Procfile line is neither a comment nor a "name: command" entry: just text'],
    ['bad name', 'web.1: a', 1, 'Procfile line is neither a comment nor a "name: command" entry: web.1: a'],
    ['duplicate', 'web: a\n\nweb: b', 3, 'Procfile process "web" is defined twice (first on line 1)'],
    ['64-character name', `${'a'.repeat(64)}: x`, 1, `Procfile process name "${'a'.repeat(20)}… (64 characters)" is 64 characters; at most 63 are allowed`],
    ['empty command', 'web: a\r\nrelease:   \r\n', 2, 'Procfile process "release" has an empty command'],
    ['NUL byte', 'web: a\0b', 1, 'Procfile line contains a NUL byte']
  ])('rejects %s with the line', (_, text, line, message) => {
    let err: unknown
    try {
      parseProcfile(text, 'apps/web/Procfile')
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(ManifestError)
    expect(err).toMatchObject({ message, file: 'apps/web/Procfile', line })
  })

  it('quotes a huge line back shortened', () => {
    const huge = 'x'.repeat(10 * 1024 * 1024)
    expect(() => parseProcfile(huge, 'Procfile')).toThrow(/neither a comment.*xxxx… \(10485760 characters\)$/)
  })
})
