/**
 * The dashboard in a real browser against the whole local stack: the page paints the current
 * ranking, follows new snapshots live as users record activities (the subscription through
 * AppSync's client library, the rebuilder on a 1 s schedule), switches boards, and says plainly
 * when its API key is refused.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { timeWindows, windowBoardId } from '@leaderboard/core';
import type { WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDashboardConfig } from '../../build.ts';
import { startDashboardServer, type DashboardServer } from '../../src/server/dashboard-server.ts';
import { movementOf } from '../../src/view/movement.ts';
import { postGraphQL, readTable, startTestbed, totals, until, type Step, type Testbed } from './testbed.ts';

const rebuildIntervalMs = 1_000;
const program = { id: 'step-up', name: 'Step Up' };

/** Before the page opens: alice 100, bob 80, dave 30. */
const before: readonly Step[] = [
  { user: 'alice', type: 'running', quantity: 50, programId: program.id },
  { user: 'bob', type: 'cycling', quantity: 80 },
  { user: 'dave', type: 'yoga', quantity: 30 },
];
/** While it is open: carol enters at the top with 180, dave climbs to 130. */
const during: readonly Step[] = [
  { user: 'carol', type: 'swimming', quantity: 60, programId: program.id },
  { user: 'dave', type: 'workout', quantity: 2 },
];

const ranking = (scores: Map<string, number>): Array<{ name: string; score: number }> =>
  [...scores.entries()]
    .sort(([, a], [, b]) => b - a)
    .map(([user, score]) => ({ name: user.toUpperCase(), score }));

let testbed: Testbed;
let badKeySite: { dir: string; server: DashboardServer } | undefined;

beforeAll(async () => {
  testbed = await startTestbed(rebuildIntervalMs);
  // Activities name the program only once it exists (an admin creates it).
  await testbed.createProgram({ ...program, activityTypes: ['running', 'swimming'] });
  await testbed.signIn(['alice', 'bob', 'carol', 'dave'].map((user) => ({ user, name: user.toUpperCase() })));
}, 60_000);

afterAll(async () => {
  await badKeySite?.server.close();
  await testbed?.close();
  if (badKeySite) rmSync(badKeySite.dir, { recursive: true, force: true });
});

