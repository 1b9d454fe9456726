/** What every operator's action shares: its reason, and its entry in the audit trail. */
import { util, type DynamoDBTransactWriteItemsRequest } from '@aws-appsync/utils';
import { serviceConfig } from '@leaderboard/core/config';
import { errorTypes } from '@leaderboard/core/errors';
import { isUsableUserId } from '@leaderboard/core/identifiers';
import {
  auditRecordAttributes,
  encodeAuditRecord,
  encodeAuditReference,
  type AuditAction,
  type AuditRecord,
} from '@leaderboard/core/items/audit-record';
import { attributesBesidesKey, type ItemAttributes } from '@leaderboard/core/items/item';
import type { StoredProgram } from '@leaderboard/core/items/program';
import { transactCondition } from './expressions.ts';
import { keyValues } from './keys.ts';

/** The reason an admin gave, trimmed; an empty or overlong one ends the field. */
export function requireReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed.length === 0 || trimmed.length > serviceConfig.maxReasonLength) {
    util.error(
      `reason must be 1 to ${serviceConfig.maxReasonLength} characters.`,
      errorTypes.validation,
      null,
      { field: 'reason' },
    );
  }
  return trimmed;
}

/** The user an admin names; one that cannot be a user id ends the field with a ValidationError. */
export function requireUserId(userId: string): string {
  if (!isUsableUserId(userId, serviceConfig.maxStringLength)) {
    util.error(
      `userId must be 1 to ${serviceConfig.maxStringLength} characters without '#'.`,
      errorTypes.validation,
      null,
      { field: 'userId' },
    );
  }
  return userId;
}

/** A new audit entry, timed now. */
export function auditRecord(entry: Omit<AuditRecord, 'id' | 'at'>): AuditRecord {
  return { id: util.autoUlid(), at: util.time.nowISO8601(), ...entry };
}

/** One item of a TransactWriteItems request. */
export type TransactItem = DynamoDBTransactWriteItemsRequest['transactItems'][number];

function put(table: string, item: ItemAttributes): TransactItem {
  const keyNames = [auditRecordAttributes.pk, auditRecordAttributes.sk];
  return {
    table,
    operation: 'PutItem',
    key: keyValues({ pk: item[keyNames[0]!] as string, sk: item[keyNames[1]!] as string }),
    attributeValues: util.dynamodb.toMapValues(attributesBesidesKey(item, keyNames)),
    condition: transactCondition({
      expression: 'attribute_not_exists(#pk)',
      names: { '#pk': auditRecordAttributes.pk },
      values: {},
    }),
  };
}

/** The transaction items that keep an entry: the entry, and its subject's pointer to it. */
export function auditItems(table: string, record: AuditRecord): TransactItem[] {
  const reference = encodeAuditReference(record);
  const items = [put(table, encodeAuditRecord(record))];
  if (reference !== null) items.push(put(table, reference));
  return items;
}

/**
 * The audit entry of a program created or edited. Programs take no reason (their fields say what
 * they are); the entry keeps what the admin set.
 */
export function programAudit(action: AuditAction, actor: string, program: StoredProgram): AuditRecord {
  const details: Record<string, string | number> = {
    name: program.name,
    startsAt: program.startsAt,
    endsAt: program.endsAt,
    activityTypes: program.activityTypes.join(','),
  };
  if (program.pointsGoal !== null) details['pointsGoal'] = program.pointsGoal;
  return auditRecord({ action, actor, reason: '', subjectUserId: null, target: program.id, details });
}
