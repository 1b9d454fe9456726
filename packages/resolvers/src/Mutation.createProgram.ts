/**
 * Creates a program (admins only): one transaction puts the program, on condition its id is new,
 * and counts it, on condition the service keeps fewer than `maxPrograms`, so `programs` can always
 * read every program in one Query page, and keeps the action in the audit trail. Either failure
 * leaves nothing written.
 */
import { util, type Context, type DynamoDBTransactWriteItemsRequest } from '@aws-appsync/utils';
import { apiEnvironmentKeys } from '@leaderboard/core/api';
import { serviceConfig } from '@leaderboard/core/config';
import { errorTypes } from '@leaderboard/core/errors';
import { auditActions } from '@leaderboard/core/items/audit-record';
import type { MutationCreateProgramArgs, Program } from '@leaderboard/core/generated/schema';
import { attributesBesidesKey } from '@leaderboard/core/items/item';
import {
  encodeProgram,
  programAttributes,
  programCountIncrement,
  programCountKey,
  programKey,
  type StoredProgram,
} from '@leaderboard/core/items/program';
import { requireAdmin } from './lib/caller.ts';
import { endWithInternalFailure } from './lib/errors.ts';
import { transactCondition, updateExpression } from './lib/expressions.ts';
import { keyValues } from './lib/keys.ts';
import { auditItems, programAudit } from './lib/operators.ts';
import { requireProgramInput, toProgram } from './lib/programs.ts';
import { transactionCancellation } from './lib/cancellation.ts';

interface CreateProgramStash {
  program: StoredProgram;
}

export function request(
  ctx: Context<MutationCreateProgramArgs, CreateProgramStash>,
): DynamoDBTransactWriteItemsRequest {
  const admin = requireAdmin(ctx);
  const program = requireProgramInput(ctx.args.input, admin.userId);
  ctx.stash.program = program;
  const table = ctx.env[apiEnvironmentKeys.scoresTable] as string;
  const count = programCountIncrement(serviceConfig.maxPrograms);
  const names = programAttributes;
  return {
    operation: 'TransactWriteItems',
    transactItems: [
      {
        table,
        operation: 'PutItem',
        key: keyValues(programKey(program.id)),
        attributeValues: util.dynamodb.toMapValues(
          attributesBesidesKey(encodeProgram(program), [names.pk, names.sk]),
        ),
        condition: transactCondition({
          expression: 'attribute_not_exists(#pk)',
          names: { '#pk': names.pk },
          values: {},
        }),
      },
      {
        table,
        operation: 'UpdateItem',
        key: keyValues(programCountKey),
        update: updateExpression(count.update),
        condition: transactCondition(count.condition),
      },
      ...auditItems(table, programAudit(auditActions.createProgram, admin.userId, program)),
    ],
  };
}

export function response(ctx: Context<MutationCreateProgramArgs, CreateProgramStash>): Program {
  const program = ctx.stash.program;
  if (!ctx.error) return toProgram(program, util.time.nowEpochMilliSeconds());
  const cancellation = transactionCancellation(ctx.result);
  if (cancellation.conditionFailedAt(0)) {
    util.error(
      `A program with id '${program.id}' exists; updateProgram edits it.`,
      errorTypes.validation,
      null,
      {
        field: 'id',
      },
    );
  }
  if (cancellation.conditionFailedAt(1)) {
    util.error(
      `The service keeps at most ${serviceConfig.maxPrograms} programs, ended ones included.`,
      errorTypes.validation,
    );
  }
  if (cancellation.conflicted) {
    util.error('Another program was being created at the same moment; try again.', errorTypes.conflict);
  }
  return endWithInternalFailure(ctx.error);
}
