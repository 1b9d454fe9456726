/**
 * Where SST's platform sits in this repository (`.sst/platform`, installed by `pnpm sst:install`),
 * and the error every stand-in for an SST internal throws when that internal has moved.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const repositoryRoot = join(import.meta.dirname, '..', '..', '..');
export const workDir = join(repositoryRoot, '.sst');
export const platformDir = join(workDir, 'platform');

export class SstInternalsMovedError extends Error {
  override readonly name = 'SstInternalsMovedError';
  constructor(what: string) {
    super(
      `${what}. The offline infra tests mirror internals of sst ${readPinnedSstVersion()}; ` +
        'if sst was upgraded, update infra/test/support/sst-program.ts and the files it runs to match it.',
    );
  }
}

function readPinnedSstVersion(): string {
  try {
    return readFileSync(join(platformDir, 'version'), 'utf8').trim();
  } catch {
    return '(unknown: .sst/platform/version is missing)';
  }
}

export function requirePlatformFile(relativePath: string): string {
  const file = join(platformDir, relativePath);
  if (!existsSync(file)) {
    throw new SstInternalsMovedError(
      `${file} does not exist (run \`pnpm sst:install\`, or the SST layout changed)`,
    );
  }
  return file;
}
