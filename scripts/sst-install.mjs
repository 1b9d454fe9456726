// Installs SST's providers and platform sources into .sst/platform without AWS or GitHub:
// the type check of sst.config.ts and the Pulumi-mock tests need them. Reinstalls when the
// platform is missing or was installed by another sst version than the pinned one.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const pinnedVersion = JSON.parse(readFileSync('node_modules/sst/package.json', 'utf8')).version;
const installedVersion = existsSync('.sst/platform/version')
  ? readFileSync('.sst/platform/version', 'utf8').trim()
  : undefined;
const complete =
  existsSync('.sst/platform/config.d.ts') &&
  existsSync('.sst/platform/node_modules/@pulumi/pulumi') &&
  existsSync('.sst/provider-lock.json');

if (complete && installedVersion === pinnedVersion && !process.argv.includes('--force')) {
  process.exit(0);
}
if (installedVersion && installedVersion !== pinnedVersion) {
  console.log(
    `sst-install: .sst/platform is from sst ${installedVersion}, the project pins ${pinnedVersion}: reinstalling`,
  );
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
