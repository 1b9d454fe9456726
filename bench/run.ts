/** `pnpm bench`: runs every `bench/*.bench.ts` in turn, passing on any arguments. */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const directory = import.meta.dirname;
const benches = readdirSync(directory)
  .filter((file) => file.endsWith('.bench.ts'))
  .sort();
let failed = false;
for (const bench of benches) {
  console.log(`\n== ${bench}`);
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(directory, bench), ...process.argv.slice(2)],
    {
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
