/**
 * Publishes a snapshot to `onLeaderboardChanged` subscribers (NONE data source). Only IAM
 * callers reach it (`@aws_iam`): the rebuilder, after writing the snapshot.
 */
import { util, type Context, type NONERequest } from '@aws-appsync/utils';
import { serviceConfig } from '@leaderboard/core/config';
import { errorTypes } from '@leaderboard/core/errors';
import type { Leaderboard, MutationPublishLeaderboardArgs } from '@leaderboard/core/generated/schema';
import { requireBoardId } from './lib/board.ts';

export function request(ctx: Context<MutationPublishLeaderboardArgs>): NONERequest {
  const input = ctx.args.input;
  requireBoardId(input.boardId);
  const teams = input.teams;
  const longest = teams
    ? Math.max(input.entries.length, teams.byPoints.length, teams.byPointsPerMember.length)
    : input.entries.length;
  if (longest > serviceConfig.maxTopN) {
    util.error(`A snapshot holds at most ${serviceConfig.maxTopN} entries.`, errorTypes.validation, null, {
      field: 'entries',
    });
  }
  return { payload: input };
}

export function response(ctx: Context<MutationPublishLeaderboardArgs>): Leaderboard {
  return ctx.result as Leaderboard;
}
