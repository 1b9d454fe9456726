/** The executor prepares each document once: the same query text is parsed and validated only the first time. */
import { describe, expect, it } from 'vitest';
import type { ResolverEngine } from '../../../src/engine/types.ts';
import { GraphQLExecutor } from '../../../src/server/executor.ts';
import { buildAppSyncSchema } from '../../../src/server/schema.ts';

const schema = buildAppSyncSchema(`
  type Query { hello: String @aws_api_key other: Int @aws_api_key }
  schema { query: Query }
`);
const engine: ResolverEngine = {
  has: () => false,
  resolve: () => Promise.reject(new Error('no resolvers in this test')),
};
const executor = () =>
  new GraphQLExecutor(schema, engine, {
    defaultMode: 'API_KEY',
    limits: { queryDepthLimit: 5, resolverCountLimit: 10 },
    onInternalFailure: () => {},
  });

describe('prepared operations', () => {
  it('prepares a query text once and answers again from what it prepared', () => {
    const subject = executor();
    const first = subject.prepare('query Q { hello }', 'Q');
    expect(Array.isArray(first)).toBe(false);
    expect(subject.prepare('query Q { hello }', 'Q')).toBe(first);
    expect(subject.prepare('query Q { other }', 'Q')).not.toBe(first);
  });

  it('keeps documents with several operations apart by the operation named', () => {
    const subject = executor();
    const document = 'query A { hello } query B { other }';
    const a = subject.prepare(document, 'A');
    const b = subject.prepare(document, 'B');
    expect(Array.isArray(a) || Array.isArray(b)).toBe(false);
    if (Array.isArray(a) || Array.isArray(b)) return;
    expect(a.operation.name?.value).toBe('A');
    expect(b.operation.name?.value).toBe('B');
  });

  it('refuses an invalid document every time it is sent', () => {
    const subject = executor();
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const errors = subject.prepare('query { missing }', null);
      expect(Array.isArray(errors) ? errors[0]?.message : 'prepared').toMatch(/FieldUndefined/);
    }
  });
});
