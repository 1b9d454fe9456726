import { describe, expect, it } from 'vitest';
import { historyLine, quantityWithUnit } from '../../../src/employee/model/history.ts';

const context = {
  types: [
    { type: 'running', name: 'Running', unit: 'minutes' },
    { type: 'cycling', name: 'Cycling', unit: 'km' },
  ],
  programs: [{ id: 'spring', name: 'Spring Steps' }],
  formatTime: (date: Date) => date.toISOString().slice(0, 16),
};

describe('historyLine', () => {
  it('names the activity, amount, points, program and time', () => {
    expect(
      historyLine(
        {
          id: 'a1',
          type: 'running',
          quantity: 30,
          points: 60,
          programId: 'spring',
          occurredAt: '2026-11-20T08:15:00.000Z',
        },
        context,
      ),
    ).toEqual({
      id: 'a1',
      what: 'Running',
      amount: '30 minutes',
      points: '+60 points',
      reversed: null,
      program: 'Spring Steps',
      occurredAt: '2026-11-20T08:15:00.000Z',
      when: '2026-11-20T08:15',
    });
  });

  it('keeps the ids of a type or program it cannot name', () => {
    expect(
      historyLine(
        {
          id: 'a2',
          type: 'rowing',
          quantity: 1,
          points: 1,
          programId: 'gone',
          occurredAt: '2026-11-20T08:15:00Z',
        },
        context,
      ),
    ).toMatchObject({ what: 'rowing', program: 'gone', points: '+1 point' });
  });

  it('marks an activity an admin reversed, with the reason when there is one', () => {
    const activity = {
      id: 'a3',
      type: 'cycling',
      quantity: 12.5,
      points: 12,
      occurredAt: '2026-11-20T08:15:00Z',
    };
    expect(
      historyLine(
        { ...activity, reversedAt: '2026-11-21T09:00:00Z', reversalReason: 'Recorded twice' },
        context,
      ).reversed,
    ).toBe('Reversed: Recorded twice');
    expect(historyLine({ ...activity, reversedAt: '2026-11-21T09:00:00Z' }, context).reversed).toBe(
      'Reversed',
    );
  });
});

describe('quantityWithUnit', () => {
  it('says one of a counted unit in the singular', () => {
    expect([quantityWithUnit(1, 'minutes'), quantityWithUnit(1, 'km'), quantityWithUnit(12.5, 'km')]).toEqual(
      ['1 minute', '1 km', '12.5 km'],
    );
  });
});
