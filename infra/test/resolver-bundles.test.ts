/**
 * A deploy builds the resolver bundles it ships from the sources at hand, each time, with the
 * resolvers package's own build, and `sst dev` sees the resolver sources as part of the program
 * (it redeploys when a file of the program's bundle changes).
 */
import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pipelineFunctions, resolverBundleName, resolvers } from '@leaderboard/core';
import {
  buildResolverBundles,
  ResolverBundleBuildError,
  withoutInlineSourceMap,
} from '../resolver-bundles.ts';
import { readBundle } from './support/resolver-bundles.ts';
import { repositoryRoot } from './support/sst-program.ts';

/** A deploy builds in a child process; a busy machine may need more than the default. */
const buildTimeoutMs = 30_000;

describe('buildResolverBundles', () => {
  let sourceDir: string;

  beforeEach(() => {
    sourceDir = mkdtempSync(join(tmpdir(), 'resolver-sources-'));
    mkdirSync(join(sourceDir, 'functions'));
  });

  afterEach(() => rmSync(sourceDir, { recursive: true, force: true }));

  const writeSource = (file: string, answer: string) =>
    writeFileSync(
      join(sourceDir, file),
      `export function request() { return {}; }\nexport function response() { return '${answer}'; }\n`,
    );

  it(
    'bundles what the sources say now: a changed source is rebuilt, a removed one is gone',
    () => {
      writeSource('Query.ping.ts', 'first');
      writeSource('functions/getPong.ts', 'pong');
      const first = buildResolverBundles(repositoryRoot, sourceDir);
      expect([...first.keys()].sort()).toEqual(['Query.ping.js', 'functions/getPong.js']);
      expect(first.get('Query.ping.js')).toContain('return "first"');

      writeSource('Query.ping.ts', 'second');
      rmSync(join(sourceDir, 'functions', 'getPong.ts'));
      const second = buildResolverBundles(repositoryRoot, sourceDir);
      expect([...second.keys()]).toEqual(['Query.ping.js']);
      expect(second.get('Query.ping.js')).toContain('return "second"');
    },
    buildTimeoutMs,
  );

  it(
    "fails the deploy with esbuild's message when a source does not compile",
    () => {
      writeFileSync(join(sourceDir, 'Query.broken.ts'), 'export function request( {');
      expect(() => buildResolverBundles(repositoryRoot, sourceDir)).toThrow(ResolverBundleBuildError);
      expect(() => buildResolverBundles(repositoryRoot, sourceDir)).toThrow(/Query\.broken\.ts/);
    },
    buildTimeoutMs,
  );

  it(
    'builds the service resolvers exactly as `pnpm build:resolvers` does, less the inline source map',
    () => {
      const bundles = buildResolverBundles(
        repositoryRoot,
        join(repositoryRoot, 'packages', 'resolvers', 'src'),
      );
      const expected = [
        ...resolvers.map((resolver) => `${resolverBundleName(resolver)}.js`),
        ...pipelineFunctions.map((fn) => `functions/${fn.name}.js`),
      ];
      for (const name of expected) {
        const code = bundles.get(name);
        expect(code, name).toBeDefined();
        expect(withoutInlineSourceMap(code!), name).toBe(readBundle(name));
        expect(withoutInlineSourceMap(code!), name).not.toContain('sourceMappingURL');
      }
    },
    buildTimeoutMs,
  );
});

describe('the program bundle', () => {
  it('includes every resolver source, so that `sst dev` redeploys when one changes', async () => {
    const result = await build({
      entryPoints: [join(repositoryRoot, 'infra', 'api.ts')],
      bundle: true,
      format: 'esm',
      platform: 'node',
      write: false,
      metafile: true,
      outdir: join(tmpdir(), 'program-inputs'),
      external: ['@pulumi/*', '@aws-sdk/*', 'esbuild'],
      logLevel: 'silent',
      absWorkingDir: repositoryRoot,
    });
    const inputs = Object.keys(result.metafile.inputs);
    const sources = readdirSync(join(repositoryRoot, 'packages', 'resolvers', 'src'), { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.ts'))
      .map((file) => `packages/resolvers/src/${file.split('\\').join('/')}`);
    expect(sources.length).toBeGreaterThan(10);
    expect(inputs).toEqual(expect.arrayContaining(sources));
  });
});
