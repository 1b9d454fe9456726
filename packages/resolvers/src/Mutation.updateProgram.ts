/**
 * Edits a program (admins only): one transaction replaces every field but its id and creation
 * time, on condition the program exists, and keeps the action in the audit trail. Activities
 * counted before keep counting; the worker applies the new dates, types and goal to what it
 * counts from now on.
 */
import { util, type Context, type DynamoDBTransactWriteItemsRequest } from '@aws-appsync/utils';
import { apiEnvironmentKeys } from '@leaderboard/core/api';
import { errorTypes } from '@leaderboard/core/errors';
import type { MutationUpdateProgramArgs, Program } from '@leaderboard/core/generated/schema';
import { auditActions } from '@leaderboard/core/items/audit-record';
import {
  programAttributes,
  programKey,
  programReplacement,
  type StoredProgram,
} from '@leaderboard/core/items/program';
import { requireAdmin } from './lib/caller.ts';
import { endWithInternalFailure } from './lib/errors.ts';
import { transactCondition, updateExpression } from './lib/expressions.ts';
import { keyValues } from './lib/keys.ts';
import { auditItems, programAudit } from './lib/operators.ts';
import { requireProgramInput, toProgram } from './lib/programs.ts';
import { transactionCancellation } from './lib/cancellation.ts';

interface UpdateProgramStash {
  program: StoredProgram;
}

export function request(
  ctx: Context<MutationUpdateProgramArgs, UpdateProgramStash>,
): DynamoDBTransactWriteItemsRequest {
  const admin = requireAdmin(ctx);
  const program = requireProgramInput(ctx.args.input, admin.userId);
  ctx.stash.program = program;
  const table = ctx.env[apiEnvironmentKeys.scoresTable] as string;
  return {
    operation: 'TransactWriteItems',
    transactItems: [
      {
        table,
        operation: 'UpdateItem',
        key: keyValues(programKey(program.id)),
        update: updateExpression(programReplacement(program)),
        condition: transactCondition({
          expression: 'attribute_exists(#pk)',
          names: { '#pk': programAttributes.pk },
          values: {},
        }),
      },
      ...auditItems(table, programAudit(auditActions.updateProgram, admin.userId, program)),
    ],
  };
}

export function response(ctx: Context<MutationUpdateProgramArgs, UpdateProgramStash>): Program {
  if (!ctx.error) return toProgram(ctx.stash.program, util.time.nowEpochMilliSeconds());
  const cancellation = transactionCancellation(ctx.result);
  if (cancellation.conditionFailedAt(0)) {
    util.error(
      `No program has id '${ctx.args.input.id}'; createProgram creates one.`,
      errorTypes.notFound,
      null,
      { field: 'id' },
    );
  }
  if (cancellation.conflicted) {
    util.error('The program was being changed at the same moment; try again.', errorTypes.conflict);
  }
  return endWithInternalFailure(ctx.error);
}
