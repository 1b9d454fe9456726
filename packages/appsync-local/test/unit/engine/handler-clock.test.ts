/**
 * A handler's time limit, kept by the guards' clock inside the sandbox (a check on entering each
 * function and at each iteration of the only loops APPSYNC_JS allows) instead of a watchdog per run.
 */
import { describe, expect, test } from 'vitest';
import { createInvocationScope, loadResolverSource } from '../../../src/engine/index.ts';

const info = {
  fieldName: 'f',
  parentTypeName: 'Query',
  variables: {},
  selectionSetList: [],
  selectionSetGraphQL: '',
};
const ctxJson = () => JSON.stringify({ arguments: {}, env: {}, stash: {} });
const call = (code: string, timeoutMs = 50) =>
  loadResolverSource('/virtual/Query.f.js', code, { timeoutMs }).call(
    'request',
    ctxJson(),
    createInvocationScope(null, info),
  );

describe('handler clock', () => {
  test('stops a for-of that never ends without calling any function', () => {
    const started = Date.now();
    const result = call(
      'export function request() { const seen = [0]; for (const n of seen) seen.push(n + 1); return seen.length; }\nexport function response() {}',
    );
    expect(result.kind).toBe('threw');
    expect(String((result as { error: unknown }).error)).toMatch(/timed out after 50ms/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test('leaves loops that end alone, braces or not', () => {
    const result = call(
      'export function request() { let sum = 0; for (const n of [1, 2, 3]) sum += n; for (const k in { a: 1, b: 2 }) if (k) sum += 10; return sum; }\nexport function response() {}',
    );
    expect(result).toMatchObject({ kind: 'returned', value: 26 });
  });

  test('gives the next handler its own full time after one ran out', () => {
    const module = loadResolverSource(
      '/virtual/Query.f.js',
      'export function request(ctx) { if (ctx.arguments.spin) { const all = [1]; for (const x of all) all.push(x); } return "done"; }\nexport function response() { let n = 0; for (const x of [1, 2, 3]) n += x; return n; }',
      { timeoutMs: 50 },
    );
    const scope = () => createInvocationScope(null, info);
    const spin = JSON.stringify({ arguments: { spin: true }, env: {}, stash: {} });
    expect(module.call('request', spin, scope()).kind).toBe('threw');
    expect(module.call('response', ctxJson(), scope())).toMatchObject({ kind: 'returned', value: 6 });
    expect(module.call('request', ctxJson(), scope())).toMatchObject({ kind: 'returned', value: 'done' });
  });
});
