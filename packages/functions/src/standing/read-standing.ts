/**
 * A user's rank and neighbours on a board's live totals, at a cost bounded by the number of
 * score shards S, never by the number of users:
 *
 * - users in higher score buckets: the S score histograms (one BatchGetItem, S items);
 * - the caller's place among the users of their own bucket: per shard, the index from the
 *   bucket's top score down to the caller, at most `itemsPerShard` items (S Queries). Where a
 *   shard holds more, its unread users (its histogram count less those read) are spread evenly
 *   over the scores from the bucket's lowest to the last one read, and the rank is an estimate;
 * - `around` entries above and below: per shard, `around` items either side of the caller's rank
 *   key (2 x S Queries), merged;
 * - users an admin disqualified on the board (one Query of the disqualifications, one BatchGetItem
 *   of their totals there): the histograms and the index still count them, so those ranked above
 *   the caller are taken off the rank, all of them off the users ranked, and none is a neighbour.
 */
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { decodeScoreHistogram, decodeTotal } from '@leaderboard/core/items/decode';
import { scoreHistogramKey, type ScoreHistogram } from '@leaderboard/core/items/score-histogram';
import { totalAttributes, totalKey } from '@leaderboard/core/items/total';
import {
  compareCodePoints,
  decodeRankKey,
  encodeRankKey,
  rankKeyScorePart,
  scoreShardKey,
  shardOf,
} from '@leaderboard/core/ranking';
import { bucketScores, scoreBucket } from '@leaderboard/core/score-buckets';
import { scoresTable } from '@leaderboard/core/tables';
import { batchGetAll } from '../store/batch-get-all.ts';
import { readDisqualifications, usersDisqualifiedOn } from '../rebuild/disqualifications.ts';

export interface StandingSource {
  readonly documentClient: DynamoDBDocumentClient;
  readonly scoresTable: string;
  readonly shards: number;
  /** Index items read per shard to place the caller inside their bucket (`serviceConfig.standingItemsPerShard`). */
  readonly itemsPerShard: number;
}

/** The caller's total, as the resolver read it. */
export interface StandingQuestion {
  readonly boardId: string;
  readonly userId: string;
  readonly score: number;
  readonly reachedAt: string;
  /** Entries wanted on each side. */
  readonly around: number;
}

/** An entry next to the caller, shaped as a leaderboard entry (a live one has no previous rank). */
export interface Neighbour {
  readonly rank: number;
  readonly previousRank: null;
  readonly userId: string;
  readonly displayName: string;
  readonly score: number;
}

export interface LiveStanding {
  readonly rank: number;
  readonly exact: boolean;
  readonly rankedUsers: number;
  readonly above: Neighbour[];
  readonly below: Neighbour[];
  /** Items DynamoDB returned for this answer. */
  readonly itemsRead: number;
}

const scoreIndexName: keyof typeof scoresTable.globalIndexes = 'byScore';

interface IndexEntry {
  readonly rankKey: string;
  readonly userId: string;
  readonly displayName: string;
  readonly score: number;
}

/** What one shard's read of the caller's bucket found. */
interface ShardPlace {
  readonly shard: number;
  /** Users read above the caller. */
  readonly counted: number;
  /** The read reached the caller: `counted` is all of them. */
  readonly complete: boolean;
  /** The score of the last item read (the lowest), when the read stopped short. */
  readonly lastScore: number;
  readonly itemsRead: number;
}

export async function readLiveStanding(
  source: StandingSource,
  question: StandingQuestion,
): Promise<LiveStanding> {
  const rankKey = encodeRankKey(question);
  const shards = Array.from({ length: source.shards }, (_, shard) => shard);
  const disqualified = await readDisqualifiedRankKeys(source, question.boardId);
  // Enough neighbours on each side that the disqualified among them can be left out.
  const wanted = { ...question, around: question.around + disqualified.size };
  const [histograms, places, above, below] = await Promise.all([
    readHistograms(source, question.boardId),
    Promise.all(shards.map((shard) => readShardPlace(source, question, rankKey, shard))),
    Promise.all(shards.map((shard) => readNeighbours(source, wanted, rankKey, shard, 'above'))),
    Promise.all(shards.map((shard) => readNeighbours(source, wanted, rankKey, shard, 'below'))),
  ]);
  const bucket = scoreBucket(question.score);
  const counts = bucketCounts(histograms, bucket);
  const inBucket = places.reduce(
    (sum, place) => sum + placeAbove(place, counts.inBucketByShard.get(place.shard) ?? 0, question, source),
    0,
  );
  const disqualifiedAbove = [...disqualified.values()].filter(
    (key) => compareCodePoints(key, rankKey) < 0,
  ).length;
  const rankedUsers = Math.max(0, counts.all - disqualified.size);
  const counted = counts.higher + inBucket - disqualifiedAbove + 1;
  // The index trails its table by moments: keep the rank inside the board the histograms count.
  const rank = rankedUsers > 0 ? Math.min(counted, rankedUsers) : counted;
  const eligible = (entry: IndexEntry) => !disqualified.has(entry.userId);
  const nearestAbove = above.flat().filter(eligible).sort(byRankKey).slice(-question.around);
  const nearestBelow = below.flat().filter(eligible).sort(byRankKey).slice(0, question.around);
  return {
    rank,
    exact: places.every((place) => place.complete),
    rankedUsers,
    above: nearestAbove.map((entry, index) => neighbour(entry, rank - nearestAbove.length + index)),
    below: nearestBelow.map((entry, index) => neighbour(entry, rank + 1 + index)),
    itemsRead:
      disqualified.size +
      histograms.length +
      places.reduce((sum, place) => sum + place.itemsRead, 0) +
      above.flat().length +
      below.flat().length,
  };
}

