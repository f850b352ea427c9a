// The post step's entry (action.yml `runs.post`, bundled to dist/post/index.js). It imports only the
// cleanup: whatever the step state says, the post step can remove this run's leftovers and nothing else.
const { run } = await import('./post.js')
await run()
