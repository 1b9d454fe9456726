/** The audit trail, newest first, a page at a time (admins only): one Query of its partition. */
import { util, type Context, type DynamoDBQueryRequest } from '@aws-appsync/utils';
import { serviceConfig } from '@leaderboard/core/config';
import { errorTypes } from '@leaderboard/core/errors';
import type {
  AuditAction,
  AuditEntry,
  AuditPage,
  QueryAuditLogArgs,
} from '@leaderboard/core/generated/schema';
import {
  auditActions,
  auditPartition,
  auditRecordAttributes,
  parseAuditRecord,
  type AuditAction as StoredAuditAction,
} from '@leaderboard/core/items/audit-record';
import { requireAdmin } from './lib/caller.ts';
import { decodedOrInternalFailure, endWithInternalFailure } from './lib/errors.ts';

/** The API's name of each stored action. */
const actionNames: Record<StoredAuditAction, AuditAction> = {
  [auditActions.reverseActivity]: 'REVERSE_ACTIVITY',
  [auditActions.disqualifyUser]: 'DISQUALIFY_USER',
  [auditActions.reinstateUser]: 'REINSTATE_USER',
  [auditActions.eraseUser]: 'ERASE_USER',
  [auditActions.replay]: 'REPLAY',
  [auditActions.setUserTeam]: 'SET_USER_TEAM',
  [auditActions.createProgram]: 'CREATE_PROGRAM',
  [auditActions.updateProgram]: 'UPDATE_PROGRAM',
};

export function request(ctx: Context<QueryAuditLogArgs>): DynamoDBQueryRequest {
  requireAdmin(ctx);
  const limit = ctx.args.limit ?? serviceConfig.defaultAuditLimit;
  if (limit < 1 || limit > serviceConfig.maxAuditLimit) {
    util.error(`limit must be from 1 to ${serviceConfig.maxAuditLimit}.`, errorTypes.validation, null, {
      field: 'limit',
    });
  }
  return {
    operation: 'Query',
    query: {
      expression: '#pk = :pk',
      expressionNames: { '#pk': auditRecordAttributes.pk },
      expressionValues: util.dynamodb.toMapValues({ ':pk': auditPartition }),
    },
    scanIndexForward: false,
    limit,
    nextToken: ctx.args.nextToken ?? undefined,
  };
}

function toEntry(item: unknown): AuditEntry {
  const record = decodedOrInternalFailure(parseAuditRecord(item));
  return {
    id: record.id,
    at: record.at,
    action: actionNames[record.action],
    actor: record.actor,
    reason: record.reason,
    subjectUserId: record.subjectUserId,
    target: record.target,
    details: JSON.stringify(record.details),
  };
}

export function response(ctx: Context<QueryAuditLogArgs>): AuditPage {
  if (ctx.error && ctx.args.nextToken && ctx.error.type === 'DynamoDB:ValidationException') {
    console.error('auditLog: nextToken refused', ctx.error.message);
    util.error('nextToken is not one this query returned.', errorTypes.validation, null, {
      field: 'nextToken',
    });
  }
  if (ctx.error) return endWithInternalFailure(ctx.error);
  const result = ctx.result as { items: unknown[]; nextToken?: string | null };
  return { items: result.items.map(toEntry), nextToken: result.nextToken ?? null };
}
