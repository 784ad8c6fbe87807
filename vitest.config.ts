import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          exclude: ['test/unit/renderer/**'],
          environment: 'node',
          // Property tests solve hundreds of plans; a machine busy with other work must not fail them on time.
          testTimeout: 60_000,
        },
      },
      {
        plugins: [vue()],
        test: {
          name: 'renderer',
          include: ['test/unit/renderer/**/*.test.ts'],
          environment: 'jsdom',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // Bounds on a hung test, not measures of speed: a machine whose cores are busy with other work must not fail
          // a test that waits on a state (a solve, an import) because the state came late.
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // A busy CI machine can take more than the default second to re-render after an action.
          expect: { poll: { timeout: 30_000 } },
        },
      },
    ],
  },
});
