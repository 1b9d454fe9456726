import { describe, expect, it } from 'vitest';
import { serviceConfig } from '../../src/config.ts';
import {
  validateRecordActivities,
  validateRecordActivity,
  type ActivityClock,
} from '../../src/validation.ts';

const nowMs = Date.parse('2026-11-21T12:00:00Z');
const now: ActivityClock = { nowMs, occurredAtMs: null };
const validate = (input: Record<string, unknown>, clock: ActivityClock = now) =>
  validateRecordActivity(input, clock, serviceConfig);

function expectRefused(input: Record<string, unknown>, field: string, clock: ActivityClock = now): string {
  const outcome = validate(input, clock);
  expect(outcome.ok).toBe(false);
  if (outcome.ok) return '';
  expect(outcome.error.errorType).toBe('ValidationError');
  expect(outcome.error.field).toBe(field);
  return outcome.error.message;
}

describe('recordActivity validation', () => {
  it('accepts a valid activity and computes its points', () => {
    const outcome = validate({ type: 'steps', quantity: 12_345, programId: 'spring', idempotencyKey: 'k-1' });
    expect(outcome).toMatchObject({
      ok: true,
      value: {
        quantity: 12_345,
        points: 123,
        programId: 'spring',
        idempotencyKey: 'k-1',
        occurredAtMs: nowMs,
      },
    });
  });

  it('refuses an unknown type, naming the known ones', () => {
    expect(expectRefused({ type: 'teleporting', quantity: 1 }, 'type')).toContain('steps');
  });

  it.each([-5, 0, Number.NaN, Number.POSITIVE_INFINITY])('refuses quantity %s', (quantity) => {
    expectRefused({ type: 'running', quantity }, 'quantity');
  });

  it.each<[string, number, string]>([
    ['cycling', 1e-131, 'at least 0.01 km'],
    ['cycling', 0.004, 'at least 0.01 km'],
    ['cycling', 12.345, 'at most 2 decimals'],
    ['running', 30.25, 'at most 1 decimal'],
    ['steps', 0.5, 'at least 1 steps'],
    ['steps', 100.5, 'whole number of steps'],
    ['workout', 1.5, 'whole number of sessions'],
  ])('refuses %s quantity %s, finer than its unit is recorded', (type, quantity, expected) => {
    expect(expectRefused({ type, quantity }, 'quantity')).toContain(expected);
  });

  it.each<[string, number]>([
    ['cycling', 12.35],
    ['cycling', 0.01],
    ['running', 30.5],
    ['steps', 1],
    ['workout', 3],
  ])('accepts %s quantity %s', (type, quantity) => {
    expect(validate({ type, quantity })).toMatchObject({ ok: true, value: { quantity } });
  });

  it('takes a quantity one float rounding away from its decimal as that decimal', () => {
    // 0.1 + 0.2 is 0.30000000000000004 in binary floating point.
    expect(validate({ type: 'cycling', quantity: 0.1 + 0.2 })).toMatchObject({
      ok: true,
      value: { quantity: 0.3 },
    });
  });

  it('refuses an absurd quantity above the per-activity cap', () => {
    expect(expectRefused({ type: 'running', quantity: 301 }, 'quantity')).toContain('300');
    expect(validate({ type: 'running', quantity: 300 }).ok).toBe(true);
  });

  it('refuses occurredAt in the future beyond the clock skew, or too old', () => {
    const skew = serviceConfig.maxClockSkewSeconds * 1000;
    expectRefused({ type: 'yoga', quantity: 10 }, 'occurredAt', { nowMs, occurredAtMs: nowMs + skew + 1 });
    expect(validate({ type: 'yoga', quantity: 10 }, { nowMs, occurredAtMs: nowMs + skew }).ok).toBe(true);
    const maxAge = serviceConfig.maxActivityAgeDays * 86_400_000;
    expectRefused({ type: 'yoga', quantity: 10 }, 'occurredAt', { nowMs, occurredAtMs: nowMs - maxAge - 1 });
    expect(validate({ type: 'yoga', quantity: 10 }, { nowMs, occurredAtMs: nowMs - maxAge }).ok).toBe(true);
  });

  it('refuses oversized or unsafe strings', () => {
    expectRefused({ type: 'x'.repeat(10_000), quantity: 1 }, 'type');
    expectRefused(
      { type: 'yoga', quantity: 1, idempotencyKey: 'k'.repeat(serviceConfig.maxStringLength + 1) },
      'idempotencyKey',
    );
    expectRefused({ type: 'yoga', quantity: 1, idempotencyKey: 'a#b' }, 'idempotencyKey');
    expectRefused({ type: 'yoga', quantity: 1, idempotencyKey: '' }, 'idempotencyKey');
    expectRefused({ type: 'yoga', quantity: 1, programId: 'p'.repeat(65) }, 'programId');
    expectRefused({ type: 'yoga', quantity: 1, programId: 'has space' }, 'programId');
  });

  it('keeps error messages short even for huge input', () => {
    const message = expectRefused({ type: 'z'.repeat(100), quantity: 1 }, 'type');
    expect(message.length).toBeLessThan(300);
  });

  it('refuses a userId smuggled into the input', () => {
    expect(expectRefused({ type: 'yoga', quantity: 1, userId: 'someone-else' }, 'userId')).toContain('token');
  });
});

describe('recordActivities validation', () => {
  const validateAll = (inputs: Array<Record<string, unknown>>) =>
    validateRecordActivities(
      inputs,
      inputs.map(() => now),
      serviceConfig,
    );

  it('accepts valid inputs in order', () => {
    const outcome = validateAll([
      { type: 'yoga', quantity: 10, idempotencyKey: 'a' },
      { type: 'steps', quantity: 500 },
    ]);
    expect(outcome).toMatchObject({ ok: true, value: [{ points: 10, idempotencyKey: 'a' }, { points: 5 }] });
  });

  it.each<[string, Array<Record<string, unknown>>, string, string]>([
    ['no inputs', [], 'inputs', 'inputs must hold 1 to 25 activities'],
    [
      'a bad input, named by its index',
      [
        { type: 'yoga', quantity: 10 },
        { type: 'yoga', quantity: 0 },
      ],
      'inputs[1].quantity',
      'inputs[1]: quantity must be',
    ],
    [
      'a key given twice',
      [
        { type: 'yoga', quantity: 1, idempotencyKey: 'k' },
        { type: 'yoga', quantity: 1, idempotencyKey: 'k' },
      ],
      'inputs[1].idempotencyKey',
      "inputs[1]: idempotencyKey 'k' is also the key of inputs[0]",
    ],
  ])('refuses %s', (_, inputs, field, message) => {
    const outcome = validateAll(inputs);
    expect(outcome).toMatchObject({ ok: false, error: { errorType: 'ValidationError', field } });
    expect(outcome.ok ? '' : outcome.error.message).toContain(message);
  });

  it('refuses more inputs than a call takes', () => {
    const inputs = Array.from({ length: serviceConfig.maxActivitiesPerCall + 1 }, () => ({
      type: 'yoga',
      quantity: 1,
    }));
    expect(validateAll(inputs)).toMatchObject({ ok: false, error: { field: 'inputs' } });
  });

  it('takes no more inputs in a call than the rate limit and one transaction hold', () => {
    // Each input is a put and may name its own daily counter; the rate counter is one more item.
    expect(serviceConfig.maxActivitiesPerCall * 2 + 1).toBeLessThanOrEqual(100);
    expect(serviceConfig.maxActivitiesPerCall).toBeLessThanOrEqual(serviceConfig.rateLimitPerMinute);
  });
});
