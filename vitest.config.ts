import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // Under CI the JSON report feeds .ci/run's closing tally line.
    reporters: process.env.CI === 'true' ? ['default', 'json'] : ['default'],
    outputFile: { json: '.vitest-report.json' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['__tests__/unit/**/*.test.ts'],
          // Its ESM imports JSON without an import attribute, which Node refuses: let vite transform it.
          server: { deps: { inline: ['@actions/workflow-parser'] } }
        }
      },
      {
        test: {
          name: 'engine',
          include: ['__tests__/engine/**/*.test.ts'],
          globalSetup: ['__tests__/helpers/engine-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Two cores: engine files run one after another; the daemon-killing test is in its own file last.
          fileParallelism: false,
          sequence: { shuffle: false }
        }
      },
      {
        test: {
          // The documented workflows, played job by job on the real engine (__tests__/journeys/player/).
          name: 'journeys',
          include: ['__tests__/journeys/**/*.test.ts'],
          globalSetup: ['__tests__/helpers/engine-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // After unit and engine (group 0): two heavy Docker users at once on two cores time out.
          sequence: { shuffle: false, groupOrder: 1 }
        }
      }
    ]
  }
})
