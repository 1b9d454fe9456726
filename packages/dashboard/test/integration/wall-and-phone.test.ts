/**
 * The dashboard as a wall screen and on a phone, in Chromium against the whole local stack:
 * 25 rows fill a 1920x1080 screen without scrolling, the top three wear medals, bars follow the
 * scores, a rank change moves rows to their new place (and does not when the viewer asks for
 * reduced motion), and a 390x844 phone neither scrolls sideways nor loses the viewer's row.
 *
 * Set DASHBOARD_SCREENSHOT_DIR (e.g. `docs`) to keep the screenshots this test takes.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable, startTestbed, totals, until, type Step, type Testbed } from './testbed.ts';
import {
  contrastRatios,
  installMoveRecorder,
  readLayout,
  recordedMoves,
  untilSettled,
} from './page-probes.ts';

const names = [
  'Amara Okafor',
  'Jonas Weber',
  'Priya Raman',
  'Lucas Moreau',
  'Sofia Rossi',
  'Kenji Tanaka',
  'Maya Cohen',
  'Omar Haddad',
  'Elena Petrova',
  'Noah Williams',
  'Aiko Suzuki',
  'Mateo García',
  'Freya Nilsson',
  'Ravi Kapoor',
  'Chloé Dubois',
  'Tomás Silva',
  'Hana Kim',
  'Liam O’Brien',
  'Zara Ahmed',
  'Felix Braun',
  'Isla Murray',
  'Diego Herrera',
  'Nadia Benali',
  'Oskar Lindqvist',
  'Grace Mensah',
];
const users = names.map((name, index) => ({ user: `runner-${String(index).padStart(2, '0')}`, name }));
const nameOf = new Map(users.map(({ user, name }) => [user, name]));
/** 25 distinct scores, 400 down to 64: each user ran 200 - 7i minutes (2 points a minute). */
const opening: readonly Step[] = users.map(({ user }, index) => ({
  user,
  type: 'running',
  quantity: 200 - 7 * index,
}));
/** The viewer: 24th, below what a phone fits. */
const viewer = users[23]!.user;
/** 20th (134) cycles 260 km to 394: 2nd, ahead of the 18 between. */
const climb: Step = { user: users[19]!.user, type: 'cycling', quantity: 260 };
/** 25th (64) cycles 300 km to 364: 6th. */
const secondClimb: Step = { user: users[24]!.user, type: 'cycling', quantity: 300 };

const expectedOrder = (steps: readonly Step[]) =>
  [...totals(steps).entries()].sort(([, a], [, b]) => b - a).map(([user, score]) => ({ user, score }));

const screenshotDir = process.env['DASHBOARD_SCREENSHOT_DIR'] ?? tmpdir();
const boardAddress = () => `${testbed.stack.dashboardUrl ?? ''}?board=global&user=${viewer}`;

let testbed: Testbed;
let wall: Page;

/** Waits until the page's rows, shown or left out, are the users in the order `steps` rank them. */
async function untilOrder(page: Page, steps: readonly Step[], what: string): Promise<void> {
  const expected = JSON.stringify(expectedOrder(steps).map(({ user }) => user));
  const rowOrder = () =>
    page.$$eval('#board-rows tr', (rows) => rows.map((row) => (row as HTMLElement).dataset['userId']));
  await until(async () => JSON.stringify(await rowOrder()) === expected, what, 15_000);
}

beforeAll(async () => {
  testbed = await startTestbed(1_000);
  await testbed.signIn(users);
  await testbed.record(opening);
  await until(
    async () => (await testbed.publishedLeaders()).length === users.length,
    'the board of 25',
    30_000,
  );
  wall = await testbed.browser.context.newPage();
  await wall.setViewportSize({ width: 1920, height: 1080 });
  await wall.goto(boardAddress());
  await wall.locator('#status[data-state="live"]').waitFor({ timeout: 10_000 });
  await untilOrder(wall, opening, 'the first paint');
  await untilSettled(wall);
}, 90_000);

