import { describe, expect, it } from 'vitest'
import { parseHerokuYml } from '../../src/manifests/heroku-yml.js'

describe('parseHerokuYml', () => {
  it.each([
    // releaseAt: where the command stands, for annotating later errors about it.
    [
      'release:\n  command:\n    - ./tasks.sh\n    - "--all"\n',
      { releaseCommand: ['./tasks.sh', '--all'], releaseAt: { file: 'heroku.yml', line: 3, column: 5 }, dockerfiles: {} }
    ],
    [
      'release:\n  command: rake db:migrate\n  image: worker\n',
      { releaseCommand: 'rake db:migrate', releaseAt: { file: 'heroku.yml', line: 2, column: 12 }, releaseImage: 'worker', dockerfiles: {} }
    ],
    ['build:\n  docker:\n    web: Dockerfile\n    worker: worker/Dockerfile\n', { dockerfiles: { web: 'Dockerfile', worker: 'worker/Dockerfile' } }],
    ['', { dockerfiles: {} }],
    ['# only a comment\n', { dockerfiles: {} }],
    ['setup:\n  addons: []\nrun:\n  web: x\n', { dockerfiles: {} }],
    // SPEC 11 (4): an empty or blank command is no command (it was an error for [] before).
    ['release:\n  command: []\n', { dockerfiles: {} }],
    ['release:\n  command: "  "\n', { dockerfiles: {} }]
  ])('parses %j', (text, expected) => {
    expect(parseHerokuYml(text, 'heroku.yml')).toEqual(expected)
  })

  it.each([
    ['release:\n  command: 3\n', 2, 12, 'release.command must be a string or a list of strings'],
    ['release:\n  command:\n    - a\n    - 2\n', 4, 7, 'release.command[1] must be a string'],
    ['release: x\n', 1, 10, 'release must be a mapping'],
    ['build:\n  docker:\n    web: [a]\n', 3, 10, 'build.docker.web must be a string'],
    ['- a\n- b\n', 1, 1, 'heroku.yml must be a mapping'],
    ['release:\n  command: "unterminated\n', 3, 1, 'heroku.yml is not valid YAML: Missing closing "quote'],
    ['a: 1\na: 2\n', 2, 1, 'heroku.yml is not valid YAML: Map keys must be unique']
  ])('rejects %j at line %i column %i', (text, line, column, message) => {
    expect(() => parseHerokuYml(text, 'heroku.yml')).toThrow(expect.objectContaining({ message, line, column }))
  })
})
