// The main step's entry (action.yml `runs.main`). The post step has its own entry, post-entry.ts, so
// which one runs is fixed by the file the runner starts, never by state a relayed line could forge.
const { run } = await import('./main.js')
await run()