afterAll(async () => {
  await testbed?.close();
});

describe('the dashboard on a 1920x1080 wall', () => {
  it('shows all 25 rows without scrolling', async () => {
    const layout = await readLayout(wall);
    expect(layout.scrollHeight).toBeLessThanOrEqual(layout.innerHeight);
    expect(layout.rows).toHaveLength(25);
    expect(layout.rows.filter((row) => row.hidden)).toEqual([]);
    for (const row of layout.rows) expect(row.bottom).toBeLessThanOrEqual(layout.frameBottom + 0.5);
    expect(layout.more).toBeNull();
  });

  it('sets the top three apart with gold, silver and bronze', async () => {
    const { rows } = await readLayout(wall);
    expect(rows.map((row) => row.medal)).toEqual(['gold', 'silver', 'bronze', ...Array(22).fill(null)]);
    const badges = rows.slice(0, 4).map((row) => row.badgeBackground);
    expect(new Set(badges.slice(0, 3)).size).toBe(3);
    expect(badges.slice(0, 3)).not.toContain('rgba(0, 0, 0, 0)');
    expect(badges[3]).toBe('rgba(0, 0, 0, 0)');
    expect(rows[0]!.height).toBeGreaterThan(rows[3]!.height);
  });

  it('draws each score bar in proportion to the leader', async () => {
    const { rows } = await readLayout(wall);
    const scores = expectedOrder(opening);
    const leader = scores[0]!.score;
    expect(rows.map((row) => row.userId)).toEqual(scores.map(({ user }) => user));
    rows.forEach((row, index) => expect(row.barShare).toBeCloseTo(scores[index]!.score / leader, 2));
    expect(rows.at(-1)!.barShare).toBeCloseTo(64 / 400, 2);
  });

  it("highlights the viewer's own row", async () => {
    const { rows } = await readLayout(wall);
    expect(rows.filter((row) => row.own).map((row) => row.userId)).toEqual([viewer]);
    await expect(wall.locator(`tr[data-user-id="${viewer}"] .you-tag`).textContent()).resolves.toBe('You');
  });

  it('has a favicon, under a content-hashed name so it can be cached for good', async () => {
    const icon = await wall.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
      if (!link) return undefined;
      const response = await fetch(link.href);
      return {
        href: link.href,
        status: response.status,
        type: response.headers.get('content-type'),
        caching: response.headers.get('cache-control'),
        body: await response.text(),
      };
    });
    expect(icon).toMatchObject({ status: 200, type: 'image/svg+xml' });
    expect(icon?.href).toMatch(/\/favicon-[A-Z0-9]{8}\.svg$/);
    expect(icon?.caching).toContain('immutable');
    expect(icon?.body).toContain('<svg');
  });

  it('moves rows to their new place when ranks change, and ends in the new order', async () => {
    await installMoveRecorder(wall);
    await testbed.record([climb]);
    await untilOrder(wall, [...opening, climb], 'the climb on screen');
    const moves = await recordedMoves(wall);
    // The climber starts below its new place and travels up; those it passed start above.
    expect(moves.find((move) => move.userId === climb.user)?.startOffset).toBeGreaterThan(0);
    expect(moves.find((move) => move.userId === users[1]!.user)?.startOffset).toBeLessThan(0);
    await untilSettled(wall);
    const { rows } = await readLayout(wall);
    expect(rows.map((row) => row.transform)).toEqual(Array(25).fill('none'));
    const table = await readTable(wall);
    expect(table.map((row) => row.name)).toEqual(
      expectedOrder([...opening, climb]).map(({ user }) => nameOf.get(user)),
    );
    expect(table[1]).toMatchObject({ rank: 2, movement: 'up', name: nameOf.get(climb.user), score: 394 });
    expect(table.slice(2, 20).map((row) => row.movement)).toEqual(Array(18).fill('down'));
    expect(table.slice(20).map((row) => row.movement)).toEqual(Array(5).fill('same'));
    await wall.screenshot({ path: join(screenshotDir, 'dashboard-wall.png') });
  });

  it('does not move rows when the viewer prefers reduced motion', async () => {
    await wall.emulateMedia({ reducedMotion: 'reduce' });
    await installMoveRecorder(wall);
    await testbed.record([secondClimb]);
    await untilOrder(wall, [...opening, climb, secondClimb], 'the second climb on screen');
    expect(await recordedMoves(wall)).toEqual([]);
    await expect(wall.evaluate(() => document.getAnimations().length)).resolves.toBe(0);
    await wall.emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('re-fits its rows when the window gets shorter', async () => {
    await wall.setViewportSize({ width: 1920, height: 700 });
    await until(async () => (await readLayout(wall)).more !== null, 'the rows to be re-fitted', 5_000);
    const layout = await readLayout(wall);
    const shown = layout.rows.filter((row) => !row.hidden);
    expect(layout.scrollHeight).toBeLessThanOrEqual(layout.innerHeight);
    expect(layout.more).toBe(`+${25 - shown.length} more`);
    for (const row of shown) expect(row.bottom).toBeLessThanOrEqual(layout.frameBottom + 0.5);
    expect(shown.at(-1)).toMatchObject({ userId: viewer, afterGap: true });
  });
});

