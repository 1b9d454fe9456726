/**
 * The resolver bundles a deploy ships. `sst deploy` builds them itself from
 * `packages/resolvers/src`, into a folder of its own that it removes once read, so a stale or
 * half-written `packages/resolvers/dist` can never reach AppSync. `RESOLVER_BUNDLE_DIR` names
 * a folder of bundles built beforehand instead.
 *
 * No SST global is used here, so the infra tests can share `withoutInlineSourceMap`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export class ResolverBundleBuildError extends Error {
  override readonly name = 'ResolverBundleBuildError';
}

/**
 * AppSync runs resolver code as given and reads no source map: an inline one would only count
 * against the 32 KB limit on `code`.
 */
export function withoutInlineSourceMap(code: string): string {
  return code.replace(/\n\/\/# sourceMappingURL=data:[^\n]*\n?$/, '\n');
}

/** Every `.js` bundle under `dir`, keyed by its path inside it (`Query.me.js`, `functions/x.js`). */
export function readBundles(dir: string): Map<string, string> {
  const bundles = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const file = join(entry.parentPath, entry.name);
    bundles.set(relative(dir, file).split('\\').join('/'), readFileSync(file, 'utf8'));
  }
  return bundles;
}

/** Bundles every resolver and pipeline function in `sourceDir` and returns the bundles. */
export function buildResolverBundles(repositoryRoot: string, sourceDir: string): Map<string, string> {
  const outDir = mkdtempSync(join(tmpdir(), 'leaderboard-resolver-bundles-'));
  try {
    execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(repositoryRoot, 'infra', 'scripts', 'build-resolver-bundles.ts'),
        sourceDir,
        outDir,
      ],
      { cwd: repositoryRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return readBundles(outDir);
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString('utf8').trim();
    throw new ResolverBundleBuildError(
      `Building the resolver bundles from ${sourceDir} failed${stderr ? `:\n${stderr}` : ''}`,
    );
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
