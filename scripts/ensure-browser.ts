// Makes sure the dashboard's browser tests have a Chromium: a system one if present; else
// Debian/Ubuntu's package when we can install packages; else Playwright's own download.
import { execFileSync, spawnSync } from 'node:child_process';
import { findChromium } from '@leaderboard/dashboard/test-support/chromium';

function run(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'inherit' }).status === 0;
}

function canUseApt(): boolean {
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  return hasApt && process.getuid?.() === 0;
}

if (!findChromium()) {
  console.log('No Chromium found for the browser tests; installing one...');
  if (canUseApt()) {
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium']);
  }
  if (!findChromium()) {
    execFileSync('pnpm', ['exec', 'playwright-core', 'install', 'chromium'], { stdio: 'inherit' });
  }
  if (!findChromium()) {
    console.error('Could not install Chromium. Install Chromium or Chrome, or set CHROMIUM_PATH to one.');
    process.exit(1);
  }
}
