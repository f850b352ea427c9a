import { describe, expect, it } from 'vitest'
import { parseAppJson } from '../../src/manifests/app-json.js'

describe('parseAppJson', () => {
  it('reads the deployment scripts with comments and trailing commas', () => {
    const text = `{
      // Dokku tasks
      "name": "x", "stack": 3,
      "scripts": { "dokku": { "predeploy": "make assets", "postdeploy": "notify", }, "postdeploy": "seed", },
      /* env */
      "env": { "A": "default", "B": { "description": "the b", "required": false }, "C": { "value": "v" }, "D": { "generator": "secret" } },
    }`
    expect(parseAppJson(text, 'app.json')).toEqual({
      predeploy: 'make assets',
      postdeploy: 'notify',
      firstDeploy: 'seed',
      // Where each script stands, for annotating a later error about its command.
      at: {
        predeploy: { file: 'app.json', line: 4, column: 44 },
        postdeploy: { file: 'app.json', line: 4, column: 73 },
        firstDeploy: { file: 'app.json', line: 4, column: 100 }
      },
      env: [
        { name: 'A', value: 'default', required: true },
        { name: 'B', description: 'the b', required: false, value: undefined, generator: undefined },
        { name: 'C', value: 'v', required: true, description: undefined, generator: undefined },
        { name: 'D', generator: 'secret', required: true, description: undefined, value: undefined }
      ]
    })
  })

  it.each([
    ['', {}],
    ['  \n', {}],
    ['\ufeff{}', {}],
    ['{"scripts": {}}', {}]
  ])('treats %j as no tasks', (text, expected) => {
    expect(parseAppJson(text, 'app.json')).toMatchObject({ ...expected, env: [] })
  })

  it('an empty or blank script is no command (SPEC 11: the phase is skipped, as in Dokku)', () => {
    const parsed = parseAppJson('{"scripts":{"dokku":{"predeploy":"","postdeploy":" \\n "},"postdeploy":"\\t"}}', 'app.json')
    expect(parsed).toMatchObject({ predeploy: undefined, postdeploy: undefined, firstDeploy: undefined, env: [] })
    expect(Object.keys(parsed).sort()).toEqual(['at', 'env', 'firstDeploy', 'postdeploy', 'predeploy'])
  })

  it.each([
    ['{\n  "scripts": {\n    "dokku": { "predeploy": 3 }\n  }\n}', 3, 29, 'scripts.dokku.predeploy must be a string'],
    ['{\n "scripts": { "postdeploy": ["a"] }\n}', 2, 29, 'scripts.postdeploy must be a string'],
    ['{\n "scripts": "x"\n}', 2, 13, 'scripts must be an object'],
    ['{\n "scripts": { "dokku": [] }\n}', 2, 24, 'scripts.dokku must be an object'],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, 'app.json is not valid JSON: CommaExpected'],
    ['{ "a": ', 1, 8, 'app.json is not valid JSON: ValueExpected'],
    ['[1]', 1, 1, 'app.json must contain a JSON object'],
    ['{"env": {"X": 1}}', 1, 15, 'env.X must be a string or an object'],
    ['{"env": {"X": {"required": "yes"}}}', 1, 28, 'env.X.required must be a boolean'],
    ['{"env": {"1X": "a"}}', 1, 10, 'env: "1X" is not a valid variable name']
  ])('rejects %j at line %i column %i', (text, line, column, message) => {
    expect(() => parseAppJson(text, 'app.json')).toThrow(expect.objectContaining({ message, line, column, file: 'app.json' }))
  })
})
