import { describe, expect, it } from 'vitest';
import { MalformedItemError } from '../../../src/errors.ts';
import { decodeScoreHistogram } from '../../../src/items/decode.ts';
import {
  encodeScoreHistogram,
  scoreHistogramKey,
  scoreHistogramMove,
  type ScoreHistogram,
} from '../../../src/items/score-histogram.ts';
import { without, withAttribute } from './support.ts';

const histogram: ScoreHistogram = { boardId: 'week:2026-W47', shard: 3, buckets: { 0: 2, 12: 5, 40: 1 } };

/** As the Scores table holds it: one attribute per bucket. */
const stored = {
  pk: 'HIST#week:2026-W47#3',
  sk: 'HISTOGRAM',
  kind: 'scoreHistogram',
  boardId: 'week:2026-W47',
  shard: 3,
  b0: 2,
  b12: 5,
  b40: 1,
};

describe('score histogram codec', () => {
  it('writes one attribute per bucket under the board and shard key, and reads it back', () => {
    expect(scoreHistogramKey('week:2026-W47', 3)).toEqual({ pk: 'HIST#week:2026-W47#3', sk: 'HISTOGRAM' });
    expect(encodeScoreHistogram(histogram)).toEqual(stored);
    expect(decodeScoreHistogram(stored)).toEqual(histogram);
  });

  it('moves a user between buckets with additions only', () => {
    expect(scoreHistogramMove({ boardId: 'global', shard: 1, from: 12, to: 13 })).toEqual({
      expression: 'SET #kind = :kind, #boardId = :boardId, #shard = :shard ADD #from :left, #to :entered',
      names: { '#kind': 'kind', '#boardId': 'boardId', '#shard': 'shard', '#from': 'b12', '#to': 'b13' },
      values: { ':kind': 'scoreHistogram', ':boardId': 'global', ':shard': 1, ':left': -1, ':entered': 1 },
    });
    const entering = scoreHistogramMove({ boardId: 'global', shard: 1, from: null, to: 4 });
    expect(entering.expression).toBe(
      'SET #kind = :kind, #boardId = :boardId, #shard = :shard ADD #to :entered',
    );
    const leaving = scoreHistogramMove({ boardId: 'global', shard: 1, from: 4, to: null });
    expect(leaving.expression).toBe(
      'SET #kind = :kind, #boardId = :boardId, #shard = :shard ADD #from :left',
    );
  });

  it.each<[string, string, unknown]>([
    ['a negative count', 'b12', withAttribute(stored, 'b12', -1)],
    ['a count that is text', 'b12', withAttribute(stored, 'b12', '5')],
    ['no shard', 'shard', without(stored, 'shard')],
    ['a shard other than its key', 'pk', withAttribute(stored, 'shard', 4)],
    ['no bucket at all', 'holds no bucket', without(without(without(stored, 'b0'), 'b12'), 'b40')],
    ['another kind', 'kind', withAttribute(stored, 'kind', 'total')],
  ])('refuses a histogram with %s, naming %s', (_, named, item) => {
    expect(() => decodeScoreHistogram(item)).toThrow(MalformedItemError);
    expect(() => decodeScoreHistogram(item)).toThrow(named);
  });
});
