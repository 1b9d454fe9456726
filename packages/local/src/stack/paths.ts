import { dirname, join, resolve } from 'node:path';

/** The repository root, found from this file's place in it. */
export const repositoryRoot = resolve(import.meta.dirname, '..', '..', '..', '..');

/** `.local/`: everything the local runtime keeps on disk (ignored by git). */
export const localStateDirectory = join(repositoryRoot, '.local');

export const defaultPaths = {
  schema: join(repositoryRoot, 'schema.graphql'),
  resolverBundles: join(repositoryRoot, 'packages', 'resolvers', 'dist'),
  stackFile: join(localStateDirectory, 'stack.json'),
} as const;

/** Where the running stack describes itself; `LEADERBOARD_STACK_FILE` moves it (tests use their own). */
export const stackFilePath = (): string => process.env['LEADERBOARD_STACK_FILE'] ?? defaultPaths.stackFile;

/**
 * The state folder of a run: `.local/`, or the folder of `LEADERBOARD_STACK_FILE` (tests keep
 * each run's state apart this way).
 */
export const stateDirectory = (): string => dirname(stackFilePath());

/** What a stack keeps in its state folder. */
export function stateFiles(stateDir: string) {
  return {
    dynamoDbData: join(stateDir, 'dynamodb'),
    /** With `--persist`: the API key, the issuer's key and port, the certificate (owner-only). */
    keptState: join(stateDir, 'kept-keys.json'),
    /** With `--https`: the certificate to trust. */
    certificate: join(stateDir, 'certificate.pem'),
    dashboard: join(stateDir, 'dashboard'),
  } as const;
}
