import { describe, expect, it } from 'vitest';
import { MalformedItemError } from '../../../src/errors.ts';
import {
  auditRecordKey,
  auditReferenceKey,
  encodeAuditRecord,
  encodeAuditReference,
  parseAuditReference,
  type AuditRecord,
} from '../../../src/items/audit-record.ts';
import { decodeAuditRecord } from '../../../src/items/decode.ts';
import { without, withAttribute } from './support.ts';

const record: AuditRecord = {
  id: '01JD3ZQ2Y4M6V8W0X2Z4B6D8F0',
  at: '2026-11-20T09:00:00.000Z',
  action: 'reverseActivity',
  actor: 'admin-1',
  reason: 'Logged twice',
  subjectUserId: 'ada',
  target: 'walk-1',
  details: { points: 100, type: 'steps' },
};

const stored = {
  pk: 'AUDIT',
  sk: '1795165200000#01JD3ZQ2Y4M6V8W0X2Z4B6D8F0',
  kind: 'auditRecord',
  id: '01JD3ZQ2Y4M6V8W0X2Z4B6D8F0',
  at: '2026-11-20T09:00:00.000Z',
  action: 'reverseActivity',
  actor: 'admin-1',
  reason: 'Logged twice',
  subjectUserId: 'ada',
  target: 'walk-1',
  details: { points: 100, type: 'steps' },
};

describe('audit record codec', () => {
  it('sorts entries by time whatever the timestamp text, and reads back what it writes', () => {
    expect(auditRecordKey(record)).toEqual({ pk: 'AUDIT', sk: stored.sk });
    expect(auditRecordKey({ ...record, at: '2026-11-20T09:00:00Z' })).toEqual({ pk: 'AUDIT', sk: stored.sk });
    expect(encodeAuditRecord(record)).toEqual(stored);
    expect(decodeAuditRecord(stored)).toEqual(record);
    const anonymous = { ...record, subjectUserId: null, target: null };
    expect(encodeAuditRecord(anonymous)).not.toHaveProperty('subjectUserId');
    expect(decodeAuditRecord(encodeAuditRecord(anonymous))).toEqual(anonymous);
  });

  it("puts a pointer to an entry in its subject's partition, and none for an entry about nobody", () => {
    const reference = encodeAuditReference(record);
    expect(reference).toEqual({
      ...auditReferenceKey('ada', stored.sk),
      kind: 'auditReference',
      auditSk: stored.sk,
    });
    expect(reference!['pk']).toBe('USER#ada');
    expect(parseAuditReference(reference)).toEqual({ ok: true, value: { auditSk: stored.sk } });
    expect(encodeAuditReference({ ...record, subjectUserId: null })).toBeNull();
  });

  it.each<[string, string, unknown]>([
    ['an unknown action', 'action', withAttribute(stored, 'action', 'dropTables')],
    ['no actor', 'actor', without(stored, 'actor')],
    ['details holding a list', 'details', withAttribute(stored, 'details', { teams: ['a'] })],
    ['a time other than its key', 'sk', withAttribute(stored, 'at', '2026-11-20T09:00:01.000Z')],
  ])('refuses an entry with %s, naming %s', (_, named, item) => {
    expect(() => decodeAuditRecord(item)).toThrow(MalformedItemError);
    expect(() => decodeAuditRecord(item)).toThrow(named);
  });
});