describe('the live dashboard', () => {
  it('paints the ranking, follows it live, switches boards', async () => {
    // The stack wrote config.json; the picker offers the program created before (from the API).
    const { stack, browser } = testbed;

    await testbed.record(before);
    const firstRanking = ranking(totals(before));
    await until(
      async () => (await testbed.publishedLeaders()).length === firstRanking.length,
      'the first snapshot',
      20_000,
    ).catch((error: unknown) => {
      throw new Error(`${(error as Error).message}\nlog:\n${testbed.logLines.join('\n')}`);
    });

    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    const consoleLines: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
    await page.goto(stack.dashboardUrl ?? '');
    await page
      .locator('#status[data-state="live"]')
      .waitFor({ timeout: 10_000 })
      .catch(async (error: unknown) => {
        const alert = await page.locator('#alert').textContent();
        throw new Error(
          `${(error as Error).message}\nalert: ${alert}\npage errors: ${pageErrors.join('\n')}\nconsole:\n${consoleLines.join('\n')}`,
        );
      });
    await until(
      async () => (await readTable(page)).length === firstRanking.length,
      'the first paint',
      10_000,
    );
    expect(await readTable(page)).toEqual(
      firstRanking.map((entry, index) => ({ rank: index + 1, movement: 'new', ...entry })),
    );
    await expect(page.locator('caption').textContent()).resolves.toBe('All time');
    await expect(page.locator('#as-of time').getAttribute('datetime')).resolves.toMatch(/^\d{4}-\d\d-\d\dT/);

    // A marker on the window survives only if the page is never reloaded.
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    // One snapshot carries every change: the rebuilder waits until the worker has counted them.
    await stack.rebuilder.stop();
    await testbed.record(during);
    const finalScores = totals([...before, ...during]);
    await testbed.untilCounted(finalScores);
    stack.rebuilder.start();

    const finalRanking = ranking(finalScores);
    await until(
      async () =>
        JSON.stringify((await readTable(page)).map(({ name }) => name)) ===
        JSON.stringify(finalRanking.map(({ name }) => name)),
      'the live update',
      15_000,
    );
    // carol enters at the top, dave climbs from 3rd to 2nd, alice and bob drop two places.
    expect(await readTable(page)).toEqual([
      { rank: 1, movement: 'new', name: 'CAROL', score: 180 },
      { rank: 2, movement: 'up', name: 'DAVE', score: 130 },
      { rank: 3, movement: 'down', name: 'ALICE', score: 100 },
      { rank: 4, movement: 'down', name: 'BOB', score: 80 },
    ]);
    expect(finalRanking.map(({ score }) => score)).toEqual([180, 130, 100, 80]);
    await expect(page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).resolves.toBe(
      true,
    );
    await expect(page.locator('#announcer').textContent()).resolves.toContain('CAROL leads with 180 points.');

    // The program board: only the activities recorded for the program.
    await page.locator('#board-picker').selectOption(`program:${program.id}`);
    const programRanking = ranking(totals([...before, ...during], program.id));
    await until(
      async () =>
        JSON.stringify((await readTable(page)).map(({ name, score }) => ({ name, score }))) ===
        JSON.stringify(programRanking),
      'the program board',
      10_000,
    );
    await expect(page.locator('caption').textContent()).resolves.toBe(`Program: ${program.name}`);
    expect(new URL(page.url()).searchParams.get('board')).toBe(`program:${program.id}`);

    // This ISO week's board holds everything recorded today.
    const week = windowBoardId(
      timeWindows.find(({ name }) => name === 'week')!,
      Date.now(),
    );
    await page.locator('#board-picker').selectOption(week);
    await until(
      async () =>
        JSON.stringify((await readTable(page)).map(({ name, score }) => ({ name, score }))) ===
        JSON.stringify(finalRanking),
      'the week board',
      10_000,
    );
    await page.locator('#status[data-state="live"]').waitFor({ timeout: 10_000 });
    expect(pageErrors).toEqual([]);
    // The snapshot the page shows is the API's: movement marks follow its previous ranks.
    const apiBoard = await postGraphQL<{
      leaderboard: { entries: Array<{ rank: number; previousRank: number | null }> };
    }>(
      stack.graphqlUrl,
      `query { leaderboard(boardId: "${week}") { entries { rank previousRank } } }`,
      {},
      { 'x-api-key': stack.apiKey },
    );
    expect((await readTable(page)).map(({ movement }) => movement)).toEqual(
      apiBoard.data?.leaderboard.entries.map((entry) => movementOf(entry).kind),
    );
    await page.close();
  });

  it('reconnects after the connection drops and catches up on what it missed', async () => {
    const { stack, browser } = testbed;
    const page = await browser.context.newPage();
    // The page's real-time sockets pass through the browser's WebSocket routing (to the real
    // server), so the test can cut one as a network failure would.
    const sockets: WebSocketRoute[] = [];
    let networkDown = false;
    await page.routeWebSocket(/\/graphql\/realtime/, (socket) => {
      sockets.push(socket);
      if (networkDown) void socket.close({ code: 4000, reason: 'network down' });
      else socket.connectToServer();
    });
    await page.goto(`${stack.dashboardUrl ?? ''}?board=global`);
    await page.locator('#status[data-state="live"]').waitFor({ timeout: 10_000 });
    const watching = stack.subscriptionCount();
    expect(sockets).toHaveLength(1);
    networkDown = true;
    await sockets[0]!.close({ code: 4000, reason: 'connection lost' });
    await page.locator('#status[data-state="reconnecting"]').waitFor({ timeout: 10_000 });
    await until(() => stack.subscriptionCount() < watching, 'the server to see the socket close', 10_000);

    // Published while the screen is disconnected: it must show this after reconnecting.
    await testbed.record([{ user: 'bob', type: 'running', quantity: 100 }]);
    await until(
      async () => (await testbed.publishedLeaders())[0] === 'bob',
      'bob to lead the published board',
      20_000,
    );
    expect(await readTable(page)).not.toContainEqual(expect.objectContaining({ rank: 1, name: 'BOB' }));
    expect(sockets.length).toBeGreaterThan(1);
    networkDown = false;
    await page.locator('#status[data-state="live"]').waitFor({ timeout: 20_000 });
    await until(async () => (await readTable(page))[0]?.name === 'BOB', 'the missed snapshot', 10_000);
    expect((await readTable(page))[0]).toEqual({ rank: 1, movement: 'up', name: 'BOB', score: 280 });
    await page.close();
  });

  it('shows a clear error when the API key is refused', async () => {
    const { stack, browser } = testbed;
    const dir = mkdtempSync(join(tmpdir(), 'leaderboard-dashboard-bad-key-'));
    cpSync(testbed.siteDir, dir, { recursive: true });
    writeDashboardConfig(dir, {
      graphqlUrl: stack.graphqlUrl,
      realtimeUrl: stack.realtimeUrl,
      apiKey: 'da2-thiskeydoesnotexist0000000',
      region: stack.region,
    });
    badKeySite = { dir, server: await startDashboardServer({ siteDir: dir }) };
    const page = await browser.context.newPage();
    await page.goto(badKeySite.server.url);
    await page.locator('#status[data-state="error"]').waitFor({ timeout: 10_000 });
    await expect(page.locator('#alert').textContent()).resolves.toContain('The API key was refused');
    await expect(page.locator('#alert').isVisible()).resolves.toBe(true);
    await expect(page.locator('#status-label').textContent()).resolves.toBe('Not connected');
    expect(await readTable(page)).toEqual([]);
    await page.close();
  });
});
