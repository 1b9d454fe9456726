/**
 * A user's total on one board (Scores table, `USER#<userId>` / `TOTAL#<boardId>`): written by
 * the worker, read by it before each change (optimistic locking), by the rebuilder through the
 * `byScore` index, and by `myStanding`'s resolver. Resolvers bundle this file for `parseTotal`
 * and `totalKey`; `encodeTotal` runs in Lambdas only (the rank key's encoding is not APPSYNC_JS).
 */
import { itemKinds, keySeparator, userPartition, type ScoresKey } from '../keys.ts';
import { encodeRankKey, scoreShardKey, shardOf } from '../ranking.ts';
import { scoresTable } from '../tables.ts';
import {
  expectKey,
  finishReading,
  kindAttribute,
  listAttribute,
  nonEmptyText,
  noteProblem,
  scoresKeyAttributes,
  startReading,
  timestampAttribute,
  wholeNumber,
  type Decoded,
  type ItemAttributes,
  type ItemReader,
} from './item.ts';

export const totalAttributes = {
  ...scoresKeyAttributes,
  kind: kindAttribute,
  boardId: 'boardId',
  userId: 'userId',
  displayName: 'displayName',
  score: 'score',
  reachedAt: 'reachedAt',
  shardKey: scoresTable.globalIndexes.byScore.hashKey,
  rankKey: scoresTable.globalIndexes.byScore.rangeKey,
  updatedAt: 'updatedAt',
  teamIds: 'teamIds',
  teamPoints: 'teamPoints',
} as const;

export interface StoredTotal {
  readonly userId: string;
  readonly boardId: string;
  readonly displayName: string;
  readonly score: number;
  /** When the last activity behind the score was recorded: canonical ISO 8601 UTC (24 characters). */
  readonly reachedAt: string;
  readonly updatedAt: string;
  /** Every team the user earned points for on this board: a team counts them as a member once. */
  readonly teamIds: readonly string[];
  /**
   * The points of the total each team earned (a key per team in `teamIds`), so a reversal, an
   * erasure or a replay can take exactly the user's share back from each team's counter.
   */
  readonly teamPoints?: Readonly<Record<string, number>>;
}

export const totalKey = (userId: string, boardId: string): ScoresKey => ({
  pk: userPartition(userId),
  sk: `TOTAL${keySeparator}${boardId}`,
});

/** `shards`: how many partitions the board's score index is spread over (`serviceConfig.scoreShards`). */
export function encodeTotal(total: StoredTotal, shards: number): ItemAttributes {
  const names = totalAttributes;
  const key = totalKey(total.userId, total.boardId);
  return {
    [names.pk]: key.pk,
    [names.sk]: key.sk,
    [names.kind]: itemKinds.total,
    [names.boardId]: total.boardId,
    [names.userId]: total.userId,
    [names.displayName]: total.displayName,
    [names.score]: total.score,
    [names.reachedAt]: total.reachedAt,
    [names.shardKey]: scoreShardKey(total.boardId, shardOf(total.userId, shards)),
    [names.rankKey]: encodeRankKey(total),
    [names.updatedAt]: total.updatedAt,
    // Absent rather than empty, as totals were stored before teams.
    ...(total.teamIds.length > 0 ? { [names.teamIds]: [...total.teamIds] } : {}),
    ...(total.teamPoints && Object.keys(total.teamPoints).length > 0
      ? { [names.teamPoints]: { ...total.teamPoints } }
      : {}),
  };
}

/** Absent reads as none (totals stored before it was kept). */
function teamPointsOf(reader: ItemReader): Record<string, number> | null {
  const value = reader.attributes[totalAttributes.teamPoints];
  if (value === undefined) return null;
  const points: Record<string, number> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    noteProblem(reader, `${totalAttributes.teamPoints} is not a map`);
    return points;
  }
  const entries = value as Record<string, unknown>;
  for (const teamId of Object.keys(entries)) {
    const teamPoints = entries[teamId];
    if (typeof teamPoints === 'number' && Math.floor(teamPoints) === teamPoints && teamPoints > 0)
      points[teamId] = teamPoints;
    else noteProblem(reader, `${totalAttributes.teamPoints} holds a team without whole points`);
  }
  return points;
}

/** Absent reads as no team. */
function teamIdsOf(reader: ItemReader): string[] {
  const name = totalAttributes.teamIds;
  if (reader.attributes[name] === undefined) return [];
  const teamIds = listAttribute(reader, name);
  if (teamIds.some((teamId) => typeof teamId !== 'string' || teamId.length === 0))
    noteProblem(reader, `${name} is not a list of team ids`);
  return teamIds.filter((teamId): teamId is string => typeof teamId === 'string');
}

export function parseTotal(item: unknown): Decoded<StoredTotal> {
  const names = totalAttributes;
  const reader = startReading(item, 'total item', itemKinds.total);
  const userId = nonEmptyText(reader, names.userId);
  const boardId = nonEmptyText(reader, names.boardId);
  expectKey(reader, totalKey(userId, boardId));
  // Derived from the fields below; an item without them is missing from the ranking index.
  nonEmptyText(reader, names.shardKey);
  nonEmptyText(reader, names.rankKey);
  const teamPoints = teamPointsOf(reader);
  return finishReading(reader, {
    userId,
    boardId,
    displayName: nonEmptyText(reader, names.displayName),
    score: wholeNumber(reader, names.score, 0),
    reachedAt: timestampAttribute(reader, names.reachedAt),
    updatedAt: timestampAttribute(reader, names.updatedAt),
    teamIds: teamIdsOf(reader),
    ...(teamPoints === null ? {} : { teamPoints }),
  });
}
