import { IS_POST, markMainStarted } from './state.js'

// One bundle serves both `main` and `post` (action.yml): the state set by main tells them apart.
if (IS_POST) {
  const { post } = await import('./post.js')
  await post()
} else {
  markMainStarted()
  const { run } = await import('./main.js')
  await run()
}
