/**
 * Edits a program (admins only): every field but its id and creation time, on condition the
 * program exists. Activities counted before keep counting; the worker applies the new dates,
 * types and goal to what it counts from now on.
 */
import { util, type Context, type DynamoDBUpdateItemRequest } from '@aws-appsync/utils';
import { errorTypes } from '@leaderboard/core/errors';
import type { MutationUpdateProgramArgs, Program } from '@leaderboard/core/generated/schema';
import { programAttributes, programKey, programReplacement } from '@leaderboard/core/items/program';
import { requireAdmin } from './lib/caller.ts';
import { endWithInternalFailure } from './lib/errors.ts';
import { updateExpression } from './lib/expressions.ts';
import { keyValues } from './lib/keys.ts';
import { readProgram, requireProgramInput, toProgram } from './lib/programs.ts';

export function request(ctx: Context<MutationUpdateProgramArgs>): DynamoDBUpdateItemRequest {
  const admin = requireAdmin(ctx);
  const program = requireProgramInput(ctx.args.input, admin.userId);
  return {
    operation: 'UpdateItem',
    key: keyValues(programKey(program.id)),
    update: updateExpression(programReplacement(program)),
    condition: { expression: 'attribute_exists(#pk)', expressionNames: { '#pk': programAttributes.pk } },
  };
}

export function response(ctx: Context<MutationUpdateProgramArgs>): Program {
  if (ctx.error && ctx.error.type === 'DynamoDB:ConditionalCheckFailedException') {
    util.error(
      `No program has id '${ctx.args.input.id}'; createProgram creates one.`,
      errorTypes.notFound,
      null,
      { field: 'id' },
    );
  }
  if (ctx.error) return endWithInternalFailure(ctx.error);
  return toProgram(readProgram(ctx.result), util.time.nowEpochMilliSeconds());
}
