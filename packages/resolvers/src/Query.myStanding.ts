/**
 * The caller's total and rank on a user board, and the entries around them (pipeline:
 * getCallerDisqualification, getCallerTotal, getBoardSnapshot, readLiveStanding). A caller in
 * the snapshot, with their neighbours in it, is answered from it; anyone else on the live
 * totals; a caller an admin disqualified there, with no rank.
 */
import { util, type Context } from '@aws-appsync/utils';
import { serviceConfig } from '@leaderboard/core/config';
import { errorTypes } from '@leaderboard/core/errors';
import type { LeaderboardEntry, QueryMyStandingArgs, Standing } from '@leaderboard/core/generated/schema';
import { requireUserBoardId } from './lib/board.ts';
import { requireCaller } from './lib/caller.ts';
import { snapshotIndexOfCaller, type StandingStash } from './lib/standing.ts';

export function request(ctx: Context<QueryMyStandingArgs, StandingStash>): Record<string, never> {
  ctx.stash.userId = requireCaller(ctx).userId;
  ctx.stash.boardId = requireUserBoardId(ctx.args.boardId);
  const around = ctx.args.around ?? 0;
  if (around < 0 || around > serviceConfig.maxAround) {
    util.error(`around must be 0 to ${serviceConfig.maxAround}.`, errorTypes.validation, null, {
      field: 'around',
    });
  }
  ctx.stash.around = around;
  return {};
}

export function response(ctx: Context<QueryMyStandingArgs, StandingStash>): Standing {
  const stash = ctx.stash;
  const snapshot = stash.snapshot;
  const standing = {
    boardId: stash.boardId,
    userId: stash.userId,
    score: stash.total ? stash.total.score : 0,
    boardVersion: snapshot ? snapshot.version : null,
    disqualified: stash.disqualified === true,
  };
  if (standing.disqualified)
    return { ...standing, rank: null, exact: true, asOf: null, rankedUsers: null, above: [], below: [] };
  const index = snapshotIndexOfCaller(stash);
  if (snapshot && index >= 0) {
    return {
      ...standing,
      rank: snapshot.entries[index]!.rank,
      exact: true,
      asOf: snapshot.asOf,
      rankedUsers: null,
      above: snapshot.entries.slice(Math.max(0, index - stash.around), index).map(withoutPreviousRank),
      below: snapshot.entries.slice(index + 1, index + 1 + stash.around).map(withoutPreviousRank),
    };
  }
  const live = stash.live;
  if (!live)
    return { ...standing, rank: null, exact: true, asOf: null, rankedUsers: null, above: [], below: [] };
  return {
    ...standing,
    rank: live.rank,
    exact: live.exact,
    asOf: util.time.nowISO8601(),
    rankedUsers: live.rankedUsers,
    above: live.above,
    below: live.below,
  };
}

/** Neighbours carry no previous rank: the live ones have none, and the two sources should look alike. */
function withoutPreviousRank(entry: LeaderboardEntry): LeaderboardEntry {
  return {
    rank: entry.rank,
    previousRank: null,
    userId: entry.userId,
    displayName: entry.displayName,
    score: entry.score,
  };
}
