/**
 * AppSync's queryDepthLimit and resolverCountLimit, and documents built to exhaust the server
 * (thousands of aliases, thousands of levels, thousands of chained fragments), over HTTP and on
 * the real-time endpoint: each is refused before any resolver runs, and the server keeps serving.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ResolverEngine } from '../../../src/engine/types.ts';
import { postGraphQL, RealtimeTestClient } from '../../fixtures/server/clients.ts';
import { startTestStack, type TestStack, validApiKey } from '../../fixtures/server/setup.ts';

const queryDepthLimit = 5;
const resolverCountLimit = 10;

const depthRefusal = {
  path: null,
  locations: null,
  errorType: 'QueryDepthLimitExceeded',
  message: `The query is nested deeper than the API's limit of ${queryDepthLimit} levels.`,
};
const resolverCountRefusal = {
  path: null,
  locations: null,
  errorType: 'ResolverCountLimitExceeded',
  message: `The query invokes more resolvers than the API's limit of ${resolverCountLimit} per request.`,
};
const nestingRefusal = {
  path: null,
  locations: null,
  message: 'Syntax Error: Document is nested more than 256 levels deep. Parsing aborted.',
};

/** `describeSelf` runs a resolver; `nested` below it is read from the parent's value. */
const aliases = (count: number, field = 'describeSelf { fieldName }') =>
  `{ ${Array.from({ length: count }, (_, index) => `a${index}: ${field}`).join(' ')} }`;
const nestedQuery = (levels: number) =>
  `{ describeSelf { ${'nested { '.repeat(levels - 2)}fieldName${' }'.repeat(levels - 2)} } }`;
/** `{ ...f0 }`, each fragment spreading the next, the last selecting `leaf` (no spaces: it must fit a real-time message). */
const fragmentChain = (length: number, onType: string, leaf: string) => {
  const fragments = Array.from({ length }, (_, index) =>
    index === length - 1
      ? `fragment f${index} on ${onType}{${leaf}}`
      : `fragment f${index} on ${onType}{...f${index + 1}}`,
  );
  return `${onType === 'Subscription' ? 'subscription' : ''}{...f0}${fragments.join('')}`;
};

/** Counts resolver runs, so a test can tell that a refused document ran none. */
function countingEngine(counter: { runs: number }) {
  return (engine: ResolverEngine): ResolverEngine => ({
    has: (typeName, fieldName) => engine.has(typeName, fieldName),
    resolve: (invocation) => {
      counter.runs += 1;
      return engine.resolve(invocation);
    },
  });
}

const resolverRuns = { runs: 0 };
let stack: TestStack;
let clients: RealtimeTestClient[] = [];

beforeAll(async () => {
  stack = await startTestStack({
    queryLimits: { queryDepthLimit, resolverCountLimit },
    wrapEngine: countingEngine(resolverRuns),
  });
});
afterEach(async () => {
  await Promise.all(clients.map((client) => client.close()));
  clients = [];
});
afterAll(async () => {
  await stack.close();
});

const query = (text: string) => postGraphQL(stack.api.url, { query: text }, { 'x-api-key': validApiKey });

/** Sends a document and checks the refusal, that no resolver ran, and that the next request is served. */
async function expectRefusedOverHttp(text: string, refusal: Record<string, unknown>) {
  const runsBefore = resolverRuns.runs;
  const response = await query(text);
  expect(response.status).toBe(200);
  expect(response.body).toEqual({ data: null, errors: [refusal] });
  expect(resolverRuns.runs).toBe(runsBefore);
  expect((await query('{ describeSelf { fieldName } }')).body).toEqual({
    data: { describeSelf: { fieldName: 'describeSelf' } },
  });
}

