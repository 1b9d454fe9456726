/**
 * Every `pnpm <command>` that the README's local sections, the banner and the commands' help
 * print names one of the repository's scripts, or pnpm's install: never a name pnpm keeps for
 * itself or hands to npm (`pnpm token` ran npm's registry-token command).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '@leaderboard/local/stack/paths';
import { describe, expect, it } from 'vitest';
import { suggestedCommands } from '../../src/banner.ts';
import { devUsage, startUsage } from '../../src/service-options.ts';

const scripts = Object.keys(
  (JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as { scripts: object }).scripts,
);
const readme = readFileSync(join(repositoryRoot, 'README.md'), 'utf8');

/** The README from one heading to the next of the same level. */
function readmeSection(heading: string): string {
  const start = readme.indexOf(`\n## ${heading}\n`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** `pnpm <name>` where a command is typed: at a line's start, after a label, in code, in `$(...)`, after `&&`. */
const commandNames = (text: string) =>
  [...text.matchAll(/(?<=^\s*|`|\$\(|&& |:\s+)pnpm (?:-s )?([a-z][\w:-]*)/gm)].map((match) => match[1]!);

const helpTexts = ['token', 'simulate', 'dlq'].map((name) =>
  readFileSync(join(repositoryRoot, 'packages', 'cli', 'src', `${name}.ts`), 'utf8'),
);

describe('documented commands', () => {
  it.each([
    ['README: The two commands', readmeSection('The two commands')],
    ['README: Using the local service', readmeSection('Using the local service')],
    ['the banner', Object.values(suggestedCommands).join('\n')],
    ['pnpm start --help', startUsage],
    ['pnpm dev --help', devUsage],
    ['the other commands\u2019 help', helpTexts.join('\n')],
  ])('%s names only scripts of this repository', (_where, text) => {
    const names = commandNames(text);
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => name !== 'install' && !scripts.includes(name))).toEqual([]);
  });

  it('no script takes a name that pnpm hands to npm', () => {
    expect(scripts).not.toContain('token');
  });
});
