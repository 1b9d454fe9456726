/**
 * The codecs' readers for Lambdas: each returns the item's domain value or throws
 * `MalformedItemError` naming what is wrong. Resolvers never import this file (APPSYNC_JS has
 * no `throw`); they read with the `parse*` functions and end the field themselves.
 */
import { MalformedItemError } from '../errors.ts';
import { parseActivity, type StoredActivity } from './activity.ts';
import { parseAuditRecord, type AuditRecord } from './audit-record.ts';
import { parseBoardChange, type BoardChange } from './board-change.ts';
import { parseCallerContext, type Caller } from './caller-context.ts';
import { parseDailyPoints, parseRateCounter, type DailyPoints, type RateCounter } from './counters.ts';
import { parseDisqualification, type Disqualification } from './disqualification.ts';
import type { Decoded } from './item.ts';
import { parseProgram, type StoredProgram } from './program.ts';
import { parseProgress, type StoredProgress } from './progress.ts';
import { parseRebuildCursor, type RebuildCursor } from './rebuild-cursor.ts';
import { parseReplayRun, type ReplayRun } from './replay-run.ts';
import { parseReversal, type StoredReversal } from './reversal.ts';
import { parseScoreHistogram, type ScoreHistogram } from './score-histogram.ts';
import { parseTeamAssignment, type TeamAssignment } from './team-assignment.ts';
import { parseTeamCounter, type TeamCounter } from './team-counter.ts';
import { parseTeamSnapshot, type TeamBoardSnapshot } from './team-snapshot.ts';
import { parseSnapshot, type BoardSnapshot } from './snapshot.ts';
import { parseTotal, type StoredTotal } from './total.ts';

export function decodedValue<T>(decoded: Decoded<T>): T {
  if (!decoded.ok) throw new MalformedItemError(decoded.problem);
  return decoded.value;
}

export const decodeActivity = (item: unknown): StoredActivity => decodedValue(parseActivity(item));
export const decodeRateCounter = (item: unknown): RateCounter => decodedValue(parseRateCounter(item));
export const decodeDailyPoints = (item: unknown): DailyPoints => decodedValue(parseDailyPoints(item));
export const decodeTotal = (item: unknown): StoredTotal => decodedValue(parseTotal(item));
export const decodeProgress = (item: unknown): StoredProgress => decodedValue(parseProgress(item));
export const decodeProgram = (item: unknown): StoredProgram => decodedValue(parseProgram(item));
export const decodeSnapshot = (item: unknown): BoardSnapshot => decodedValue(parseSnapshot(item));
export const decodeBoardChange = (item: unknown): BoardChange => decodedValue(parseBoardChange(item));
export const decodeRebuildCursor = (item: unknown): RebuildCursor => decodedValue(parseRebuildCursor(item));
export const decodeScoreHistogram = (item: unknown): ScoreHistogram =>
  decodedValue(parseScoreHistogram(item));
export const decodeTeamCounter = (item: unknown): TeamCounter => decodedValue(parseTeamCounter(item));
export const decodeTeamSnapshot = (item: unknown): TeamBoardSnapshot => decodedValue(parseTeamSnapshot(item));
export const decodeTeamAssignment = (item: unknown): TeamAssignment =>
  decodedValue(parseTeamAssignment(item));
export const decodeCallerContext = (context: unknown): Caller => decodedValue(parseCallerContext(context));
export const decodeReversal = (item: unknown): StoredReversal => decodedValue(parseReversal(item));
export const decodeDisqualification = (item: unknown): Disqualification =>
  decodedValue(parseDisqualification(item));
export const decodeAuditRecord = (item: unknown): AuditRecord => decodedValue(parseAuditRecord(item));
export const decodeReplayRun = (item: unknown): ReplayRun => decodedValue(parseReplayRun(item));
