/**
 * Where the browser tests find Chromium: `CHROMIUM_PATH`, then the usual system installs
 * (Debian's `chromium` package, Chrome), then a browser Playwright installed.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const systemBrowsers = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findChromium(): string | undefined {
  const configured = process.env['CHROMIUM_PATH'];
  if (configured) return configured;
  const system = systemBrowsers.find((path) => existsSync(path));
  if (system) return system;
  const managed = chromium.executablePath();
  return managed && existsSync(managed) ? managed : undefined;
}
