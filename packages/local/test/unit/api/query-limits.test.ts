/**
 * The service's query limits (core's config) against the service's schema and its clients'
 * operations, checked by the emulator's own limit checks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolvers, serviceConfig } from '@leaderboard/core';
import {
  assertParsableNesting,
  assertWithinLimits,
  buildAppSyncSchema,
  QueryDepthLimitError,
  ResolverCountLimitError,
} from 'appsync-local';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
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
