/** The host side of `util.*`, as resolvers see it through the sandbox bridge. */
import { describe, expect, test } from 'vitest';
import * as encoding from '../../../src/engine/util/encoding.ts';
import { autoId, autoKsuid, autoUlid } from '../../../src/engine/util/ids.ts';
import { authType } from '../../../src/engine/util/identity.ts';
import * as values from '../../../src/engine/util/dynamodb-values.ts';
import * as text from '../../../src/engine/util/strings-and-math.ts';
import * as time from '../../../src/engine/util/time.ts';
import { matches } from '../../../src/engine/util/pattern.ts';

describe('ids', () => {
  test('autoId is a v4 UUID, autoUlid a 26-char ULID, autoKsuid a 27-char KSUID', () => {
    expect(autoId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(autoUlid()).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(autoKsuid()).toMatch(/^[0-9A-Za-z]{27}$/);
    expect(autoId()).not.toBe(autoId());
  });

  test('KSUIDs sort by time', () => {
    const earlier = autoKsuid(Date.UTC(2020, 0, 1));
    const later = autoKsuid(Date.UTC(2024, 0, 1));
    expect(earlier < later).toBe(true);
  });
});

describe('matches', () => {
  test('the whole value must match, like Java', () => {
    expect(matches('a*b', 'aaaab')).toBe(true);
    expect(matches('a*b', 'aaaabc')).toBe(false);
    expect(matches('[0-9]+', 'x12')).toBe(false);
  });
});

describe('encoding', () => {
  test('base64 round-trips UTF-8', () => {
    expect(encoding.base64Encode('héllo')).toBe('aMOpbGxv');
    expect(encoding.base64Decode('aMOpbGxv')).toBe('héllo');
  });

  test('urlEncode writes form encoding', () => {
    expect(encoding.urlEncode("a b&c=d/é*~'")).toBe('a+b%26c%3Dd%2F%C3%A9*%7E%27');
    expect(encoding.urlDecode('a+b%26c')).toBe('a b&c');
  });

  test('escapeJavaScript escapes quotes, slashes, control and non-ASCII characters', () => {
    expect(encoding.escapeJavaScript('say "hi"\n\'/\\é')).toBe('say \\"hi\\"\\n\\\'\\/\\\\\\u00E9');
  });
});

describe('time', () => {
  const instant = Date.UTC(2018, 1, 6, 19, 1, 35, 749);

  test('formats with Java patterns, in UTC or a named zone', () => {
    expect(time.epochMilliSecondsToFormatted(instant, 'yyyy-MM-dd HH:mm:ssZ')).toBe(
      '2018-02-06 19:01:35+0000',
    );
    expect(time.epochMilliSecondsToFormatted(instant, 'yyyy-MM-dd HH:mm:ssZ', 'Australia/Perth')).toBe(
      '2018-02-07 03:01:35+0800',
    );
    expect(time.epochMilliSecondsToFormatted(instant, "EEE, d MMM yyyy 'at' h:mm a")).toBe(
      'Tue, 6 Feb 2018 at 7:01 PM',
    );
    expect(time.epochMilliSecondsToFormatted(instant, 'yyyy-MM-dd HH:mm:ss.SSS')).toBe(
      '2018-02-06 19:01:35.749',
    );
  });

  test('parses formatted and ISO 8601 timestamps', () => {
    expect(
      time.parseFormattedToEpochMilliSeconds('2018-02-06 19:01:35.749+0000', 'yyyy-MM-dd HH:mm:ss.SSSZ'),
    ).toBe(instant);
    expect(
      time.parseFormattedToEpochMilliSeconds('2018-02-07 03:01:35', 'yyyy-MM-dd HH:mm:ss', 'Australia/Perth'),
    ).toBe(instant - 749);
    expect(time.parseISO8601ToEpochMilliSeconds('2018-02-06T19:01:35.749Z')).toBe(instant);
    expect(time.parseISO8601ToEpochMilliSeconds('2018-02-07T03:01:35.749+08:00')).toBe(instant);
    expect(() => time.parseISO8601ToEpochMilliSeconds('yesterday')).toThrow(/not an ISO 8601/);
  });

  test('conversions and the current time', () => {
    expect(time.epochMilliSecondsToSeconds(instant)).toBe(1517943695);
    expect(time.epochMilliSecondsToISO8601(instant)).toBe('2018-02-06T19:01:35.749Z');
    const before = Date.now();
    expect(time.nowEpochMilliSeconds()).toBeGreaterThanOrEqual(before);
    expect(time.nowEpochSeconds()).toBe(Math.floor(time.nowEpochMilliSeconds() / 1000));
    expect(time.nowISO8601()).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(time.nowFormatted('yyyy')).toBe(String(new Date().getUTCFullYear()));
  });
});

describe('str.normalize and math', () => {
  test('str.normalize', () => {
    expect(text.normalize('e\u0301', 'nfc')).toBe('é');
    expect(text.normalize('é', 'nfd')).toBe('e\u0301');
    expect(() => text.normalize('x', 'bogus')).toThrow();
  });

  test('math', () => {
    expect(text.roundNum(2.5)).toBe(3);
    expect(text.minVal(3, 1)).toBe(1);
    expect(text.maxVal(3, 1)).toBe(3);
    const random = text.randomDouble();
    expect(random >= 0 && random < 1).toBe(true);
    const picks = new Set(Array.from({ length: 200 }, () => text.randomWithinRange(1, 3)));
    expect([...picks].sort()).toEqual([1, 2, 3]);
  });
});

describe('util.dynamodb', () => {
  test('converts values as AppSync does, numbers staying numbers', () => {
    expect(values.toDynamoDB({ foo: 'bar', baz: 1234, beep: ['boop'], ok: true, none: null })).toEqual({
      M: {
        foo: { S: 'bar' },
        baz: { N: 1234 },
        beep: { L: [{ S: 'boop' }] },
        ok: { BOOL: true },
        none: { NULL: null },
      },
    });
    expect(values.toMapValues({ a: 1 })).toEqual({ a: { N: 1 } });
    expect(values.toStringValue('x')).toEqual({ S: 'x' });
    expect(values.toStringValue(null)).toBeNull();
    expect(values.toNumber(5)).toEqual({ N: 5 });
    expect(values.toStringSet(['a', 'b'])).toEqual({ SS: ['a', 'b'] });
    expect(values.toNumberSet([1, 4.56])).toEqual({ NS: [1, 4.56] });
    expect(values.toBinary('Zm9v')).toEqual({ B: 'Zm9v' });
    expect(values.toBinarySet(['Zm9v'])).toEqual({ BS: ['Zm9v'] });
    expect(values.toBoolean(true)).toEqual({ BOOL: true });
    expect(values.toNull()).toEqual({ NULL: null });
    expect(values.toList(['foo', 123, { bar: 'baz' }])).toEqual({
      L: [{ S: 'foo' }, { N: 123 }, { M: { bar: { S: 'baz' } } }],
    });
    expect(values.toMap({ a: 'b' })).toEqual({ M: { a: { S: 'b' } } });
  });

  test('S3 objects', () => {
    expect(values.toS3Object('foo', 'bar', 'baz')).toEqual({
      S: '{"s3":{"key":"foo","bucket":"bar","region":"baz"}}',
    });
    expect(values.toS3Object('foo', 'bar', 'baz', 'beep')).toEqual({
      S: '{"s3":{"key":"foo","bucket":"bar","region":"baz","version":"beep"}}',
    });
    expect(values.fromS3ObjectJson('{"s3":{"key":"foo","bucket":"bar","region":"baz"}}')).toEqual({
      key: 'foo',
      bucket: 'bar',
      region: 'baz',
    });
  });
});

describe('authType', () => {
  test('names each authorization mode', () => {
    expect(authType(null)).toBe('API Key Authorization');
    expect(authType({ resolverContext: {} })).toBe('Lambda Authorization');
    expect(authType({ accountId: '1', userArn: 'arn', username: 'u', sourceIp: [] })).toBe(
      'IAM Authorization',
    );
    expect(
      authType({
        sub: 's',
        issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/pool',
        claims: {},
        sourceIp: [],
      }),
    ).toBe('User Pool Authorization');
    expect(authType({ sub: 's', issuer: 'https://issuer.example', claims: {}, sourceIp: [] })).toBe(
      'Open ID Connect Authorization',
    );
  });
});
