/**
 * What AWS's "Supported runtime features" page (APPSYNC_JS 1.0.0) and the APPSYNC_JS eslint
 * rules refuse is refused here too: at load time where the bundle shows it, at run time where
 * only running shows it. Every refusal names the resolver's own file and line.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  createInvocationScope,
  loadResolverModule,
  loadResolverSource,
  SandboxViolationError,
} from '../../../src/engine/index.ts';
import { runtimeError } from '../../../src/engine/module-loader.ts';
import { bundleFixtures, refusedSourceDir } from '../../fixtures/resolvers/bundle.ts';

let bundlesDir: string;

beforeAll(async () => {
  bundlesDir = await bundleFixtures(refusedSourceDir);
});

function refusal(name: string): SandboxViolationError {
  try {
    loadResolverModule(join(bundlesDir, `${name}.js`));
  } catch (error) {
    if (error instanceof SandboxViolationError) return error;
    throw error;
  }
  throw new Error(`${name} loaded although it should be refused`);
}

/** `[line, message]` of each refusal, the location checked to be the resolver's own file. */
function refusals(name: string): [number, string][] {
  return refusal(name).violations.map((violation) => {
    const location = new RegExp(
      `fixtures/resolvers/refused/${name.replace('.', '\\.')}\\.ts:(\\d+):\\d+$`,
    ).exec(violation.location);
    if (!location) throw new Error(`${violation.location} is not in ${name}.ts`);
    return [Number(location[1]), violation.message];
  });
}

describe('refused at load time, with the resolver file and line', () => {
  test('Function.prototype.call, apply and bind', () => {
    expect(refusals('Query.callApplyBind')).toEqual([
      [5, '`Function.prototype.call` is not supported'],
      [6, '`Function.prototype.apply` is not supported'],
      [7, '`Function.prototype.bind` is not supported'],
    ]);
  });

  test('a function that calls itself', () => {
    expect(refusals('Query.recursion')).toEqual([
      [4, 'recursive function calls are not supported (depth → depth)'],
    ]);
  });

  test('functions that call each other', () => {
    expect(refusals('Query.mutualRecursion')).toEqual([
      [4, 'recursive function calls are not supported (isEven → isOdd → isEven)'],
      [7, 'recursive function calls are not supported (isOdd → isEven → isOdd)'],
    ]);
  });

  test('a function passed as an argument, while an Array method callback is accepted', () => {
    expect(refusals('Query.functionArgument')).toEqual([
      [8, expect.stringMatching(/^passing a function as an argument is not supported/)],
    ]);
  });

  test('regex literals and the RegExp constructor', () => {
    expect(refusals('Query.regex')).toEqual([
      [4, 'regular expression literals are not supported'],
      [5, '`RegExp` is not supported: regular expressions are not available'],
    ]);
  });

  test('sort with a comparator, while sort without arguments is accepted', () => {
    expect(refusals('Query.sortComparator')).toEqual([
      [5, '`Array.prototype.sort()` does not support arguments: sort without a comparator'],
    ]);
  });

  test.each([
    ['Query.padStart', 4, /`String.prototype.padStart` is not supported/],
    ['Query.arrayFrom', 4, /`Array.from` is not supported/],
    ['Query.usesInstanceof', 4, /the `instanceof` operator is not supported/],
    ['Query.usesThis', 6, /the `this` keyword is not supported/],
  ])('%s', (name, line, message) => {
    expect(refusals(name)).toEqual([[line, expect.stringMatching(message)]]);
  });

  test('Set and Map', () => {
    expect(refusals('Query.setAndMap')).toEqual([
      [4, '`Set` is not supported: it is not among APPSYNC_JS built-in objects'],
      [5, '`Map` is not supported: it is not among APPSYNC_JS built-in objects'],
    ]);
  });
});

const info = {
  fieldName: 'f',
  parentTypeName: 'Query',
  variables: {},
  selectionSetList: [],
  selectionSetGraphQL: '',
};

/** Runs `request` of an inline bundle; a thrown error comes back as the field error AppSync gives. */
function run(name: string, code: string): { value?: unknown; error?: string } {
  const module = loadResolverSource(`/virtual/${name}.js`, `${code}\nexport function response() {}`);
  const outcome = module.call(
    'request',
    JSON.stringify({ arguments: {}, env: {}, stash: {} }),
    createInvocationScope(null, info),
  );
  if (outcome.kind === 'returned') return { value: outcome.value };
  return { error: runtimeError(module, outcome.kind === 'threw' ? outcome.error : undefined).message };
}

