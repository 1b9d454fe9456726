/**
 * The audit trail of admin actions (Scores table, `AUDIT` / `<epoch ms>#<id>`): who did what, when,
 * to whom and why, newest last in one partition (admin actions are rare, so it takes few
 * writes), read newest first by `auditLog`. An entry about a user has a pointer in that user's
 * partition (`USER#<userId>` / `AUDIT#<entry's sort key>`), so erasing the user finds and redacts every
 * entry that names them. Bundled into APPSYNC_JS resolvers.
 */
import { itemKinds, keySeparator, userPartition, type ScoresKey } from '../keys.ts';
import {
  expectKey,
  finishReading,
  kindAttribute,
  nonEmptyText,
  noteProblem,
  optionalText,
  scoresKeyAttributes,
  startReading,
  textAttribute,
  timestampAttribute,
  type Decoded,
  type ItemAttributes,
  type ItemReader,
} from './item.ts';
import { utcTimestampMs } from './timestamp.ts';

export const auditActions = {
  reverseActivity: 'reverseActivity',
  disqualifyUser: 'disqualifyUser',
  reinstateUser: 'reinstateUser',
  eraseUser: 'eraseUser',
  replay: 'replay',
  setUserTeam: 'setUserTeam',
  createProgram: 'createProgram',
  updateProgram: 'updateProgram',
} as const;

export type AuditAction = (typeof auditActions)[keyof typeof auditActions];

export const auditRecordAttributes = {
  ...scoresKeyAttributes,
  kind: kindAttribute,
  id: 'id',
  at: 'at',
  action: 'action',
  actor: 'actor',
  reason: 'reason',
  subjectUserId: 'subjectUserId',
  target: 'target',
  details: 'details',
} as const;

export const auditReferenceAttributes = {
  ...scoresKeyAttributes,
  kind: kindAttribute,
  auditSk: 'auditSk',
} as const;

/** Facts an entry keeps besides who, what and why: counts and states, never personal data. */
export type AuditDetails = Readonly<Record<string, string | number>>;

export interface AuditRecord {
  /** Unique among entries. */
  readonly id: string;
  /** ISO 8601 UTC. */
  readonly at: string;
  readonly action: AuditAction;
  /** The admin's user id, or the operator who ran a job. */
  readonly actor: string;
  readonly reason: string;
  /** The user acted on; null when none, or once that user was erased. */
  readonly subjectUserId: string | null;
  /** What the action named besides the user: an activity key, a board id, an erasure or a replay run id. */
  readonly target: string | null;
  readonly details: AuditDetails;
}

/** The partition holding the whole trail. */
export const auditPartition = 'AUDIT';

/**
 * Sorted by time whatever the timestamp's text (AppSync's and JavaScript's differ in fractions):
 * epoch milliseconds, 13 digits from 2001 to 2286.
 */
export const auditRecordKey = (record: Pick<AuditRecord, 'at' | 'id'>): ScoresKey => ({
  pk: auditPartition,
  sk: `${utcTimestampMs(record.at)}${keySeparator}${record.id}`,
});

const referencePrefix = `AUDIT${keySeparator}`;

/** The sort key prefix of a user's pointers to the entries about them. */
export const auditReferencePrefix = referencePrefix;

export const auditReferenceKey = (userId: string, auditSk: string): ScoresKey => ({
  pk: userPartition(userId),
  sk: `${referencePrefix}${auditSk}`,
});

export function encodeAuditRecord(record: AuditRecord): ItemAttributes {
  const names = auditRecordAttributes;
  const key = auditRecordKey(record);
  const item: ItemAttributes = {
    [names.pk]: key.pk,
    [names.sk]: key.sk,
    [names.kind]: itemKinds.auditRecord,
    [names.id]: record.id,
    [names.at]: record.at,
    [names.action]: record.action,
    [names.actor]: record.actor,
    [names.reason]: record.reason,
    [names.details]: { ...record.details },
  };
  if (record.subjectUserId !== null) item[names.subjectUserId] = record.subjectUserId;
  if (record.target !== null) item[names.target] = record.target;
  return item;
}

/** The subject's pointer to an entry; null when the entry names no user. */
export function encodeAuditReference(record: AuditRecord): ItemAttributes | null {
  if (record.subjectUserId === null) return null;
  const auditSk = auditRecordKey(record).sk;
  const key = auditReferenceKey(record.subjectUserId, auditSk);
  return {
    [auditReferenceAttributes.pk]: key.pk,
    [auditReferenceAttributes.sk]: key.sk,
    [auditReferenceAttributes.kind]: itemKinds.auditReference,
    [auditReferenceAttributes.auditSk]: auditSk,
  };
}

const isAuditAction = (value: string): value is AuditAction =>
  Object.keys(auditActions).some((name) => auditActions[name as keyof typeof auditActions] === value);

function detailsOf(reader: ItemReader): AuditDetails {
  const value = reader.attributes[auditRecordAttributes.details];
  const details: Record<string, string | number> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    noteProblem(reader, `${auditRecordAttributes.details} is not a map`);
    return details;
  }
  const entries = value as Record<string, unknown>;
  for (const name of Object.keys(entries)) {
    const entry = entries[name];
    if (typeof entry === 'string' || typeof entry === 'number') details[name] = entry;
    else noteProblem(reader, `${auditRecordAttributes.details} holds something other than text or a number`);
  }
  return details;
}

export function parseAuditRecord(item: unknown): Decoded<AuditRecord> {
  const names = auditRecordAttributes;
  const reader = startReading(item, 'audit record item', itemKinds.auditRecord);
  const id = nonEmptyText(reader, names.id);
  const at = timestampAttribute(reader, names.at);
  expectKey(reader, auditRecordKey({ at, id }));
  const action = nonEmptyText(reader, names.action);
  if (action.length > 0 && !isAuditAction(action))
    noteProblem(reader, `${names.action} is not an admin action`);
  return finishReading(reader, {
    id,
    at,
    action: action as AuditAction,
    actor: nonEmptyText(reader, names.actor),
    reason: textAttribute(reader, names.reason),
    subjectUserId: optionalText(reader, names.subjectUserId),
    target: optionalText(reader, names.target),
    details: detailsOf(reader),
  });
}

export function parseAuditReference(item: unknown): Decoded<{ readonly auditSk: string }> {
  const reader = startReading(item, 'audit reference item', itemKinds.auditReference);
  const auditSk = nonEmptyText(reader, auditReferenceAttributes.auditSk);
  const sk = reader.attributes[auditReferenceAttributes.sk];
  if (sk !== `${referencePrefix}${auditSk}`)
    noteProblem(reader, `${auditReferenceAttributes.sk} does not match the item's key`);
  return finishReading(reader, { auditSk });
}
