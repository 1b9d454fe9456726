import { describe, expect, it } from 'vitest';
import { recordInputOf } from '../../../src/employee/model/record-input.ts';

const values = { type: 'running', quantity: '30', programId: '', occurredAt: '' };

describe('recordInputOf', () => {
  it('sends the type, the quantity as a number, the key, and a program or time only when given', () => {
    expect(recordInputOf(values, 'k-1')).toEqual({
      ok: true,
      input: { idempotencyKey: 'k-1', type: 'running', quantity: 30 },
    });
    const outcome = recordInputOf({ ...values, programId: 'spring', occurredAt: '2026-11-20T08:15' }, 'k-2');
    expect(outcome).toMatchObject({ ok: true, input: { programId: 'spring' } });
    expect(outcome.ok && new Date(outcome.input.occurredAt ?? '').getTime()).toBe(
      new Date('2026-11-20T08:15').getTime(),
    );
  });

  it('leaves limits to the API but cannot send what is not a number or a time', () => {
    expect(recordInputOf({ ...values, quantity: '100000' }, 'k')).toMatchObject({ ok: true });
    expect(recordInputOf({ ...values, type: '', quantity: ' ', occurredAt: 'soon' }, 'k')).toEqual({
      ok: false,
      fields: {
        type: 'Choose an activity.',
        quantity: 'Enter how much, as a number.',
        occurredAt: 'Enter a date and time, or leave it empty for now.',
      },
    });
  });
});
