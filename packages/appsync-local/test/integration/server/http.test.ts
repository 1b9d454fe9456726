import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL, postSignedGraphQL } from '../../fixtures/server/clients.ts';
import { expiredApiKey, startTestStack, type TestStack, validApiKey } from '../../fixtures/server/setup.ts';

let stack: TestStack;
let token: string;

beforeAll(async () => {
  stack = await startTestStack();
  token = await stack.issuer.mintToken({
    sub: 'user-1',
    name: 'Runner One',
    groups: ['runners', 'captains'],
  });
});
afterAll(async () => {
  await stack.close();
});

const unauthorized = {
  errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }],
};

describe('POST /graphql', () => {
  it('runs a query with an API key and answers in AppSync shape', async () => {
    const response = await postGraphQL(
      stack.api.url,
      { query: '{ ticket { id group severity title } }' },
      { 'x-api-key': validApiKey },
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      data: { ticket: { id: 't-3', group: 'ops', severity: 2, title: 'visible' } },
    });
  });

  it('refuses a request with no credentials, an unknown key and an expired key', async () => {
    const query = { query: '{ ticket { id } }' };
    const missing = await postGraphQL(stack.api.url, query);
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({
      errors: [{ errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.' }],
    });
    expect(missing.headers.get('x-amzn-errortype')).toBe('UnauthorizedException');

    const unknown = await postGraphQL(stack.api.url, query, { 'x-api-key': 'da2-nosuchkey' });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(unauthorized);

    const expired = await postGraphQL(stack.api.url, query, { 'x-api-key': expiredApiKey });
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual(unauthorized);
  });

  it('passes every AppSync scalar through a resolver and refuses bad ones as AppSync does', async () => {
    const query = `query Echo($input: EchoInput!) {
  echo(input: $input) { dateTime date time timestamp json email url phone ip }
}`;
    const input = {
      dateTime: '2026-11-21T10:00:00.000Z',
      date: '2026-11-21',
      time: '10:00:00',
      timestamp: 1763719200,
      json: '{"a":[1,2]}',
      email: 'ada@example.com',
      url: 'https://example.com/x',
      phone: '+44 20 7946 0000',
      ip: '10.1.2.3/16',
    };
    const ok = await postGraphQL(
      stack.api.url,
      { query, variables: { input } },
      { 'x-api-key': validApiKey },
    );
    expect(ok.body).toEqual({ data: { echo: input } });

    const bad = await postGraphQL(
      stack.api.url,
      { query, variables: { input: { ...input, dateTime: 'yesterday' } } },
      { 'x-api-key': validApiKey },
    );
    expect(bad.status).toBe(200);
    expect(bad.body).toEqual({
      data: null,
      errors: [
        {
          path: null,
          locations: [{ line: 1, column: 12, sourceName: null }],
          message:
            "Variable 'input' has an invalid value. Unable to parse `yesterday` as a valid DateTime Object.",
        },
      ],
    });
  });

  it('answers CORS preflights and marks responses for browsers', async () => {
    const preflight = await fetch(stack.api.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-api-key,authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-api-key');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    const response = await postGraphQL(
      stack.api.url,
      { query: '{ ticket { id } }' },
      { 'x-api-key': validApiKey },
    );
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('refuses fields whose directives exclude the caller mode, per field', async () => {
    const response = await postGraphQL(
      stack.api.url,
      { query: '{\n  defaultOnly\n  iamOnly\n  ticket { id secretNote }\n}' },
      { 'x-api-key': validApiKey },
    );
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({
      defaultOnly: null,
      iamOnly: null,
      ticket: { id: 't-3', secretNote: null },
    });
    expect(response.body.errors).toEqual([
      {
        path: ['defaultOnly'],
        data: null,
        errorType: 'Unauthorized',
        errorInfo: null,
        locations: [{ line: 2, column: 3, sourceName: null }],
        message: 'Not Authorized to access defaultOnly on type Query',
      },
      {
        path: ['iamOnly'],
        data: null,
        errorType: 'Unauthorized',
        errorInfo: null,
        locations: [{ line: 3, column: 3, sourceName: null }],
        message: 'Not Authorized to access iamOnly on type Query',
      },
      {
        path: ['ticket', 'secretNote'],
        data: null,
        errorType: 'Unauthorized',
        errorInfo: null,
        locations: [{ line: 4, column: 15, sourceName: null }],
        message: 'Not Authorized to access secretNote on type Ticket',
      },
    ]);
  });

  it('gives the default mode the fields without directives', async () => {
    const response = await postGraphQL(stack.api.url, { query: '{ defaultOnly }' }, { authorization: token });
    expect(response.body).toEqual({ data: { defaultOnly: null } });
  });

  it('reports util.error with its type, data and info, and util.appendError beside data', async () => {
    const failing = await postGraphQL(
      stack.api.url,
      { query: '{ failing { id } }' },
      { 'x-api-key': validApiKey },
    );
    expect(failing.body).toEqual({
      data: { failing: null },
      errors: [
        {
          path: ['failing'],
          data: { id: 't-1' },
          errorType: 'Tickets:Closed',
          errorInfo: { retryable: false },
          locations: [{ line: 1, column: 3, sourceName: null }],
          message: 'Ticket store is closed',
        },
      ],
    });
    const partial = await postGraphQL(
      stack.api.url,
      { query: '{ partial { id title } }' },
      { 'x-api-key': validApiKey },
    );
    expect(partial.body).toEqual({
      data: { partial: { id: 't-2', title: 'partial' } },
      errors: [
        {
          path: ['partial'],
          data: null,
          errorType: 'Tickets:Partial',
          errorInfo: null,
          locations: [{ line: 1, column: 3, sourceName: null }],
          message: 'Tag lookup failed',
        },
      ],
    });
  });

  it('answers a field that appended an error and then ended with util.error with both errors and no data', async () => {
    const response = await postGraphQL(
      stack.api.url,
      { query: '{ failingAfterAppend { id } }' },
      { 'x-api-key': validApiKey },
    );
    const body = response.body as { data: unknown; errors: Array<Record<string, unknown>> };
    expect(body.data).toEqual({ failingAfterAppend: null });
    expect(body.errors).toHaveLength(2);
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: ['failingAfterAppend'],
          errorType: 'Tickets:Partial',
          message: 'Tag lookup failed',
        }),
        expect.objectContaining({
          path: ['failingAfterAppend'],
          errorType: 'Tickets:Closed',
          message: 'Ticket store is closed',
        }),
      ]),
    );
  });

  it('gives the resolver the invocation AppSync would: info, arguments, identity, headers', async () => {
    const response = await postGraphQL(
      stack.api.url,
      {
        query: `query Describe($tag: String) {
  describeSelf(tag: $tag, limit: 3) {
    fieldName
    parentTypeName
    selectionSetList
    selectionSetGraphQL
    variables
    arguments
    identity
    headers
    renamed: nested { fieldName ...More }
  }
}
fragment More on SelfDescription { parentTypeName }`,
        variables: { tag: 'weekly' },
      },
      { authorization: token, 'x-trace': 'abc' },
    );
    expect(response.body.errors).toBeUndefined();
    const described = response.body.data?.['describeSelf'] as Record<string, unknown>;
    expect(described['fieldName']).toBe('describeSelf');
    expect(described['parentTypeName']).toBe('Query');
    expect(described['selectionSetList']).toEqual([
      'fieldName',
      'parentTypeName',
      'selectionSetList',
      'selectionSetGraphQL',
      'variables',
      'arguments',
      'identity',
      'headers',
      'renamed',
      'renamed/fieldName',
      'renamed/parentTypeName',
    ]);
    expect(described['selectionSetGraphQL']).toContain(
      'renamed: nested {\n    fieldName\n    ... on SelfDescription {\n      parentTypeName\n    }\n  }',
    );
    expect(JSON.parse(described['variables'] as string)).toEqual({ tag: 'weekly' });
    expect(JSON.parse(described['arguments'] as string)).toEqual({ tag: 'weekly', limit: 3 });
    expect(JSON.parse(described['identity'] as string)).toEqual({
      resolverContext: { userId: 'user-1', displayName: 'Runner One', groups: 'runners,captains' },
    });
    expect(JSON.parse(described['headers'] as string)).toMatchObject({
      'x-trace': 'abc',
      authorization: token,
    });
    // Nested fields without a resolver read their parent's value.
    expect(described['renamed']).toEqual({ fieldName: 'nested-from-parent', parentTypeName: null });
  });

  it('runs a SigV4-signed mutation with the IAM identity', async () => {
    const response = await postSignedGraphQL(stack.api.url, {
      query: 'mutation { postTicket(input: { group: "ops", severity: 3 }) { group severity secretNote } }',
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      data: { postTicket: { group: 'ops', severity: 3, secretNote: 'posted' } },
    });
  });

  it('refuses unsigned, badly signed, stale and unknown-key IAM requests', async () => {
    const request = { query: '{ iamOnly }' };
    const unsigned = await postGraphQL(stack.api.url, request);
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.errors?.[0]).toEqual({
      errorType: 'UnauthorizedException',
      message: 'Valid authorization header not provided.',
    });

    const wrongSecret = await postSignedGraphQL(stack.api.url, request, {
      credential: { accessKeyId: 'AKIALOCALPUBLISHER', secretAccessKey: 'not-the-secret' },
    });
    expect(wrongSecret.status).toBe(403);
    expect(wrongSecret.body.errors?.[0]).toEqual({
      errorType: 'InvalidSignatureException',
      message:
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    });

    const tamperedSignature = await postSignedGraphQL(stack.api.url, request, {
      tamper: (headers) => {
        headers['authorization'] = headers['authorization']!.replace(
          /Signature=(.)/,
          (_, first: string) => `Signature=${first === 'a' ? 'b' : 'a'}`,
        );
      },
    });
    expect(tamperedSignature.status).toBe(403);
    expect(tamperedSignature.body.errors?.[0]?.['errorType']).toBe('InvalidSignatureException');

    const stale = await postSignedGraphQL(stack.api.url, request, {
      signingDate: new Date(Date.now() - 10 * 60_000),
    });
    expect(stale.status).toBe(403);
    expect(stale.body.errors?.[0]?.['errorType']).toBe('InvalidSignatureException');
    expect(stale.body.errors?.[0]?.['message']).toMatch(
      /^Signature expired: \d{8}T\d{6}Z is now earlier than/,
    );

    const unknownKey = await postSignedGraphQL(stack.api.url, request, {
      credential: { accessKeyId: 'AKIAUNKNOWN', secretAccessKey: 'whatever' },
    });
    expect(unknownKey.status).toBe(403);
    expect(unknownKey.body.errors?.[0]).toEqual({
      errorType: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    });
  });

  it('refuses a signed request whose body was changed after signing', async () => {
    const signedBody = JSON.stringify({ query: '{ iamOnly }' });
    const { signedHeaders } = await import('../../fixtures/server/clients.ts');
    const headers = await signedHeaders(stack.api.url, signedBody);
    delete headers['host'];
    const response = await fetch(stack.api.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: '{ defaultOnly }' }),
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { errors: { errorType: string }[] }).errors[0]?.errorType).toBe(
      'InvalidSignatureException',
    );
  });

  it('answers malformed bodies, syntax errors and validation errors as AppSync does', async () => {
    const malformed = await fetch(stack.api.url, {
      method: 'POST',
      headers: { 'x-api-key': validApiKey, 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { errors: { errorType: string }[] }).errors[0]?.errorType).toBe(
      'MalformedHttpRequestException',
    );

    const syntax = await postGraphQL(
      stack.api.url,
      { query: '{ ticket { id }' },
      { 'x-api-key': validApiKey },
    );
    expect(syntax.status).toBe(200);
    expect(syntax.body.data).toBeNull();
    expect(syntax.body.errors?.[0]).toMatchObject({
      path: null,
      locations: [{ line: 1, column: 16, sourceName: null }],
    });

    const unknownField = await postGraphQL(
      stack.api.url,
      { query: '{ nothing }' },
      { 'x-api-key': validApiKey },
    );
    expect(unknownField.body.data).toBeNull();
    expect(unknownField.body.errors).toEqual([
      {
        path: null,
        locations: [{ line: 1, column: 3, sourceName: null }],
        message:
          "Validation error of type FieldUndefined: Field 'nothing' in type 'Query' is undefined @ 'nothing'",
      },
    ]);
  });

  it('answers a body over 1 MB with 413 PayloadTooLargeException, and keeps serving', async () => {
    const oversized = await postGraphQL(
      stack.api.url,
      { query: '{ ticket { id } }', variables: { padding: 'x'.repeat(2 * 1024 * 1024) } },
      { 'x-api-key': validApiKey },
    );
    expect(oversized.status).toBe(413);
    expect(oversized.headers.get('x-amzn-errortype')).toBe('PayloadTooLargeException');
    expect(oversized.body.errors?.[0]).toEqual({
      errorType: 'PayloadTooLargeException',
      message: 'The request body exceeds 1048576 bytes.',
    });
    const next = await postGraphQL(
      stack.api.url,
      { query: '{ ticket { id } }' },
      { 'x-api-key': validApiKey },
    );
    expect(next.body).toEqual({ data: { ticket: { id: 't-3' } } });
  });

  it('serves subscriptions only on the real-time endpoint', async () => {
    const response = await postGraphQL(
      stack.api.url,
      { query: 'subscription { onTicket { id } }' },
      { 'x-api-key': validApiKey },
    );
    expect(response.body.data).toBeNull();
    expect(response.body.errors?.[0]?.['errorType']).toBe('UnsupportedOperation');
  });

  it('logs each operation with its resolver timings in verbose mode', async () => {
    const before = stack.logs.length;
    await postGraphQL(
      stack.api.url,
      { query: 'query Named { ticket { id } }' },
      { 'x-api-key': validApiKey },
    );
    const entry = stack.logs.slice(before).find((logged) => logged.event === 'graphql.operation');
    expect(entry).toMatchObject({ level: 'debug', operationName: 'Named', mode: 'API_KEY' });
    expect(entry?.['resolvers']).toEqual([
      expect.objectContaining({
        typeName: 'Query',
        fieldName: 'ticket',
        errors: 0,
        durationMs: expect.any(Number),
      }),
    ]);
  });
});

