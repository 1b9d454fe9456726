import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // Pure logic: no network, no emulators; runs in parallel.
        test: {
          name: 'unit',
          root: import.meta.dirname,
          include: ['packages/*/test/unit/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'packages/appsync-local/**'],
        },
      },
      {
        // Against the real local parts (DynamoDB Local, the SQS emulator, WebSockets, Chromium),
        // sharing one DynamoDB Local whose items each test clears, so files run one at a time.
        test: {
          name: 'integration',
          root: import.meta.dirname,
          include: ['packages/*/test/integration/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'packages/appsync-local/**'],
          globalSetup: ['packages/local/test/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The AppSync emulator on its own: its unit tests, and its integration tests against a
        // DynamoDB Local of its own holding its fixture tables, one file at a time.
        test: {
          name: 'appsync-local',
          root: import.meta.dirname,
          include: ['packages/appsync-local/test/**/*.test.ts'],
          globalSetup: ['packages/appsync-local/test/support/global-setup.ts'],
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
