import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // Pure logic: no network, no emulators; runs in parallel.
        test: {
          name: 'unit',
          root: import.meta.dirname,
          include: ['packages/*/test/unit/**/*.test.ts'],
        },
      },
      {
        // Against the real local parts (DynamoDB Local, the SQS emulator, WebSockets, Chromium),
        // sharing one DynamoDB Local whose items each test clears, so files run one at a time.
        test: {
          name: 'integration',
          root: import.meta.dirname,
          include: ['packages/*/test/integration/**/*.test.ts'],
          globalSetup: ['packages/local/src/testing/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The SST program under Pulumi's runtime mocks.
        test: {
          name: 'infra',
          root: import.meta.dirname,
          include: ['infra/test/**/*.test.ts'],
          globalSetup: ['infra/test/support/global-setup.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
