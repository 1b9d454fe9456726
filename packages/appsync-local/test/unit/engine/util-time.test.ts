/**
 * `util.time` against the examples AWS documents ("Time helpers in $util.time": standalone,
 * conversion and parsing examples, and the formats for AppSync's scalars), called as resolver
 * code calls them and directly.
 */
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { createInvocationScope, evaluateCode, loadResolverSource } from '../../../src/engine/index.ts';
import * as time from '../../../src/engine/util/time.ts';
import { bundleFixtures } from '../../fixtures/resolvers/bundle.ts';

afterEach(() => {
  vi.useRealTimers();
});

const documentedNow = 1517943695750;

describe('standalone function examples', () => {
  test.each([
    [
      'nowFormatted("yyyy-MM-dd HH:mm:ssZ")',
      () => time.nowFormatted('yyyy-MM-dd HH:mm:ssZ'),
      '2018-02-06 19:01:35+0000',
    ],
    [
      'nowFormatted("yyyy-MM-dd HH:mm:ssZ", "+08:00")',
      () => time.nowFormatted('yyyy-MM-dd HH:mm:ssZ', '+08:00'),
      '2018-02-07 03:01:35+0800',
    ],
    [
      'nowFormatted("yyyy-MM-dd HH:mm:ssZ", "Australia/Perth")',
      () => time.nowFormatted('yyyy-MM-dd HH:mm:ssZ', 'Australia/Perth'),
      '2018-02-07 03:01:35+0800',
    ],
    ['nowEpochSeconds()', () => time.nowEpochSeconds(), 1517943695],
    ['nowEpochMilliSeconds()', () => time.nowEpochMilliSeconds(), 1517943695750],
  ])('%s', (_example, call, expected) => {
    vi.useFakeTimers({ now: documentedNow });
    expect(call()).toBe(expected);
  });
});

describe('conversion examples', () => {
  const nowEpochMillis = 1517943695758;

  test.each([
    ['epochMilliSecondsToSeconds', () => time.epochMilliSecondsToSeconds(nowEpochMillis), 1517943695],
    [
      'epochMilliSecondsToISO8601',
      () => time.epochMilliSecondsToISO8601(nowEpochMillis),
      '2018-02-06T19:01:35.758Z',
    ],
    [
      'epochMilliSecondsToFormatted(…, "yyyy-MM-dd HH:mm:ssZ")',
      () => time.epochMilliSecondsToFormatted(nowEpochMillis, 'yyyy-MM-dd HH:mm:ssZ'),
      '2018-02-06 19:01:35+0000',
    ],
    [
      'epochMilliSecondsToFormatted(…, "yyyy-MM-dd HH:mm:ssZ", "+08:00")',
      () => time.epochMilliSecondsToFormatted(nowEpochMillis, 'yyyy-MM-dd HH:mm:ssZ', '+08:00'),
      '2018-02-07 03:01:35+0800',
    ],
  ])('%s', (_example, call, expected) => {
    expect(call()).toBe(expected);
  });
});

describe('parsing examples', () => {
  test.each([
    [
      'parseISO8601ToEpochMilliSeconds("2018-02-01T17:21:05.180+08:00")',
      () => time.parseISO8601ToEpochMilliSeconds('2018-02-01T17:21:05.180+08:00'),
      1517476865180,
    ],
    [
      'parseFormattedToEpochMilliSeconds("2018-02-02 01:19:22+0800", "yyyy-MM-dd HH:mm:ssZ")',
      () => time.parseFormattedToEpochMilliSeconds('2018-02-02 01:19:22+0800', 'yyyy-MM-dd HH:mm:ssZ'),
      1517505562000,
    ],
    [
      'parseFormattedToEpochMilliSeconds("2018-02-02 01:19:22", "yyyy-MM-dd HH:mm:ss", "+08:00")',
      () => time.parseFormattedToEpochMilliSeconds('2018-02-02 01:19:22', 'yyyy-MM-dd HH:mm:ss', '+08:00'),
      1517505562000,
    ],
  ])('%s', (_example, call, expected) => {
    expect(call()).toBe(expected);
  });
});