function bucketCounts(histograms: readonly ScoreHistogram[], bucket: number) {
  let higher = 0;
  let all = 0;
  const inBucketByShard = new Map<number, number>();
  for (const histogram of histograms) {
    for (const [key, count] of Object.entries(histogram.buckets)) {
      all += count;
      if (Number(key) > bucket) higher += count;
    }
    inBucketByShard.set(histogram.shard, histogram.buckets[bucket] ?? 0);
  }
  return { higher, all, inBucketByShard };
}

/** The shard's users above the caller in the bucket: counted, or counted plus an even share of the unread. */
function placeAbove(
  place: ShardPlace,
  shardBucketCount: number,
  question: StandingQuestion,
  source: StandingSource,
): number {
  if (place.complete) return place.counted;
  const ownShard = place.shard === shardOf(question.userId, source.shards);
  const unread = Math.max(0, shardBucketCount - place.counted - (ownShard ? 1 : 0));
  const { lowest } = bucketScores(scoreBucket(question.score));
  const share = (place.lastScore - question.score) / (place.lastScore - lowest + 1);
  return place.counted + Math.round(unread * Math.min(1, Math.max(0, share)));
}

const byRankKey = (a: IndexEntry, b: IndexEntry): number => compareCodePoints(a.rankKey, b.rankKey);

const neighbour = (entry: IndexEntry, rank: number): Neighbour => ({
  rank,
  previousRank: null,
  userId: entry.userId,
  displayName: entry.displayName,
  score: entry.score,
});

/** The rank key of each user disqualified on the board who has a total there, by user id. */
async function readDisqualifiedRankKeys(
  source: StandingSource,
  boardId: string,
): Promise<Map<string, string>> {
  const users = usersDisqualifiedOn(await readDisqualifications(source), boardId);
  const rankKeys = new Map<string, string>();
  const keys = [...users].map((userId) => ({ ...totalKey(userId, boardId) }));
  for (const item of await batchGetAll(source.documentClient, source.scoresTable, keys)) {
    const total = decodeTotal(item);
    rankKeys.set(total.userId, encodeRankKey(total));
  }
  return rankKeys;
}

async function readHistograms(source: StandingSource, boardId: string): Promise<ScoreHistogram[]> {
  const keys = Array.from({ length: source.shards }, (_, shard) => ({
    ...scoreHistogramKey(boardId, shard),
  }));
  return (await batchGetAll(source.documentClient, source.scoresTable, keys)).map(decodeScoreHistogram);
}

/** One shard's users ranked above the caller inside the caller's bucket, read up to the cap. */
async function readShardPlace(
  source: StandingSource,
  question: StandingQuestion,
  rankKey: string,
  shard: number,
): Promise<ShardPlace> {
  const { highest } = bucketScores(scoreBucket(question.score));
  const ownShard = shard === shardOf(question.userId, source.shards);
  const page = await source.documentClient.send(
    new QueryCommand({
      TableName: source.scoresTable,
      IndexName: scoreIndexName,
      KeyConditionExpression: '#shardKey = :shardKey AND #rankKey BETWEEN :bucketTop AND :caller',
      ExpressionAttributeNames: {
        '#shardKey': totalAttributes.shardKey,
        '#rankKey': totalAttributes.rankKey,
      },
      ExpressionAttributeValues: {
        ':shardKey': scoreShardKey(question.boardId, shard),
        ':bucketTop': rankKeyScorePart(highest),
        ':caller': rankKey,
      },
      ProjectionExpression: '#rankKey',
      // One item past the cap tells a full range from a longer one; the caller's own item ends
      // the range in their shard.
      Limit: source.itemsPerShard + 1 + (ownShard ? 1 : 0),
    }),
  );
  const keys = (page.Items ?? []).map((item) => String(item[totalAttributes.rankKey]));
  const last = keys[keys.length - 1];
  return {
    shard,
    counted: keys.filter((key) => key !== rankKey).length,
    complete: page.LastEvaluatedKey === undefined || last === rankKey,
    lastScore: last === undefined ? question.score : decodeRankKey(last).score,
    itemsRead: keys.length,
  };
}

/** Up to `around` entries of one shard next to the caller's rank key, on one side. */
async function readNeighbours(
  source: StandingSource,
  question: StandingQuestion,
  rankKey: string,
  shard: number,
  side: 'above' | 'below',
): Promise<IndexEntry[]> {
  if (question.around === 0) return [];
  const page = await source.documentClient.send(
    new QueryCommand({
      TableName: source.scoresTable,
      IndexName: scoreIndexName,
      KeyConditionExpression: `#shardKey = :shardKey AND #rankKey ${side === 'above' ? '<' : '>'} :caller`,
      ExpressionAttributeNames: {
        '#shardKey': totalAttributes.shardKey,
        '#rankKey': totalAttributes.rankKey,
      },
      ExpressionAttributeValues: { ':shardKey': scoreShardKey(question.boardId, shard), ':caller': rankKey },
      // Nearest first on either side.
      ScanIndexForward: side === 'below',
      Limit: question.around,
    }),
  );
  return (page.Items ?? []).map((item) => {
    const total = decodeTotal(item);
    return {
      rankKey: String(item[totalAttributes.rankKey]),
      userId: total.userId,
      displayName: total.displayName,
      score: total.score,
    };
  });
}
