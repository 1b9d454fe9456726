/**
 * How many users of one board and score shard have a total in each score bucket (Scores table,
 * `HIST#<boardId>#<shard>` / `HISTOGRAM`, one numeric attribute `b<bucket>` per bucket, see
 * `score-buckets.ts`). The worker moves a user between buckets in the same transaction as their
 * total, only when the total crosses into another bucket; the standing reader sums the shards'
 * buckets above a caller's to rank them.
 */
import { digitsValue, isDigits } from '../identifiers.ts';
import { itemKinds, keySeparator, type ScoresKey } from '../keys.ts';
import {
  expectKey,
  finishReading,
  kindAttribute,
  nonEmptyText,
  noteProblem,
  scoresKeyAttributes,
  startReading,
  wholeNumber,
  type Decoded,
  type ItemAttributes,
  type ItemExpression,
} from './item.ts';

export const scoreHistogramAttributes = {
  ...scoresKeyAttributes,
  kind: kindAttribute,
  boardId: 'boardId',
  shard: 'shard',
} as const;

const bucketPrefix = 'b';

/** The attribute holding a bucket's count. */
export const bucketAttribute = (bucket: number): string => `${bucketPrefix}${bucket}`;

export interface ScoreHistogram {
  readonly boardId: string;
  readonly shard: number;
  /** Users per bucket; buckets nobody reached are absent. */
  readonly buckets: Readonly<Record<number, number>>;
}

export const scoreHistogramKey = (boardId: string, shard: number): ScoresKey => ({
  pk: ['HIST', boardId, `${shard}`].join(keySeparator),
  sk: 'HISTOGRAM',
});

export function encodeScoreHistogram(histogram: ScoreHistogram): ItemAttributes {
  const names = scoreHistogramAttributes;
  const key = scoreHistogramKey(histogram.boardId, histogram.shard);
  const item: ItemAttributes = {
    [names.pk]: key.pk,
    [names.sk]: key.sk,
    [names.kind]: itemKinds.scoreHistogram,
    [names.boardId]: histogram.boardId,
    [names.shard]: histogram.shard,
  };
  for (const bucket of Object.keys(histogram.buckets)) {
    item[bucketAttribute(Number(bucket))] = histogram.buckets[Number(bucket)];
  }
  return item;
}

export function parseScoreHistogram(item: unknown): Decoded<ScoreHistogram> {
  const names = scoreHistogramAttributes;
  const reader = startReading(item, 'score histogram item', itemKinds.scoreHistogram);
  const boardId = nonEmptyText(reader, names.boardId);
  const shard = wholeNumber(reader, names.shard, 0);
  expectKey(reader, scoreHistogramKey(boardId, shard));
  const buckets: Record<number, number> = {};
  for (const name of Object.keys(reader.attributes)) {
    const digits = name.slice(bucketPrefix.length);
    if (!name.startsWith(bucketPrefix) || !isDigits(digits)) continue;
    // A user leaves a bucket only after entering it, in one transaction: a count below 0 is corruption.
    buckets[digitsValue(digits)] = wholeNumber(reader, name, 0);
  }
  if (Object.keys(buckets).length === 0 && reader.problem === null) noteProblem(reader, 'holds no bucket');
  return finishReading(reader, { boardId, shard, buckets });
}

/**
 * Moves one user from bucket `from` (null: a new total) to bucket `to` (null: a total removed).
 * An addition, so concurrent moves of different users need no lock.
 */
export function scoreHistogramMove(change: {
  readonly boardId: string;
  readonly shard: number;
  readonly from: number | null;
  readonly to: number | null;
}): ItemExpression {
  const names = scoreHistogramAttributes;
  const additions: string[] = [];
  const attributeNames: Record<string, string> = {
    '#kind': names.kind,
    '#boardId': names.boardId,
    '#shard': names.shard,
  };
  const values: Record<string, unknown> = {
    ':kind': itemKinds.scoreHistogram,
    ':boardId': change.boardId,
    ':shard': change.shard,
  };
  if (change.from !== null) {
    attributeNames['#from'] = bucketAttribute(change.from);
    values[':left'] = -1;
    additions.push('#from :left');
  }
  if (change.to !== null) {
    attributeNames['#to'] = bucketAttribute(change.to);
    values[':entered'] = 1;
    additions.push('#to :entered');
  }
  return {
    expression: `SET #kind = :kind, #boardId = :boardId, #shard = :shard ADD ${additions.join(', ')}`,
    names: attributeNames,
    values,
  };
}
