/**
 * Where an erasure has got to, carried from one `eraseUser` call to the next in its `nextToken`
 * (base64url JSON): only admins hold it, and each call checks it names the user it is asked about.
 */
import { isUtcTimestamp } from '@leaderboard/core/items/timestamp';
import { ErasureTokenError } from './errors.ts';

export type ErasurePhase = 'log' | 'aggregates' | 'snapshots' | 'items' | 'verify';

export interface ErasureState {
  readonly erasureId: string;
  readonly userId: string;
  /** Activities recorded before this are erased; later ones are the user's fresh start. */
  readonly startedAt: string;
  /** The erasure's audit entry, completed at the end. */
  readonly auditAt: string;
  readonly phase: ErasurePhase;
  /** The history index's `LastEvaluatedKey` within the `log` phase. */
  readonly cursor: Record<string, unknown> | null;
  /** The boards the user's totals were on, whose snapshots the `snapshots` phase goes through. */
  readonly boards: readonly string[];
  /** Items deleted so far, over every call. */
  readonly itemsDeleted: number;
  readonly boardsChanged: number;
}

const phases: readonly ErasurePhase[] = ['log', 'aggregates', 'snapshots', 'items', 'verify'];

export const encodeErasureToken = (state: ErasureState): string =>
  Buffer.from(JSON.stringify(state)).toString('base64url');

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

export function decodeErasureToken(token: string, userId: string): ErasureState {
  let state: Partial<ErasureState>;
  try {
    state = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<ErasureState>;
  } catch {
    throw new ErasureTokenError('nextToken is not one eraseUser returned.');
  }
  const wellFormed =
    typeof state === 'object' &&
    state !== null &&
    typeof state.erasureId === 'string' &&
    typeof state.startedAt === 'string' &&
    isUtcTimestamp(state.startedAt) &&
    typeof state.auditAt === 'string' &&
    isUtcTimestamp(state.auditAt) &&
    phases.includes(state.phase as ErasurePhase) &&
    (state.cursor === null || (typeof state.cursor === 'object' && !Array.isArray(state.cursor))) &&
    Array.isArray(state.boards) &&
    state.boards.every((boardId) => typeof boardId === 'string') &&
    isCount(state.itemsDeleted) &&
    isCount(state.boardsChanged);
  if (!wellFormed) throw new ErasureTokenError('nextToken is not one eraseUser returned.');
  if (state.userId !== userId)
    throw new ErasureTokenError('nextToken belongs to the erasure of another user.');
  return state as ErasureState;
}