describe('formats for AWSDate, AWSDateTime and AWSTime', () => {
  // The documented output 2018-07-11T15:14:15 at -07:00:30 is this instant.
  const documentedMoment = Date.UTC(2018, 6, 11, 22, 14, 45);

  test('nowFormatted("yyyy-MM-dd[XXX]", "-07:00:30") drops the seconds of the offset', () => {
    vi.useFakeTimers({ now: documentedMoment });
    expect(time.nowFormatted('yyyy-MM-dd[XXX]', '-07:00:30')).toBe('2018-07-11-07:00');
  });

  test('nowFormatted("yyyy-MM-dd\'T\'HH:mm:ss[XXXXX]", "-07:00:30") keeps them', () => {
    vi.useFakeTimers({ now: documentedMoment });
    expect(time.nowFormatted("yyyy-MM-dd'T'HH:mm:ss[XXXXX]", '-07:00:30')).toBe(
      '2018-07-11T15:14:15-07:00:30',
    );
  });
});

describe('DateTimeFormatter behaviour the examples rely on', () => {
  const instant = Date.UTC(2018, 1, 6, 19, 1, 35, 758);

  test('XXX prints Z at UTC, S prints as many fraction digits as letters', () => {
    expect(time.epochMilliSecondsToFormatted(instant, "yyyy-MM-dd'T'HH:mm:ss.SSSXXX")).toBe(
      '2018-02-06T19:01:35.758Z',
    );
    expect(time.epochMilliSecondsToFormatted(instant, 'ss.S|ss.SS|ss.SSSSSS', '+01:00')).toBe(
      '35.7|35.75|35.758000',
    );
    expect(time.epochMilliSecondsToFormatted(instant, 'xxx|XX|ZZZZ|O', '+05:30')).toBe(
      '+05:30|+0530|GMT+05:30|GMT+5:30',
    );
  });

  test('optional sections are optional when parsing', () => {
    const pattern = "yyyy-MM-dd'T'HH:mm:ss[.SSS][XXX]";
    expect(time.parseFormattedToEpochMilliSeconds('2018-02-06T19:01:35', pattern, 'UTC')).toBe(instant - 758);
    expect(time.parseFormattedToEpochMilliSeconds('2018-02-06T20:01:35.758+01:00', pattern)).toBe(instant);
  });

  test('Java patterns and zones it refuses are errors', () => {
    expect(() => time.nowFormatted('yyyy-MM-dd bb')).toThrow(/Unknown pattern letter: b/);
    expect(() => time.nowFormatted('MMMMMM')).toThrow(/Too many pattern letters: M/);
    expect(() => time.nowFormatted('yyyy', '+19:00')).toThrow(/Invalid ID for ZoneOffset/);
    expect(() => time.nowFormatted('yyyy', 'Mars/Base')).toThrow(/Unknown time-zone ID: Mars\/Base/);
    expect(() =>
      time.parseFormattedToEpochMilliSeconds('2018-02-02 01:19:22', 'yyyy-MM-dd HH:mm:ss'),
    ).toThrow(/no time zone/);
  });
});

describe('from resolver code', () => {
  let bundlesDir: string;

  beforeAll(async () => {
    bundlesDir = await bundleFixtures();
  });

  test('util.time takes a fixed offset zone inside the sandbox', () => {
    const module = loadResolverSource(
      '/virtual/Query.time.js',
      'import { util } from "@aws-appsync/utils";\nexport function request() { return util.time.epochMilliSecondsToFormatted(1517943695758, "yyyy-MM-dd HH:mm:ssZ", "+08:00"); }\nexport function response() {}',
    );
    const info = {
      fieldName: 'time',
      parentTypeName: 'Query',
      variables: {},
      selectionSetList: [],
      selectionSetGraphQL: '',
    };
    expect(
      module.call(
        'request',
        JSON.stringify({ arguments: {}, env: {}, stash: {} }),
        createInvocationScope(null, info),
      ),
    ).toMatchObject({
      kind: 'returned',
      value: '2018-02-07 03:01:35+0800',
    });
  });

  test('an error inside util names the resolver line and no host path', () => {
    const output = evaluateCode({
      file: join(bundlesDir, 'Query.badTimeZone.js'),
      handler: 'request',
      context: { arguments: { zone: 'Mars/Base' } },
    });
    expect(output.error).toMatchObject({
      errorType: 'Code',
      message: expect.stringMatching(
        /^packages\/appsync-local\/test\/fixtures\/resolvers\/src\/Query\.badTimeZone\.ts:5:\d+: Error: Unknown time-zone ID: Mars\/Base$/,
      ),
    });
    expect(output.error?.message).not.toMatch(/src\/appsync|node_modules|appsync-runtime|node:/);
  });
});
