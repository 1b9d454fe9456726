/**
 * The engine over NONE data sources (no network): util.* through the sandbox, runtime.earlyReturn
 * in a unit resolver, subscription extensions, response headers, and load-time failures.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  createResolverEngine,
  noneDataSource,
  ResolverLoadError,
  type ResolverEngine,
} from '../../../src/engine/index.ts';
import { fieldInvocation } from '../../../src/testing/index.ts';
import { bundleFixtures } from '../../fixtures/resolvers/bundle.ts';

let bundlesDir: string;
let engine: ResolverEngine;
const logs: object[] = [];

beforeAll(async () => {
  bundlesDir = await bundleFixtures();
  engine = createResolverEngine({
    bundlesDir,
    resolvers: [
      { typeName: 'Query', fieldName: 'utilities', dataSource: 'none' },
      { typeName: 'Subscription', fieldName: 'onScoreChanged', dataSource: 'none' },
      { typeName: 'Mutation', fieldName: 'closeBoard', dataSource: 'none' },
    ],
    pipelineFunctions: [],
    dataSources: { none: noneDataSource },
    env: {},
    log: (entry) => logs.push(entry),
  });
});

const resolve = (typeName: string, fieldName: string, args: Record<string, unknown>) =>
  engine.resolve(
    fieldInvocation(
      typeName,
      fieldName,
      args,
      { resolverContext: { userId: 'u1' } },
      { authorization: 'secret', 'x-trace': 't' },
    ),
  );

test('has() knows which fields have resolvers', () => {
  expect(engine.has('Query', 'utilities')).toBe(true);
  expect(engine.has('Query', 'missing')).toBe(false);
});

test('util functions work from resolver code, with the caller identity and headers', async () => {
  const outcome = await resolve('Query', 'utilities', { early: false });
  expect(outcome.errors).toEqual([]);
  expect(outcome.data).toEqual({
    normalized: 'é',
    vtlOnly: ['undefined', 'undefined'],
    formatted: '1970-01-01 09:00',
    encoded: 'aGk=',
    filter: {
      expression: '(contains(#title,:title_contains))',
      expressionNames: { '#title': 'title' },
      expressionValues: { ':title_contains': { S: 'x' } },
    },
    attribute: { M: { n: { N: 1 } } },
    authType: 'Lambda Authorization',
    rounded: 2,
    matches: true,
    copied: { 'x-trace': 't' },
  });
  expect(logs).toContainEqual(
    expect.objectContaining({ event: 'resolver', field: 'Query.utilities', errors: [] }),
  );
});

test('earlyReturn in a unit request handler skips the data source and the response handler', async () => {
  expect(await resolve('Query', 'utilities', { early: true })).toEqual({
    data: { early: true },
    errors: [],
    extensions: {},
  });
});

test('a subscription resolver hands its filters to the server', async () => {
  const outcome = await resolve('Subscription', 'onScoreChanged', { boardId: 'global', minScore: 10 });
  expect(outcome).toEqual({
    data: null,
    errors: [],
    extensions: {
      subscriptionFilter: {
        filterGroup: [
          {
            filters: [
              { fieldName: 'boardId', operator: 'eq', value: 'global' },
              { fieldName: 'score', operator: 'ge', value: 10 },
            ],
          },
        ],
      },
      subscriptionInvalidationFilter: {
        filterGroup: [{ filters: [{ fieldName: 'boardId', operator: 'eq', value: 'global' }] }],
      },
    },
  });
});

test('invalidations and response headers come back with the outcome', async () => {
  const outcome = await resolve('Mutation', 'closeBoard', { boardId: 'b1' });
  expect(outcome).toEqual({
    data: { boardId: 'b1' },
    errors: [],
    extensions: {
      invalidateSubscriptions: [{ subscriptionField: 'onScoreChanged', payload: { boardId: 'b1' } }],
    },
    responseHeaders: { 'x-board-closed': 'b1' },
  });
});

describe('creation fails early and clearly', () => {
  test('a missing data source or pipeline function', () => {
    expect(() =>
      createResolverEngine({
        bundlesDir,
        resolvers: [{ typeName: 'Query', fieldName: 'utilities', dataSource: 'nowhere' }],
        pipelineFunctions: [],
        dataSources: {},
        env: {},
      }),
    ).toThrow(/uses data source "nowhere", which is not configured/);
    expect(() =>
      createResolverEngine({
        bundlesDir,
        resolvers: [{ typeName: 'Mutation', fieldName: 'awardPoints', pipeline: ['ghost'] }],
        pipelineFunctions: [],
        dataSources: {},
        env: {},
      }),
    ).toThrow(/unknown pipeline function "ghost"/);
  });

  test('a missing bundle, or one without both handlers', () => {
    expect(() =>
      createResolverEngine({
        bundlesDir,
        resolvers: [{ typeName: 'Query', fieldName: 'absent', dataSource: 'none' }],
        pipelineFunctions: [],
        dataSources: { none: noneDataSource },
        env: {},
      }),
    ).toThrow(ResolverLoadError);
    writeFileSync(join(bundlesDir, 'Query.halfDone.js'), 'export function request() { return {}; }\n');
    expect(() =>
      createResolverEngine({
        bundlesDir,
        resolvers: [{ typeName: 'Query', fieldName: 'halfDone', dataSource: 'none' }],
        pipelineFunctions: [],
        dataSources: { none: noneDataSource },
        env: {},
      }),
    ).toThrow(/must export both `request` and `response`/);
  });
});

describe('reload', () => {
  const bundle = (result: string) =>
    `export function request(ctx) { return { payload: null }; }\nexport function response(ctx) { return ${result}; }\n`;

  test('swaps in rebuilt bundles, and keeps the ones it had when a rebuilt one cannot be used', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'engine-reload-'));
    try {
      writeFileSync(join(dir, 'Query.version.js'), bundle("'first'"));
      const reloadable = createResolverEngine({
        bundlesDir: dir,
        resolvers: [{ typeName: 'Query', fieldName: 'version', dataSource: 'none' }],
        pipelineFunctions: [],
        dataSources: { none: noneDataSource },
        env: {},
      });
      const version = async () =>
        (await reloadable.resolve(fieldInvocation('Query', 'version', {}, null))).data;
      expect(await version()).toBe('first');

      writeFileSync(join(dir, 'Query.version.js'), bundle("'second'"));
      expect(await version()).toBe('first');
      reloadable.reload();
      expect(await version()).toBe('second');

      writeFileSync(join(dir, 'Query.version.js'), 'export function request( {\n');
      expect(() => reloadable.reload()).toThrow(/cannot parse resolver bundle/);
      expect(await version()).toBe('second');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
