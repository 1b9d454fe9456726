/**
 * What the dashboard costs to build and to load: the esbuild build (in-process, as `pnpm start`
 * and the infra tests run it) and the size of what a screen downloads, raw and gzipped.
 *
 *   pnpm --filter @leaderboard/dashboard exec tsx bench/build.bench.ts --runs=5
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { buildDashboard } from '../build.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } }, strict: false });
const runs = Math.max(1, Number(values.runs) || 5);
const outDir = mkdtempSync(join(tmpdir(), 'leaderboard-dashboard-bench-'));

const median = (samples: readonly number[]): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

try {
  const first = performance.now();
  let built = await buildDashboard({ outDir });
  const firstMs = performance.now() - first;
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    built = await buildDashboard({ outDir });
    samples.push(performance.now() - started);
  }
  console.log(
    `build: first ${firstMs.toFixed(0)} ms, then median ${median(samples).toFixed(0)} ms of ${runs}`,
  );
  console.log('| file | bytes | gzipped |');
  console.log('| ---- | ----: | ------: |');
  for (const file of built.files.filter((name) => /\.(js|css|html)$/.test(name))) {
    const content = readFileSync(join(outDir, file));
    console.log(
      `| ${file.replace(/-[A-Z0-9]{8}\./, '-<hash>.')} | ${content.length} | ${gzipSync(content).length} |`,
    );
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
