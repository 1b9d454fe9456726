/**
 * What `pnpm dev` watches: the files each function's handler loads (workspace sources followed,
 * node_modules left out), and saves to watched files reported once a burst of events settles.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { functions } from '@leaderboard/core';
import { repositoryRoot } from '@leaderboard/local/stack/paths';
import { until } from '@leaderboard/local/test-support/until';
import { afterAll, describe, expect, it } from 'vitest';
import { startHandlerSources } from '../../src/dev/handler-sources.ts';
import { SourceWatch } from '../../src/dev/source-watch.ts';

const source = (...path: string[]) => join(repositoryRoot, 'packages', ...path);

describe('handler sources', () => {
  it('name the functions whose handlers load a changed file', async () => {
    const sources = await startHandlerSources(repositoryRoot, functions);
    try {
      expect(sources.functionsReading([source('functions', 'src', 'worker.ts')])).toEqual(['Worker']);
      expect(sources.functionsReading([source('functions', 'src', 'rebuild', 'cadence.ts')])).toEqual([
        'RebuilderFunction',
      ]);
      // Core code is the workspace's own: followed into every handler that uses it.
      const coreUsers = sources.functionsReading([source('core', 'src', 'config.ts')]);
      expect(coreUsers).toEqual(expect.arrayContaining(['Worker', 'RebuilderFunction', 'Authorizer']));
      expect([...sources.files()].some((file) => file.includes('node_modules'))).toBe(false);
      expect(sources.functionsReading([source('resolvers', 'src', 'Query.leaderboard.ts')])).toEqual([]);
    } finally {
      await sources.close();
    }
  });
});

describe('SourceWatch', () => {
  const dir = mkdtempSync(join(tmpdir(), 'source-watch-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports saves to watched files once a burst settles, and nothing for other files', async () => {
    const watched = join(dir, 'watched.ts');
    const other = join(dir, 'other.ts');
    writeFileSync(watched, '1');
    const reports: string[][] = [];
    const watch = new SourceWatch((files) => reports.push(files));
    watch.watch(new Set([watched]));
    try {
      writeFileSync(other, 'x');
      writeFileSync(watched, '2');
      writeFileSync(watched, '3');
      await until(() => reports.length > 0, 'a report', 2_000);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(reports).toEqual([[watched]]);
    } finally {
      watch.close();
    }
  });
});
