import { describe, expect, it } from 'vitest'
import { readSettings } from '../../src/inputs/settings.js'
import { nothingToRun, requireManifests } from '../../src/manifests/presence.js'
import { emptyResult, summaryMarkdown } from '../../src/outputs.js'

const ws = '/work/ws'
const settings = (inputs: Record<string, string>) => readSettings(name => inputs[name] ?? '', { GITHUB_WORKSPACE: ws })

describe('no silent success (issue 10 item 5, SPEC 11 §9)', () => {
  it('no manifest and no release-command is an error naming the folder searched and the likely fixes', () => {
    expect(() => requireManifests(settings({}), { found: [] })).toThrow(
      'no manifest found: none of Procfile, app.json, heroku.yml is in "." (working-directory, relative to the workspace) and release-command is empty, so there is nothing to run. Check out the repository before this step (actions/checkout), or set working-directory to the folder of the app'
    )
    expect(() => requireManifests(settings({ 'working-directory': 'apps/web', procfile: 'config/Procfile' }), { found: [] })).toThrow(
      'none of config/Procfile, app.json, heroku.yml is in "apps/web"'
    )
  })

  it('one manifest, or a release-command, is enough', () => {
    expect(() => requireManifests(settings({}), { found: ['app.json'] })).not.toThrow()
    expect(() => requireManifests(settings({ 'release-command': 'migrate' }), { found: [] })).not.toThrow()
    expect(() => requireManifests(settings({ 'release-command': '   ' }), { found: [] })).toThrow('no manifest found')
  })

  it('says when no requested phase has a command', () => {
    const none = [{ phase: 'predeploy' }, { phase: 'release', command: '  ' }]
    expect(nothingToRun(none, ['Procfile'])).toBe('none of the requested phases (predeploy, release) has a command in Procfile: no task runs')
    expect(nothingToRun([{ phase: 'release', command: [] }], [])).toBe('none of the requested phases (release) has a command in the inputs: no task runs')
    expect(nothingToRun([{ phase: 'predeploy' }, { phase: 'release', command: 'migrate' }], ['Procfile'])).toBeUndefined()
    expect(nothingToRun([{ phase: 'release', command: ['bin/migrate'] }], ['heroku.yml'])).toBeUndefined()
  })

  it('the summary carries the note, as plain text', () => {
    const md = summaryMarkdown({ ...emptyResult(), notes: ['none of the requested phases (release) has a command in web_[x].json: no task runs'] }, [], {})
    expect(md).toContain('**Note:** none of the requested phases \\(release\\) has a command in web\\_\\[x\\]\\.json\\: no task runs')
  })
})
