// Installs SST's providers and platform sources into .sst/platform without AWS or GitHub:
// the type check of sst.config.ts and the Pulumi-mock tests need them.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (
  existsSync('.sst/platform/config.d.ts') &&
  existsSync('.sst/platform/node_modules/@pulumi/pulumi') &&
  !process.argv.includes('--force')
) {
  process.exit(0);
}
execFileSync('pnpm', ['exec', 'sst', 'install', '--stage', process.env.SST_STAGE ?? 'ci'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    SST_SKIP_DEPENDENCY_CHECK: '1',
    SST_NO_BUN: '1',
    SST_TELEMETRY_DISABLED: '1',
    AWS_EC2_METADATA_DISABLED: 'true',
  },
});
