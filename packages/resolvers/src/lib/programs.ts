/** Programs as the API shows them, and the reads several fields share. */
import { util, type DynamoDBGetItemRequest, type DynamoDBQueryRequest } from '@aws-appsync/utils';
import { maxProgramIdLength, programBoardId } from '@leaderboard/core/boards';
import { serviceConfig } from '@leaderboard/core/config';
import { errorTypes } from '@leaderboard/core/errors';
import type { Program, ProgramInput, ProgramProgress } from '@leaderboard/core/generated/schema';
import { isIdentifier } from '@leaderboard/core/identifiers';
import {
  parseProgram,
  programAttributes,
  programKey,
  programSortKeyPrefix,
  programsPartition,
  type StoredProgram,
} from '@leaderboard/core/items/program';
import type { StoredProgress } from '@leaderboard/core/items/progress';
import { programStatus, progressView, validateProgramInput } from '@leaderboard/core/programs';
import { decodedOrInternalFailure, endWith } from './errors.ts';
import { keyValues } from './keys.ts';

export const readProgram = (item: unknown): StoredProgram => decodedOrInternalFailure(parseProgram(item));

/** A program id from a client; one that cannot be a program id ends the field with a ValidationError. */
export function requireProgramId(programId: string, field: string): string {
  if (isIdentifier(programId, maxProgramIdLength)) return programId;
  return util.error(
    `${field} must be 1 to ${maxProgramIdLength} letters, digits, '-' or '_'.`,
    errorTypes.validation,
    null,
    { field },
  );
}

/**
 * The program an admin's input describes, as stored: dates in canonical UTC, created and updated
 * now by `adminId`. Invalid input ends the field with a ValidationError naming the field.
 */
export function requireProgramInput(input: ProgramInput, adminId: string): StoredProgram {
  const dates = {
    startsAtMs: util.time.parseISO8601ToEpochMilliSeconds(input.startsAt),
    endsAtMs: util.time.parseISO8601ToEpochMilliSeconds(input.endsAt),
  };
  const outcome = validateProgramInput(input, dates, serviceConfig);
  if (!outcome.ok) return endWith(outcome.error);
  const valid = outcome.value;
  const now = util.time.nowISO8601();
  return {
    id: valid.id,
    name: valid.name,
    description: valid.description,
    startsAt: util.time.epochMilliSecondsToISO8601(valid.startsAtMs),
    endsAt: util.time.epochMilliSecondsToISO8601(valid.endsAtMs),
    activityTypes: valid.activityTypes,
    pointsGoal: valid.pointsGoal,
    createdAt: now,
    updatedAt: now,
    updatedBy: adminId,
  };
}

/** Consistent: a program an admin just created or edited is what the caller gets. */
export function getProgramRequest(programId: string): DynamoDBGetItemRequest {
  return { operation: 'GetItem', key: keyValues(programKey(programId)), consistentRead: true };
}

/** Every program, in id order: one page, as `serviceConfig.maxPrograms` keeps the partition small. */
export function listProgramsRequest(): DynamoDBQueryRequest {
  return {
    operation: 'Query',
    query: {
      expression: '#pk = :pk AND begins_with(#sk, :prefix)',
      expressionNames: { '#pk': programAttributes.pk, '#sk': programAttributes.sk },
      expressionValues: util.dynamodb.toMapValues({
        ':pk': programsPartition,
        ':prefix': programSortKeyPrefix,
      }),
    },
  };
}

export function toProgram(program: StoredProgram, nowMs: number): Program {
  return {
    id: program.id,
    name: program.name,
    description: program.description,
    startsAt: program.startsAt,
    endsAt: program.endsAt,
    activityTypes: program.activityTypes,
    pointsGoal: program.pointsGoal,
    status: programStatus(program, nowMs),
    boardId: programBoardId(program.id),
  };
}

export function toProgramProgress(
  program: StoredProgram,
  progress: StoredProgress | null,
  nowMs: number,
): ProgramProgress {
  const view = progressView(progress, program.pointsGoal);
  return {
    program: toProgram(program, nowMs),
    points: view.points,
    activities: view.activities,
    goal: view.goal,
    percent: view.percent,
    completedAt: view.completedAt,
  };
}
