import { join, resolve } from 'node:path';

/** The repository root, found from this file's place in it. */
export const repositoryRoot = resolve(import.meta.dirname, '..', '..', '..', '..');

/** `.local/`: everything the local runtime keeps on disk (ignored by git). */
export const localStateDirectory = join(repositoryRoot, '.local');

export const defaultPaths = {
  schema: join(repositoryRoot, 'schema.graphql'),
  resolverBundles: join(repositoryRoot, 'packages', 'resolvers', 'dist'),
  dynamoDbData: join(localStateDirectory, 'dynamodb'),
  stackFile: join(localStateDirectory, 'stack.json'),
} as const;

/** Where the running stack describes itself; `LEADERBOARD_STACK_FILE` moves it (tests use their own). */
export const stackFilePath = (): string => process.env['LEADERBOARD_STACK_FILE'] ?? defaultPaths.stackFile;
