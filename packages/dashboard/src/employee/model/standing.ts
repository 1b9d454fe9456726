/** The caller's place on a board as the page shows it: the rank, and the people just around them. */

export interface StandingEntryInput {
  readonly rank: number;
  readonly userId: string;
  readonly displayName?: string | null;
  readonly score: number;
}

export interface StandingInput {
  readonly userId: string;
  readonly score: number;
  readonly rank?: number | null;
  /** An admin left the caller out of this board's ranking. */
  readonly disqualified?: boolean | null;
  /** False when the rank is an estimate. */
  readonly exact?: boolean | null;
  readonly rankedUsers?: number | null;
  readonly above?: readonly StandingEntryInput[] | null;
  readonly below?: readonly StandingEntryInput[] | null;
}

export interface NeighbourRow {
  readonly rank: number;
  readonly userId: string;
  readonly name: string;
  readonly score: number;
  readonly own: boolean;
}

export interface StandingSummary {
  /** "#3", "about #340", or "–" without points. */
  readonly rank: string;
  /** "of 120 people", "No points on this board yet", "" when the API did not count the board. */
  readonly context: string;
  readonly score: string;
  /** Whether the rank is an estimate (the page says so). */
  readonly estimate: boolean;
  /** Above the caller, the caller, below: in rank order. */
  readonly rows: readonly NeighbourRow[];
}

const pointsText = (score: number): string =>
  `${score.toLocaleString('en')} ${score === 1 ? 'point' : 'points'}`;

function rowOf(entry: StandingEntryInput, ownUserId: string): NeighbourRow {
  return {
    rank: entry.rank,
    userId: entry.userId,
    name: entry.displayName || entry.userId,
    score: entry.score,
    own: entry.userId === ownUserId,
  };
}

/** `ownName`: the caller's display name, from their token (the standing does not repeat it). */
export function standingSummary(standing: StandingInput | null, ownName: string): StandingSummary {
  if (standing?.disqualified) {
    const context = 'Not ranked on this board: an admin has left you out of it';
    return { rank: '–', context, score: pointsText(standing.score), estimate: false, rows: [] };
  }
  if (!standing || standing.rank === null || standing.rank === undefined) {
    return {
      rank: '–',
      context: 'No points on this board yet',
      score: pointsText(0),
      estimate: false,
      rows: [],
    };
  }
  const estimate = standing.exact === false;
  const { rank, userId, score } = standing;
  const own: NeighbourRow = { rank, userId, name: ownName, score, own: true };
  return {
    rank: `${estimate ? 'about ' : ''}#${rank.toLocaleString('en')}`,
    context: standing.rankedUsers ? `of ${standing.rankedUsers.toLocaleString('en')} people` : '',
    score: pointsText(score),
    estimate,
    rows: [
      ...(standing.above ?? []).map((entry) => rowOf(entry, userId)),
      own,
      ...(standing.below ?? []).map((entry) => rowOf(entry, userId)),
    ],
  };
}
