/**
 * Bundles that use what APPSYNC_JS refuses fail to load, each refusal naming the resolver's
 * own source file and line (read back through the bundle's inline source map).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadResolverModule, SandboxViolationError } from '../../../src/engine/index.ts';
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

const source = (name: string, line: number) =>
  expect.stringMatching(
    new RegExp(`fixtures/resolvers/refused/${name.replace('.', '\\.')}\\.ts:${line}:\\d+$`),
  );

describe('refused at load time with file and line', () => {
  test.each([
    ['Query.usesRequire', 6, /`require` is not available/],
    ['Query.usesProcess', 4, /`process` is not available/],
    ['Query.whileLoop', 5, /`while` loops are not supported/],
    ['Query.tryCatch', 5, /try\/catch\/finally is not supported/],
    ['Query.throws', 4, /`throw` is not supported/],
    ['Query.usesClass', 3, /classes are not supported/],
    ['Query.usesAsync', 3, /async functions are not supported/],
  ])('%s', (name, line, message) => {
    const error = refusal(name);
    expect(error.violations[0]).toEqual({
      location: source(name, line),
      message: expect.stringMatching(message),
    });
    expect(error.message).toContain(`refused/${name}.ts:${line}:`);
  });

  test('every violation in a bundle is listed, in source order', () => {
    const error = refusal('Query.manyViolations');
    expect(
      error.violations.map((violation) => [
        violation.location.replace(/^.*:(\d+):(\d+)$/, '$1'),
        violation.message,
      ]),
    ).toEqual([
      ['5', expect.stringMatching(/classic `for\(;;\)` loops/)],
      ['5', expect.stringMatching(/`\+\+` is not supported/)],
      ['6', expect.stringMatching(/`continue` is not supported/)],
      ['9', expect.stringMatching(/the `in` operator/)],
    ]);
  });

  test('only the async function is refused, not its await alone', () => {
    const error = refusal('Query.usesAsync');
    expect(error.violations.map((violation) => violation.message)).toEqual([
      'async functions are not supported',
      '`await` is not supported',
      'promises are not supported',
    ]);
  });
});