describe('query limits over HTTP', () => {
  it('refuses 1,000 aliases of a resolver field, and runs the limit exactly', async () => {
    await expectRefusedOverHttp(aliases(1_000), resolverCountRefusal);
    await expectRefusedOverHttp(aliases(resolverCountLimit + 1), resolverCountRefusal);
    const runsBefore = resolverRuns.runs;
    const atLimit = await query(aliases(resolverCountLimit));
    expect(atLimit.body.errors).toBeUndefined();
    expect(Object.keys(atLimit.body.data ?? {})).toHaveLength(resolverCountLimit);
    expect(resolverRuns.runs - runsBefore).toBe(resolverCountLimit);
  });

  it('counts the resolvers fragments select, however often they are spread, without expanding them', async () => {
    // Each fragment spreads the next twice: 2^40 describeSelf selections once expanded.
    const doubling = Array.from({ length: 40 }, (_, index) =>
      index === 39
        ? `fragment d${index} on Query { describeSelf { fieldName } }`
        : `fragment d${index} on Query { ...d${index + 1} ...d${index + 1} }`,
    );
    await expectRefusedOverHttp(`{ ...d0 } ${doubling.join(' ')}`, resolverCountRefusal);
  });

  it('refuses 5,000 levels of nesting with the depth limit, and runs the deepest allowed query', async () => {
    await expectRefusedOverHttp(nestedQuery(5_000), depthRefusal);
    await expectRefusedOverHttp(nestedQuery(queryDepthLimit + 1), depthRefusal);
    const atLimit = await query(nestedQuery(queryDepthLimit));
    expect(atLimit.body.errors).toBeUndefined();
    expect(atLimit.body.data).toEqual({ describeSelf: { nested: { nested: null } } });
  });

  it('measures depth through fragments, and does not count inline fragments as levels', async () => {
    const throughFragments = `{ describeSelf { ...A } }
      fragment A on SelfDescription { nested { ...B } }
      fragment B on SelfDescription { nested { nested { nested { fieldName } } } }`;
    await expectRefusedOverHttp(throughFragments, depthRefusal);

    const inline = `{ describeSelf { ... on SelfDescription { ... @include(if: true) {
      nested { nested { nested { fieldName } } } } } } }`;
    const response = await query(inline);
    expect(response.body).toEqual({ data: { describeSelf: { nested: { nested: null } } } });
  });

  it('refuses a chain of 5,000 fragments without overflowing, and a shorter chain by its nesting', async () => {
    const runsBefore = resolverRuns.runs;
    const longChain = await query(fragmentChain(5_000, 'Query', 'describeSelf { fieldName }'));
    expect(longChain.status).toBe(200);
    expect(longChain.body).toEqual({
      data: null,
      errors: [
        expect.objectContaining({
          message: 'Syntax Error: Document contains more that 15000 tokens. Parsing aborted.',
        }),
      ],
    });
    expect(resolverRuns.runs).toBe(runsBefore);
    // 1,500 fragments fit in the token budget; their chain nests too deep to validate safely.
    await expectRefusedOverHttp(fragmentChain(1_500, 'Query', 'describeSelf { fieldName }'), nestingRefusal);
  });

  it('leaves a fragment cycle to validation', async () => {
    const response = await query('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }');
    expect(response.body.data).toBeNull();
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('Cannot spread fragment "A" within itself'),
      }),
    ]);
  });
});

describe('query limits on the real-time endpoint', () => {
  const auth = { 'x-api-key': validApiKey, host: 'x' };

  async function connect() {
    const client = await RealtimeTestClient.connect(stack.api.realtimeUrl, {
      'x-api-key': validApiKey,
      host: new URL(stack.api.url).host,
    });
    clients.push(client);
    expect((await client.init()).type).toBe('connection_ack');
    return client;
  }

  it('answers each over-limit start with an error for its id and keeps the connection serving', async () => {
    const client = await connect();
    const runsBefore = resolverRuns.runs;
    const subscriptionAliases = `subscription ${aliases(1_000, 'onSevereTicket(minSeverity: 1) { id }')}`;
    const deep = `subscription { onTicket { ${'nested { '.repeat(5_000)}id${' }'.repeat(5_000)} } }`;
    const chain = fragmentChain(5_000, 'Subscription', 'onTicket { id }');

    expect(await client.start('aliases', { query: subscriptionAliases }, auth)).toEqual({
      type: 'error',
      id: 'aliases',
      payload: { errors: [resolverCountRefusal] },
    });
    expect(await client.start('deep', { query: deep }, auth)).toEqual({
      type: 'error',
      id: 'deep',
      payload: { errors: [depthRefusal] },
    });
    expect(await client.start('chain', { query: chain }, auth)).toEqual({
      type: 'error',
      id: 'chain',
      payload: {
        errors: [
          expect.objectContaining({
            message: 'Syntax Error: Document contains more that 15000 tokens. Parsing aborted.',
          }),
        ],
      },
    });
    expect(resolverRuns.runs).toBe(runsBefore);
    expect(await client.start('working', { query: 'subscription { onTicket { id } }' }, auth)).toEqual({
      type: 'start_ack',
      id: 'working',
    });
    expect(client.closed).toBe(false);
  });
});

describe('an API without limits', () => {
  let unlimited: TestStack;
  beforeAll(async () => {
    unlimited = await startTestStack();
  });
  afterAll(async () => {
    await unlimited.close();
  });

  it('still refuses what would overflow the server, and serves what AppSync would', async () => {
    const post = (text: string) =>
      postGraphQL(unlimited.api.url, { query: text }, { 'x-api-key': validApiKey });
    expect((await post(nestedQuery(5_000))).body).toEqual({ data: null, errors: [nestingRefusal] });
    const wide = await post(aliases(1_000));
    expect(wide.body.errors).toBeUndefined();
    expect(Object.keys(wide.body.data ?? {})).toHaveLength(1_000);
    expect((await post(nestedQuery(100))).body.errors).toBeUndefined();
  });
});
