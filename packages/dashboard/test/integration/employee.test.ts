/**
 * The employee page in Chromium against the whole local stack: a person signs in through the
 * local issuer's login form (the authorization code flow with PKCE, as on managed login), sees
 * the API's validation message under the field at fault, records an activity, and watches their
 * program progress, their rank and their team's place change, live again when a colleague
 * overtakes them; on a 390x844 phone and on a desktop, by keyboard, with readable contrast; sees an
 * activity an admin reversed marked in the history and its points taken back; then signs out.
 *
 * Set DASHBOARD_SCREENSHOT_DIR (e.g. `docs`) to keep the screenshots this test takes.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contrastRatios } from './page-probes.ts';
import { postGraphQL, startTestbed, totals, until, type Step, type Testbed } from './testbed.ts';

const program = { id: 'step-up', name: 'Step Up', activityTypes: ['running', 'cycling'], pointsGoal: 200 };
const colleagues = [
  { user: 'alice', name: 'Alice Moreau', team: 'red' },
  { user: 'bob', name: 'Bob Tanaka', team: 'blue' },
  { user: 'carol', name: 'Carol Haddad', team: 'red' },
];
/** Before Dana signs in: Alice 120, Bob 90, Carol 40. */
const before: readonly Step[] = [
  { user: 'alice', type: 'running', quantity: 60, programId: program.id },
  { user: 'bob', type: 'cycling', quantity: 90 },
  { user: 'carol', type: 'yoga', quantity: 40 },
];
/** Dana's activity, recorded through the page: 100 points, half the program's goal. */
const danas: Step = { user: 'dana', type: 'running', quantity: 50, programId: program.id };
/** While Dana watches: Bob swims to 150 and overtakes her. */
const overtaking: Step = { user: 'bob', type: 'swimming', quantity: 20 };

const screenshotDir = process.env['DASHBOARD_SCREENSHOT_DIR'] ?? tmpdir();

let testbed: Testbed;
let page: Page;
const pageErrors: string[] = [];

const text = (selector: string) => page.locator(selector).innerText();
const untilText = (selector: string, expected: string, what: string) =>
  until(async () => (await text(selector)).trim() === expected, what, 20_000).catch(
    async (error: unknown) => {
      throw new Error(
        `${(error as Error).message}: ${selector} shows "${await text(selector)}"\npage errors: ${pageErrors.join('\n')}`,
      );
    },
  );

const aroundRows = () =>
  page.$$eval('#around li', (rows) =>
    rows.map((row) => ({
      rank: row.querySelector('.around-rank')?.textContent,
      name: row.querySelector('.around-name')?.textContent,
      own: row.getAttribute('aria-current') === 'true',
    })),
  );

beforeAll(async () => {
  testbed = await startTestbed(1_000);
  await testbed.createProgram(program);
  await testbed.signIn(colleagues);
  await testbed.record(before);
  await testbed.untilCounted(totals(before));
  page = await testbed.browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.setViewportSize({ width: 390, height: 844 });
}, 90_000);

afterAll(async () => {
  await testbed?.close();
});

