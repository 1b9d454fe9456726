/**
 * What a wall screen downloads, and what the dashboard build costs, against a baseline built
 * in the same run: the same entry points and options without the browser module
 * substitutions (graphql's tree-shakeable `.mjs` files, the `url` shim).
 *
 *   pnpm exec tsx bench/dashboard-build.bench.ts --runs=5
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { dashboardBuildOptions } from '@leaderboard/dashboard/build';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } }, strict: false });
const runs = Math.max(1, Number(values.runs) || 5);

interface Sample {
  readonly ms: number;
  readonly scriptBytes: number;
  readonly scriptGzipBytes: number;
}

async function buildOnce(withSubstitutions: boolean): Promise<Sample> {
  const outDir = mkdtempSync(join(tmpdir(), 'leaderboard-dashboard-bench-'));
  try {
    const options = dashboardBuildOptions(outDir);
    const started = performance.now();
    const result = await build(withSubstitutions ? options : { ...options, plugins: [] });
    const ms = performance.now() - started;
    const script = scriptOutput(result.metafile);
    const content = readFileSync(script);
    return { ms, scriptBytes: content.length, scriptGzipBytes: gzipSync(content).length };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function scriptOutput(metafile: Metafile): string {
  const found = Object.entries(metafile.outputs).find(([file, output]) =>
    Boolean(output.entryPoint?.endsWith('src/browser/main.ts') && file.endsWith('.js')),
  );
  if (!found) throw new Error('the build produced no script');
  return found[0];
}

const median = (samples: readonly number[]): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

await buildOnce(true);
await buildOnce(false);
const shipped: Sample[] = [];
const baseline: Sample[] = [];
for (let run = 0; run < runs; run += 1) {
  shipped.push(await buildOnce(true));
  baseline.push(await buildOnce(false));
}
const row = (name: string, samples: readonly Sample[]) => ({
  name,
  ms: median(samples.map((sample) => sample.ms)),
  bytes: samples[0]?.scriptBytes ?? 0,
  gzip: samples[0]?.scriptGzipBytes ?? 0,
});
const rows = [row('baseline (no substitutions)', baseline), row('dashboard build', shipped)];
const [base, ours] = rows as [ReturnType<typeof row>, ReturnType<typeof row>];
console.log(`median of ${runs} runs after one warm-up each`);
console.log('| build | build ms | script bytes | gzipped | gzipped vs baseline |');
console.log('| ----- | -------: | -----------: | ------: | ------------------: |');
for (const { name, ms, bytes, gzip } of rows) {
  console.log(`| ${name} | ${ms.toFixed(0)} | ${bytes} | ${gzip} | ${(gzip / base.gzip).toFixed(2)}x |`);
}
console.log(`script size ratio (baseline / dashboard): ${(base.gzip / ours.gzip).toFixed(2)}x gzipped`);
