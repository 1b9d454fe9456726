/**
 * What the dashboard's browser tests share: a built page served by a whole local stack, a
 * Chromium, users with tokens, and the steps that put scores on the boards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { activityCatalog, pointsFor } from '@leaderboard/core';
import { serviceConfig } from '@leaderboard/core/config';
// By path, not by package: @leaderboard/local depends on this package to serve the page.
import { startLocalStack, type LocalStack } from '../../../local/src/stack/local-stack.ts';
import { postGraphQL, until } from '../../../local/test/integration/stack/stack-test-kit.ts';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildDashboard } from '../../build.ts';
import { launchBrowser, type TestBrowser } from './browser.ts';

export { postGraphQL, until };

export interface Step {
  readonly user: string;
  readonly type: string;
  readonly quantity: number;
  readonly programId?: string;
}

/** Each user's points from `steps` (only those of `programId` when given). */
export function totals(steps: readonly Step[], programId?: string): Map<string, number> {
  const scores = new Map<string, number>();
  for (const step of steps) {
    if (programId !== undefined && step.programId !== programId) continue;
    const definition = activityCatalog.find((candidate) => candidate.type === step.type);
    if (!definition) throw new Error(`no activity type ${step.type}`);
    scores.set(step.user, (scores.get(step.user) ?? 0) + pointsFor(definition, step.quantity));
  }
  return scores;
}

/** The table as a person reads it. */
export const readTable = (page: Page) =>
  page.$$eval('#board-rows tr:not([hidden])', (rows) =>
    rows.map((row) => ({
      rank: Number(row.querySelector('td.rank')?.textContent),
      movement: (row.querySelector('td.movement') as HTMLElement | null)?.dataset['movement'] ?? '',
      name: row.querySelector('th.name .name-text')?.textContent ?? '',
      score: Number((row.querySelector('td.score')?.textContent ?? '').replace(/\D/g, '')),
    })),
  );

export interface TestProgram {
  readonly id: string;
  readonly name: string;
  readonly activityTypes: readonly string[];
  readonly pointsGoal?: number;
}

const dayMs = 86_400_000;

export interface Testbed {
  readonly stack: LocalStack;
  readonly browser: TestBrowser;
  /** The built page the stack serves; config.json is written here. */
  readonly siteDir: string;
  /** The stack's log, for a failure's message. */
  readonly logLines: readonly string[];
  /** Mints a token for each user, the name becoming their display name, the team their team claim. */
  signIn(
    users: ReadonlyArray<{ readonly user: string; readonly name: string; readonly team?: string }>,
  ): Promise<void>;
  /** Records each step through the API with its user's token. */
  record(steps: readonly Step[]): Promise<void>;
  /** Waits until the worker has counted each user's global total (read back with their own token). */
  untilCounted(expected: ReadonlyMap<string, number>): Promise<void>;
  /** The user ids of a board as the API serves it now. */
  publishedLeaders(boardId?: string): Promise<string[]>;
  /** Creates a running program (from a day ago for 30 days), as an admin. */
  createProgram(program: TestProgram): Promise<void>;
  close(): Promise<void>;
}

export async function startTestbed(rebuildIntervalMs: number): Promise<Testbed> {
  const siteDir = mkdtempSync(join(tmpdir(), 'leaderboard-dashboard-site-'));
  const logLines: string[] = [];
  const [built, browser, stack] = await Promise.all([
    buildDashboard({ outDir: siteDir }),
    launchBrowser(),
    startLocalStack({ rebuildIntervalMs, dashboardDir: siteDir, log: (line) => logLines.push(line) }),
  ]);
  expect(built.files).toContain('index.html');
  const tokens = new Map<string, string>();
  const authorization = (user: string) => ({ authorization: tokens.get(user) ?? '' });

  return {
    stack,
    browser,
    siteDir,
    logLines,
    async signIn(users) {
      for (const { user, name, team } of users) {
        const claims = team ? { claims: { [serviceConfig.teamClaim]: team } } : {};
        tokens.set(user, await stack.mintToken({ sub: user, name, ...claims }));
      }
    },
    async record(steps) {
      for (const step of steps) {
        const response = await postGraphQL<{ recordActivity: { points: number } }>(
          stack.graphqlUrl,
          'mutation Record($input: RecordActivityInput!) { recordActivity(input: $input) { id points } }',
          {
            input: {
              type: step.type,
              quantity: step.quantity,
              ...(step.programId ? { programId: step.programId } : {}),
            },
          },
          authorization(step.user),
        );
        expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      }
    },
    async untilCounted(expected) {
      await until(
        async () => {
          for (const [user, score] of expected) {
            const standing = await postGraphQL<{ myStanding: { score: number } | null }>(
              stack.graphqlUrl,
              'query { myStanding(boardId: "global") { score } }',
              {},
              authorization(user),
            );
            if (standing.data?.myStanding?.score !== score) return false;
          }
          return true;
        },
        'the worker to count the activities',
        15_000,
      );
    },
    async publishedLeaders(boardId = 'global') {
      const board = await postGraphQL<{ leaderboard: { entries: Array<{ userId: string }> } }>(
        stack.graphqlUrl,
        'query Board($boardId: ID) { leaderboard(boardId: $boardId) { entries { userId } } }',
        { boardId },
        { 'x-api-key': stack.apiKey },
      );
      return board.data?.leaderboard.entries.map((entry) => entry.userId) ?? [];
    },
    async createProgram(program) {
      const admin = await stack.mintToken({ sub: 'program-admin', name: 'Admin', groups: ['admins'] });
      const response = await postGraphQL(
        stack.graphqlUrl,
        'mutation Create($input: ProgramInput!) { createProgram(input: $input) { id } }',
        {
          input: {
            ...program,
            activityTypes: [...program.activityTypes],
            startsAt: new Date(Date.now() - dayMs).toISOString(),
            endsAt: new Date(Date.now() + 30 * dayMs).toISOString(),
          },
        },
        { authorization: admin },
      );
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    },
    async close() {
      await browser.close();
      await stack.stop();
      rmSync(siteDir, { recursive: true, force: true });
    },
  };
}