describe('refused at run time where the bundle does not show it', () => {
  test.each([
    [
      'call through a computed name',
      't0',
      'export function request() {\n  const f = (x) => x;\n  return f["ca" + "ll"](null, 1);\n}',
      /^\/virtual\/t0\.js:3:\d+: TypeError: Function\.prototype\.call is not supported by APPSYNC_JS$/,
    ],
    [
      'padStart through a computed name',
      't1',
      'export function request() {\n  const key = "pad" + "Start";\n  return "7"[key](3, "0");\n}',
      /^\/virtual\/t1\.js:3:\d+: TypeError: String\.prototype\.padStart is not supported by APPSYNC_JS$/,
    ],
    [
      'Array.from through an alias',
      't2',
      'const A = [].constructor;\nexport function request() {\n  return A.from("ab");\n}',
      /^\/virtual\/t2\.js:3:\d+: TypeError: Array\.from is not supported by APPSYNC_JS$/,
    ],
    [
      'Set through globalThis',
      't3',
      'export function request() {\n  return new globalThis["S" + "et"]([1]);\n}',
      /^\/virtual\/t3\.js:2:\d+: TypeError: Set is not supported by APPSYNC_JS$/,
    ],
    [
      'Map through globalThis',
      't4',
      'export function request() {\n  return new globalThis["M" + "ap"]();\n}',
      /^\/virtual\/t4\.js:2:\d+: TypeError: Map is not supported by APPSYNC_JS$/,
    ],
    [
      'RegExp through globalThis',
      't5',
      'export function request() {\n  return globalThis["Reg" + "Exp"]("a");\n}',
      /^\/virtual\/t5\.js:2:\d+: TypeError: RegExp is not supported by APPSYNC_JS$/,
    ],
    [
      'sort with a comparator held in an object',
      't6',
      'const order = { by: (a, b) => a - b };\nexport function request() {\n  return [2, 1]["so" + "rt"](order.by);\n}',
      /^\/virtual\/t6\.js:3:\d+: TypeError: Array\.prototype\.sort\(\) with arguments is not supported by APPSYNC_JS$/,
    ],
    [
      'recursion through an object member',
      't7',
      'const tree = { walk: (n) => (n > 0 ? tree.walk(n - 1) : 0) };\nexport function request() {\n  return tree.walk(2);\n}',
      /^\/virtual\/t7\.js:1:\d+: TypeError: calling walk while it runs \(recursive function calls\) is not supported by APPSYNC_JS$/,
    ],
    [
      'a function passed through an array',
      't8',
      'const helpers = { twice: (step, x) => step(step(x)) };\nconst steps = [(x) => x + 1];\nexport function request() {\n  return helpers.twice(steps[0], 1);\n}',
      /^\/virtual\/t8\.js:4:\d+: TypeError: passing a function as an argument is not supported by APPSYNC_JS$/,
    ],
  ])('%s', (_label, file, code, message) => {
    expect(run(file, code).error).toMatch(message);
  });

  test('the guard leaves ordinary calls alone: callbacks, repeated calls, nested closures', () => {
    const code = [
      'const add = (a, b) => a + b;',
      'const twice = (x) => add(x, x);',
      'export function request() {',
      '  const doubled = [1, 2, 3].map((n) => twice(n));',
      '  return { doubled, sum: doubled.reduce((total, n) => add(total, n), 0), sorted: [3, 1, 2].sort() };',
      '}',
    ].join('\n');
    expect(run('fine', code)).toEqual({ value: { doubled: [2, 4, 6], sum: 12, sorted: [1, 2, 3] } });
  });
});

describe('JSON.parse, replace and replaceAll as documented', () => {
  test('"JSON.parse() ... Returns a blank string if the parsed string is not valid JSON."', () => {
    expect(
      run(
        'json',
        'export function request() {\n  return { bad: JSON.parse("{not json"), good: JSON.parse("{\\"a\\":[1]}") };\n}',
      ),
    ).toEqual({ value: { bad: '', good: { a: [1] } } });
  });

  test('replace and replaceAll read their pattern as a Java regular expression', () => {
    const code = [
      'export function request() {',
      '  return {',
      '    first: "a.b.c".replace(".", "-"),',
      '    all: "a.b.c".replaceAll("\\\\.", "-"),',
      '    groups: "2018-02-06".replace("(\\\\d+)-(\\\\d+)-(\\\\d+)", "$3/$2/$1"),',
      '    quoted: "1+1=2".replaceAll("\\\\Q+\\\\E", " plus "),',
      '    escapedDollar: "cost".replace("cost", "\\\\$5"),',
      '  };',
      '}',
    ].join('\n');
    expect(run('replace', code)).toEqual({
      value: {
        first: '-.b.c',
        all: 'a-b-c',
        groups: '06/02/2018',
        quoted: '1 plus 1=2',
        escapedDollar: '$5',
      },
    });
  });

  test('an invalid pattern is an error at the resolver line', () => {
    expect(
      run('badPattern', 'export function request() {\n  return "abc".replace("(", "x");\n}').error,
    ).toMatch(/^\/virtual\/badPattern\.js:2:\d+: SyntaxError: invalid pattern "\(": /);
  });
});
