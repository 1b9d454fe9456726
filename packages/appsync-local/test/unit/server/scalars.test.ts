import { graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildAppSyncSchema } from '../../../src/server/schema.ts';

const schema = buildAppSyncSchema(`
  type Query {
    echo(
      dateTime: AWSDateTime, date: AWSDate, time: AWSTime, timestamp: AWSTimestamp, json: AWSJSON,
      email: AWSEmail, url: AWSURL, phone: AWSPhone, ip: AWSIPAddress
    ): String
    emit(value: String!): AWSDateTime
    emitJson: AWSJSON
  }
`);

const types: Record<string, string> = {
  dateTime: 'AWSDateTime',
  date: 'AWSDate',
  time: 'AWSTime',
  timestamp: 'AWSTimestamp',
  json: 'AWSJSON',
  email: 'AWSEmail',
  url: 'AWSURL',
  phone: 'AWSPhone',
  ip: 'AWSIPAddress',
};

async function echo(argument: string, value: unknown) {
  return graphql({
    schema,
    source: `query ($v: ${types[argument]}) { echo(${argument}: $v) }`,
    variableValues: { v: value },
    rootValue: { echo: (args: Record<string, unknown>) => JSON.stringify(args[argument]) },
  });
}

describe('AppSync scalars', () => {
  it.each([
    ['dateTime', '2026-11-21T10:00:00Z'],
    ['dateTime', '2026-11-21T10:00:00.123456789+05:30'],
    ['dateTime', '2026-11-21T10:00Z'],
    ['dateTime', '2026-11-21T10:00:00-08:00:30'],
    ['date', '2026-02-28'],
    ['date', '2026-02-28Z'],
    ['time', '23:59:59.999'],
    ['time', '12:30+01:00'],
    ['timestamp', 1763719200],
    ['email', 'ada@example.com'],
    ['url', 'https://example.com/path?q=1'],
    ['url', 'mailto:ada@example.com'],
    ['phone', '+1 (206) 555-0100'],
    ['ip', '192.168.0.1'],
    ['ip', '10.0.0.0/8'],
    ['ip', '2001:db8::1/64'],
  ])('accepts %s %j', async (argument, value) => {
    const result = await echo(argument, value);
    expect(result.errors).toBeUndefined();
    expect(result.data?.['echo']).toBe(JSON.stringify(value));
  });

  it.each([
    ['dateTime', '2026-11-21T10:00:00', 'Unable to parse `2026-11-21T10:00:00` as a valid DateTime Object.'],
    [
      'dateTime',
      '2026-02-30T10:00:00Z',
      'Unable to parse `2026-02-30T10:00:00Z` as a valid DateTime Object.',
    ],
    [
      'dateTime',
      '2026-11-21 10:00:00Z',
      'Unable to parse `2026-11-21 10:00:00Z` as a valid DateTime Object.',
    ],
    ['date', '2026-13-01', 'Unable to parse `2026-13-01` as a valid Date Object.'],
    ['time', '24:00:00', 'Unable to parse `24:00:00` as a valid Time Object.'],
    ['timestamp', 1.5, 'Unable to parse `1.5` as a valid Timestamp Object.'],
    ['timestamp', '1763719200', 'Unable to parse `1763719200` as a valid Timestamp Object.'],
    ['json', '{not json', 'Unable to parse {not json as valid JSON.'],
    ['email', 'not-an-email', 'Unable to parse `not-an-email` as a valid Email Object.'],
    ['url', 'example.com', 'Unable to parse `example.com` as a valid URL Object.'],
    ['phone', 'call me', 'Unable to parse `call me` as a valid Phone Object.'],
    ['ip', '300.1.1.1', 'Unable to parse `300.1.1.1` as a valid IPAddress Object.'],
    ['ip', '10.0.0.0/33', 'Unable to parse `10.0.0.0/33` as a valid IPAddress Object.'],
  ])('refuses %s %j', async (argument, value, reason) => {
    const result = await echo(argument, value);
    expect(result.errors?.[0]?.message).toContain(reason);
  });

  it('parses AWSJSON input for resolvers and serializes objects back to a JSON string', async () => {
    const result = await graphql({
      schema,
      source: '{ echo(json: "{\\"a\\":[1,2]}") emitJson }',
      rootValue: {
        echo: (args: { json: unknown }) => (typeof args.json === 'object' ? 'parsed' : 'raw'),
        emitJson: () => ({ b: true }),
      },
    });
    expect(result).toEqual({ data: { echo: 'parsed', emitJson: '{"b":true}' } });
  });

  it('refuses to serialize a resolver value that does not fit the scalar', async () => {
    const result = await graphql({
      schema,
      source: '{ emit(value: "yesterday") }',
      rootValue: { emit: (args: { value: string }) => args.value },
    });
    expect(result.data).toEqual({ emit: null });
    expect(result.errors?.[0]?.message).toBe('Unable to serialize `yesterday` as a valid DateTime Object.');
  });
});