describe('the dashboard on a 390x844 phone', () => {
  let phone: Page;

  beforeAll(async () => {
    phone = await testbed.browser.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(boardAddress());
    await phone.locator('#status[data-state="live"]').waitFor({ timeout: 10_000 });
    await untilOrder(phone, [...opening, climb, secondClimb], 'the phone paint');
    await untilSettled(phone);
  });

  it("neither scrolls sideways nor down, and keeps the viewer's row under the rows that fit", async () => {
    const layout = await readLayout(phone);
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
    expect(layout.widestRight).toBeLessThanOrEqual(layout.innerWidth);
    expect(layout.scrollHeight).toBeLessThanOrEqual(layout.innerHeight);
    const shown = layout.rows.filter((row) => !row.hidden);
    expect(shown.length).toBeGreaterThan(10);
    expect(shown.length).toBeLessThan(25);
    expect(layout.more).toBe(`+${25 - shown.length} more`);
    expect(shown.at(-1)).toMatchObject({ userId: viewer, own: true, afterGap: true });
    for (const row of shown) expect(row.bottom).toBeLessThanOrEqual(layout.frameBottom + 0.5);
    await phone.screenshot({ path: join(screenshotDir, 'dashboard-phone.png') });
  });

  it('has text with at least 4.5:1 contrast against what is behind it', async () => {
    const ratios = await contrastRatios(phone, [
      '#status-label',
      'label[for="board-picker"]',
      '#board-picker',
      '#board-caption',
      'thead th',
      '#board-rows tr:not([hidden]) td.rank',
      '#board-rows tr:not([hidden]) td.score',
      '#more',
      '.footer',
      '.you-tag',
    ]);
    for (const [selector, ratio] of Object.entries(ratios)) {
      expect(ratio, selector).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('lets the board be picked with the keyboard alone', async () => {
    await phone.keyboard.press('Tab');
    await expect(phone.evaluate(() => document.activeElement?.id)).resolves.toBe('board-picker');
    const picker = await phone.locator('#board-picker').evaluate((element) => ({
      height: element.getBoundingClientRect().height,
      outline: getComputedStyle(element).outlineStyle,
    }));
    expect(picker.height).toBeGreaterThanOrEqual(44);
    expect(picker.outline).toBe('solid');
    await phone.keyboard.press('ArrowDown');
    await expect(phone.locator('caption').textContent()).resolves.toMatch(/^This week/);
    expect(new URL(phone.url()).searchParams.get('board')).toMatch(/^week:/);
    await untilOrder(phone, [...opening, climb, secondClimb], 'the week board');
  });
});
