import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolvers, serviceConfig } from '@leaderboard/core';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  DocumentNestingError,
  QueryDepthLimitError,
  ResolverCountLimitError,
} from '../../../src/server/errors.ts';
import { assertParsableNesting, assertWithinLimits } from '../../../src/server/query-limits.ts';
import { buildAppSyncSchema } from '../../../src/server/schema.ts';

const repositoryRoot = join(import.meta.dirname, '../../../../..');
const serviceSchema = buildAppSyncSchema(readFileSync(join(repositoryRoot, 'schema.graphql'), 'utf8'));
const hasServiceResolver = (typeName: string, fieldName: string) =>
  resolvers.some((resolver) => resolver.typeName === typeName && resolver.fieldName === fieldName);

function check(query: string, limits = serviceConfig): void {
  assertParsableNesting(query, limits);
  const document = parse(query);
  const [operation] = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  assertWithinLimits(serviceSchema, document, operation!, limits, hasServiceResolver);
}

describe('the service config limits', () => {
  const operationsDir = join(repositoryRoot, 'packages/core/graphql/operations');
  const documents = readdirSync(operationsDir).map((file) => readFileSync(join(operationsDir, file), 'utf8'));

  it("let every operation the service's clients send through", () => {
    const document = parse(documents.join('\n'));
    const operations = document.definitions.filter(
      (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
    );
    expect(operations.length).toBeGreaterThan(0);
    for (const operation of operations) {
      expect(() =>
        assertWithinLimits(serviceSchema, document, operation, serviceConfig, hasServiceResolver),
      ).not.toThrow();
    }
  });

  it('let a dashboard read several boards and its standings in one request', () => {
    const boards = ['global', 'week:2026-W47', 'month:2026-11'];
    const fields = boards.flatMap((board, index) => [
      `b${index}: leaderboard(boardId: "${board}") { entries { rank userId score } }`,
      `s${index}: myStanding(boardId: "${board}") { rank score }`,
    ]);
    expect(() => check(`{ ${fields.join(' ')} activityTypes { type } }`)).not.toThrow();
  });

  it('refuse one resolver or one level more than they allow', () => {
    const aliases = Array.from(
      { length: serviceConfig.resolverCountLimit + 1 },
      (_, index) => `b${index}: leaderboard { version }`,
    );
    expect(() => check(`{ ${aliases.join(' ')} }`)).toThrow(ResolverCountLimitError);
    const tooDeep = `{ leaderboard { entries { ${'rank { '.repeat(serviceConfig.queryDepthLimit - 2)}x${' }'.repeat(serviceConfig.queryDepthLimit - 2)} } } }`;
    expect(() => check(tooDeep)).toThrow(QueryDepthLimitError);
  });
});

describe('nesting before parsing', () => {
  const limits = { queryDepthLimit: 2, resolverCountLimit: 10_000 };

  it('counts fields, not the braces of input values or arguments', () => {
    expect(() =>
      assertParsableNesting('{ a(x: { y: { z: [[{ w: 1 }]] } }) { b(v: [1]) } }', limits),
    ).not.toThrow();
    expect(() => assertParsableNesting('{ a { b { c } } }', limits)).toThrow(QueryDepthLimitError);
  });

  it('counts an inline fragment as no level, however its head is written', () => {
    for (const head of ['...', '... on T', '... @include(if: $x)', '... on T @skip(if: false) @d(a: [1])'])
      expect(() => assertParsableNesting(`{ a { ${head} { b } } }`, limits), head).not.toThrow();
    expect(() => assertParsableNesting('{ a @include(if: true) { b { c } } }', limits)).toThrow(
      QueryDepthLimitError,
    );
    expect(() => assertParsableNesting('{ on { on { on } } }', limits)).toThrow(QueryDepthLimitError);
    expect(() => assertParsableNesting('{ a(x: 1) { ...F } } fragment F on T { b }', limits)).not.toThrow();
  });

  it('bounds input values nested beyond what the parser takes', () => {
    const deepValue = `{ a(x: ${'['.repeat(300)}1${']'.repeat(300)}) }`;
    expect(() => assertParsableNesting(deepValue, limits)).toThrow(DocumentNestingError);
  });

  it('leaves syntax errors to the parser', () => {
    expect(() => assertParsableNesting('{ a(x: "unterminated }', limits)).not.toThrow();
    expect(() => assertParsableNesting('} } ] { a }', limits)).not.toThrow();
  });
});
