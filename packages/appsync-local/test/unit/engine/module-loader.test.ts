/** Loading bundle text directly: import checks, export handling and the sandbox's globals. */
import { describe, expect, test } from 'vitest';
import {
  createInvocationScope,
  loadResolverSource,
  ResolverLoadError,
  SandboxViolationError,
} from '../../../src/engine/index.ts';

const info = {
  fieldName: 'f',
  parentTypeName: 'Query',
  variables: {},
  selectionSetList: [],
  selectionSetGraphQL: '',
};
const ctxJson = (args: Record<string, unknown> = {}) =>
  JSON.stringify({ arguments: args, env: {}, stash: {} });

function run(code: string, args: Record<string, unknown> = {}) {
  const module = loadResolverSource('/virtual/Query.f.js', code);
  return module.call('request', ctxJson(args), createInvocationScope(null, info));
}

describe('imports', () => {
  test('only @aws-appsync/utils and its dynamodb module can be imported', () => {
    expect(() =>
      loadResolverSource('/virtual/a.js', `import fs from "fs";\nexport function request() { return {}; }`),
    ).toThrow(/\/virtual\/a\.js:1:1: cannot import "fs"/);
  });

  test('unknown names from the modules are refused', () => {
    expect(() =>
      loadResolverSource('/virtual/b.js', `import { nope } from "@aws-appsync/utils/dynamodb";`),
    ).toThrow(SandboxViolationError);
  });

  test('named, renamed and namespace imports all resolve, and keep line numbers', () => {
    const result = run(
      [
        'import { util as u } from "@aws-appsync/utils";',
        'import * as ddb from "@aws-appsync/utils/dynamodb";',
        'import {',
        '  get',
        '} from "@aws-appsync/utils/dynamodb";',
        'function request(ctx) { return { a: u.str.normalize("x", "nfc"), b: ddb.get({ key: { id: 1 } }), c: get({ key: { id: 2 } }).key, g: typeof util.autoId }; }',
        'function response(ctx) { return ctx.result; }',
        'export { request, response };',
      ].join('\n'),
    );
    expect(result).toEqual({
      kind: 'returned',
      value: {
        a: 'x',
        b: { operation: 'GetItem', key: { id: { N: 1 } } },
        c: { id: { N: 2 } },
        g: 'function',
      },
      stash: {},
    });
  });

  test('a bundle that does not parse is refused with its position', () => {
    expect(() => loadResolverSource('/virtual/c.js', 'export function request( {')).toThrow(
      ResolverLoadError,
    );
  });
});

describe('sandbox globals', () => {
  test('Node.js globals are absent even when reached indirectly', () => {
    const result = run(
      'export function request() { const g = globalThis; return { p: typeof g["process"], r: typeof g["require"], b: typeof g["Buffer"], t: typeof g["setTimeout"], f: typeof g["fetch"] }; }\nexport function response() {}',
    );
    expect(result).toMatchObject({
      kind: 'returned',
      value: { p: 'undefined', r: 'undefined', b: 'undefined', t: 'undefined', f: 'undefined' },
    });
  });

  test('util, runtime and extensions are frozen', () => {
    const result = run(
      'export function request() { util.autoId = 1; return {}; }\nexport function response() {}',
    );
    expect(result.kind).toBe('threw');
  });

  test('ctx.env is read-only', () => {
    const module = loadResolverSource(
      '/virtual/e.js',
      'export function request(ctx) { ctx.env.X = "changed"; return {}; }\nexport function response() {}',
    );
    const result = module.call(
      'request',
      JSON.stringify({ arguments: {}, env: { X: 'a' }, stash: {} }),
      createInvocationScope(null, info),
    );
    expect(result.kind).toBe('threw');
  });

  test('stash changes made before an error are kept, ctx.args aliases ctx.arguments', () => {
    const result = run(
      'export function request(ctx) { ctx.stash.seen = ctx.args.id; return ctx.arguments === ctx.args; }\nexport function response() {}',
      { id: 'x' },
    );
    expect(result).toEqual({ kind: 'returned', value: true, stash: { seen: 'x' } });
  });

  test('a recursive function is refused before it can run', () => {
    expect(() =>
      loadResolverSource(
        '/virtual/r.js',
        'function spin(n) { return spin(n + 1) + 1; }\nexport function request() { return spin(0); }\nexport function response() {}',
      ),
    ).toThrow(/\/virtual\/r\.js:1:27: recursive function calls are not supported \(spin → spin\)/);
  });
});

describe('module evaluation', () => {
  test('the module body runs for every handler, so module-level state does not leak between requests', () => {
    const module = loadResolverSource(
      '/virtual/m.js',
      'const seen = [];\nconst loadedId = util.autoId();\nexport function request(ctx) { seen.push(ctx.args.n); return { seen, loadedId }; }\nexport function response() {}',
    );
    const first = module.call('request', ctxJson({ n: 1 }), createInvocationScope(null, info));
    const second = module.call('request', ctxJson({ n: 2 }), createInvocationScope(null, info));
    expect(first).toMatchObject({ kind: 'returned', value: { seen: [1] } });
    expect(second).toMatchObject({ kind: 'returned', value: { seen: [2] } });
    expect((first as { value: { loadedId: string } }).value.loadedId).not.toBe(
      (second as { value: { loadedId: string } }).value.loadedId,
    );
  });
});

describe('limits', () => {
  test('a handler that never ends is stopped by the time limit', () => {
    const module = loadResolverSource(
      '/virtual/t.js',
      'const endless = { [Symbol.iterator]() { return { next: () => ({ done: false, value: 1 }) }; } };\nexport function request() { let n = 0; for (const one of endless) { n += one; } return n; }\nexport function response() {}',
      { timeoutMs: 50 },
    );
    const result = module.call('request', ctxJson(), createInvocationScope(null, info));
    expect(result.kind).toBe('threw');
    expect(String((result as { error: unknown }).error)).toMatch(/timed out/);
  });

  test('stack frames cannot be turned into function references', () => {
    const result = run(
      'export function request() { Error.prepareStackTrace = (error, frames) => frames.map((frame) => frame.getFunction()); return new Error("x").stack; }\nexport function response() {}',
    );
    expect(result.kind).toBe('threw');
  });
});