describe('a field that fails inside the server', () => {
  it('answers InternalFailure without the cause, logs the cause, and keeps the other fields', async () => {
    // The engine stands in for a resolver whose data source cannot be reached.
    const cause = 'connect ECONNREFUSED /var/run/ticket-store.sock';
    const failing = await startTestStack({
      wrapEngine: (engine) => ({
        has: (typeName, fieldName) => engine.has(typeName, fieldName),
        resolve: (invocation) =>
          invocation.fieldName === 'ticket' ? Promise.reject(new Error(cause)) : engine.resolve(invocation),
      }),
    });
    try {
      const response = await postGraphQL(
        failing.api.url,
        { query: '{ ticket { id } describeSelf { fieldName } }' },
        { 'x-api-key': validApiKey },
      );
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        data: { ticket: null, describeSelf: { fieldName: 'describeSelf' } },
        errors: [
          {
            path: ['ticket'],
            locations: [{ line: 1, column: 3, sourceName: null }],
            errorType: 'InternalFailure',
            message: 'An internal failure occurred.',
          },
        ],
      });
      expect(failing.logs).toContainEqual(
        expect.objectContaining({ level: 'error', event: 'graphql.fieldFailure', error: cause }),
      );
    } finally {
      await failing.close();
    }
  });
});