describe('the employee page', () => {
  it('signs in through the issuer login form', async () => {
    await page.goto(`${testbed.stack.dashboardUrl ?? ''}me.html`);
    await page.locator('#sign-in').click();
    // The local issuer's form, standing for managed login.
    await page.locator('#user_id').fill('dana');
    await page.locator('#display_name').fill('Dana Scully');
    await page.locator('#team').fill('blue');
    await page.locator('button[type=submit]').click();

    await page.locator('#signed-in').waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).search).toBe('');
    await expect(text('#who-name')).resolves.toBe('Dana Scully · blue');
    await untilText('#rank-context', 'No points on this board yet', 'the empty standing');
    await expect(text('#my-rank')).resolves.toBe('–');
    await untilText('#progress-list .progress-points', '0 of 200 points', 'the program at zero');
    await page.locator('#live[data-state="live"]').waitFor({ timeout: 15_000 });
  });

  it("shows the API's validation message under the field at fault", async () => {
    await page.locator('#field-type').selectOption('running');
    await page.locator('#field-quantity').fill('500');
    await page.locator('#record-button').click();
    await page.locator('#field-quantity-error').waitFor({ timeout: 10_000 });
    await expect(text('#field-quantity-error')).resolves.toBe(
      'quantity 500 is more than the 300 minutes one running activity may record.',
    );
    await expect(page.locator('#field-quantity').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('field-quantity');
    await expect(page.locator('#history li').count()).resolves.toBe(0);
  });

  it('records an activity, then shows the progress and the rank it earned', async () => {
    await page.locator('#field-quantity').fill(String(danas.quantity));
    await page.locator('#field-programId').selectOption(program.id);
    await page.locator('#record-button').click();

    await untilText('#history li:first-child .history-what', 'Running · 50 minutes', 'the history');
    await expect(text('#history li:first-child .history-points')).resolves.toBe('+100 points');
    await expect(page.locator('#field-quantity-error').isHidden()).resolves.toBe(true);
    await untilText('#progress-list .progress-points', '100 of 200 points', 'the progress');
    await expect(page.locator('#progress-list .progress-bar').getAttribute('aria-valuenow')).resolves.toBe(
      '50',
    );
    // Alice 120, Dana 100, Bob 90, Carol 40.
    await untilText('#my-rank', '#2', 'the rank');
    await expect(text('#my-score')).resolves.toBe('100 points');
    expect(await aroundRows()).toEqual([
      { rank: '#1', name: 'Alice Moreau', own: false },
      { rank: '#2', name: 'Dana Scully', own: true },
      { rank: '#3', name: 'Bob Tanaka', own: false },
      { rank: '#4', name: 'Carol Haddad', own: false },
    ]);
    await untilText('#record-status', 'Counted. You have 100 points in all.', 'the counted status');
    // Blue (Bob 90, Dana 100) leads red (Alice 120, Carol 40) on the team board.
    await expect(text('#team .team-name')).resolves.toBe('blue');
    await untilText('#team .team-facts li:first-child', '#1 of 2 teams by points', "the team's place");
  });

  it('moves the rank live when someone overtakes', async () => {
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    await testbed.record([overtaking]);
    await untilText('#my-rank', '#3', 'the live rank');
    await untilText(
      '#team .team-facts li:last-child',
      '250 points from 2 members (125 each)',
      'the team live',
    );
    expect((await aroundRows()).map(({ name }) => name)).toEqual([
      'Bob Tanaka',
      'Alice Moreau',
      'Dana Scully',
      'Carol Haddad',
    ]);
    await expect(page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).resolves.toBe(
      true,
    );
    await page.locator('#standing-board').selectOption(`program:${program.id}`);
    // On the program's board only Alice's and Dana's runs count.
    await untilText('#my-rank', '#2', 'the program board rank');
    await page.locator('#standing-board').selectOption('global');
    await untilText('#my-rank', '#3', 'back on all time');
  });

  it('fits a phone, works by keyboard and keeps text readable', async () => {
    const layout = await page.evaluate(() => ({
      scrollWidth: document.scrollingElement!.scrollWidth,
      innerWidth,
    }));
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
    await page.screenshot({ path: join(screenshotDir, 'employee-phone.png'), fullPage: true });

    // A reload keeps the sign-in (sessionStorage) and starts keyboard focus at the top.
    await page.reload();
    await untilText('#my-rank', '#3', 'the rank after a reload');
    const reached: string[] = [];
    for (let press = 0; press < 20; press += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.id ?? '');
      // The date and time field takes one Tab per part (day, month, year, hour, minute).
      if (reached.at(-1) !== focused) reached.push(focused);
    }
    expect(reached.slice(0, 8)).toEqual([
      'skip-link',
      'sign-out',
      'field-type',
      'field-quantity',
      'field-programId',
      'field-occurredAt',
      'record-button',
      'standing-board',
    ]);
    const ratios = await contrastRatios(page, [
      '#who-name',
      '#field-type-hint',
      '#rank-context',
      '#my-rank',
      '#around li[aria-current] .around-name',
      '#progress-list .progress-detail',
      '#history .history-meta',
      '#record-button',
    ]);
    for (const [selector, ratio] of Object.entries(ratios)) {
      expect(ratio, selector).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('lays out in two columns on a desktop', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const [left, right] = await page.$$eval('.column', (columns) =>
      columns.map((column) => column.getBoundingClientRect().left),
    );
    expect(right).toBeGreaterThan(left ?? 0);
    await page.screenshot({ path: join(screenshotDir, 'employee-desktop.png'), fullPage: true });
  });

  it('marks an activity an admin reversed, and takes back what it counted', async () => {
    const { stack } = testbed;
    const admin = { authorization: await stack.mintToken({ sub: 'ops', name: 'Ops', groups: ['admins'] }) };
    const listed = await postGraphQL<{ userActivities: { items: Array<{ key: string }> } }>(
      stack.graphqlUrl,
      'query Listed($userId: ID!) { userActivities(userId: $userId) { items { key } } }',
      { userId: 'dana' },
      admin,
    );
    const reversal = await postGraphQL(
      stack.graphqlUrl,
      'mutation Reverse($input: ReverseActivityInput!) { reverseActivity(input: $input) { activityId } }',
      {
        input: {
          userId: 'dana',
          activityKey: listed.data?.userActivities.items[0]?.key,
          reason: 'Recorded twice',
        },
      },
      admin,
    );
    expect(reversal.errors, JSON.stringify(reversal.errors)).toBeUndefined();

    await untilText('#history li:first-child .history-reversed', 'Reversed: Recorded twice', 'the reversal');
    await untilText('#progress-list .progress-points', '0 of 200 points', 'the progress taken back');
    await untilText('#my-rank', '–', 'the rank taken back');
  });

  it('signs out', async () => {
    await page.locator('#sign-out').click();
    await page.locator('#signed-out').waitFor({ timeout: 10_000 });
    await expect(page.locator('#signed-in').isHidden()).resolves.toBe(true);
    await expect(page.evaluate(() => sessionStorage.length)).resolves.toBe(0);
    await expect(text('#notice')).resolves.toBe('You are signed out.');
    await expect(page.locator('#alert').isHidden()).resolves.toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
