/**
 * Programs (Scores table, partition `PROGRAMS`): one item per program (`PROGRAM#<id>`), written
 * by admins through `createProgram` / `updateProgram`, read by `recordActivity`, the worker and
 * the program queries; and the count of programs (`COUNT`), moved in the same transaction as
 * each creation so the partition stays small enough for `programs` to read in one Query page.
 * Bundled into APPSYNC_JS resolvers.
 */
import { itemKinds, keySeparator, type ScoresKey } from '../keys.ts';
import {
  expectKey,
  finishReading,
  kindAttribute,
  listAttribute,
  nonEmptyText,
  noteProblem,
  setEveryAttribute,
  optionalWholeNumber,
  scoresKeyAttributes,
  startReading,
  textAttribute,
  timestampAttribute,
  wholeNumber,
  type Decoded,
  type ItemAttributes,
  type ItemExpression,
  type ItemReader,
} from './item.ts';

export const programAttributes = {
  ...scoresKeyAttributes,
  kind: kindAttribute,
  id: 'id',
  name: 'name',
  description: 'description',
  startsAt: 'startsAt',
  endsAt: 'endsAt',
  activityTypes: 'activityTypes',
  pointsGoal: 'pointsGoal',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
  updatedBy: 'updatedBy',
} as const;

export const programCountAttributes = {
  ...scoresKeyAttributes,
  kind: kindAttribute,
  count: 'count',
} as const;

export interface StoredProgram {
  readonly id: string;
  readonly name: string;
  /** Possibly empty. */
  readonly description: string;
  /** ISO 8601 UTC, 24 characters: activities count from this instant ... */
  readonly startsAt: string;
  /** ... until this one, excluded. */
  readonly endsAt: string;
  /** The activity types that count for the program (catalog types). */
  readonly activityTypes: string[];
  /** Points a participant aims for; null when the program sets none. */
  readonly pointsGoal: number | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The admin (user id) who last created or edited it. */
  readonly updatedBy: string;
}

/** Every program lives in this partition: admins create few, and `programs` reads them in one Query. */
export const programsPartition = 'PROGRAMS';
const programPrefix = `PROGRAM${keySeparator}`;

export const programKey = (programId: string): ScoresKey => ({
  pk: programsPartition,
  sk: `${programPrefix}${programId}`,
});

/** The sort key prefix shared by every program item (and not by the count). */
export const programSortKeyPrefix = programPrefix;

export const programCountKey: ScoresKey = { pk: programsPartition, sk: 'COUNT' };

export function encodeProgram(program: StoredProgram): ItemAttributes {
  const names = programAttributes;
  const key = programKey(program.id);
  const item: ItemAttributes = {
    [names.pk]: key.pk,
    [names.sk]: key.sk,
    [names.kind]: itemKinds.program,
    [names.id]: program.id,
    [names.name]: program.name,
    [names.description]: program.description,
    [names.startsAt]: program.startsAt,
    [names.endsAt]: program.endsAt,
    [names.activityTypes]: program.activityTypes,
    [names.createdAt]: program.createdAt,
    [names.updatedAt]: program.updatedAt,
    [names.updatedBy]: program.updatedBy,
  };
  if (program.pointsGoal !== null) item[names.pointsGoal] = program.pointsGoal;
  return item;
}

function activityTypesOf(reader: ItemReader): string[] {
  const types: string[] = [];
  for (const type of listAttribute(reader, programAttributes.activityTypes)) {
    if (typeof type === 'string' && type.length > 0) types.push(type);
    else noteProblem(reader, `${programAttributes.activityTypes} holds something other than a type name`);
  }
  if (types.length === 0) noteProblem(reader, `${programAttributes.activityTypes} is empty`);
  return types;
}

export function parseProgram(item: unknown): Decoded<StoredProgram> {
  const names = programAttributes;
  const reader = startReading(item, 'program item', itemKinds.program);
  const id = nonEmptyText(reader, names.id);
  expectKey(reader, programKey(id));
  return finishReading(reader, {
    id,
    name: nonEmptyText(reader, names.name),
    description: textAttribute(reader, names.description),
    startsAt: timestampAttribute(reader, names.startsAt),
    endsAt: timestampAttribute(reader, names.endsAt),
    activityTypes: activityTypesOf(reader),
    pointsGoal: optionalWholeNumber(reader, names.pointsGoal, 1),
    createdAt: timestampAttribute(reader, names.createdAt),
    updatedAt: timestampAttribute(reader, names.updatedAt),
    updatedBy: nonEmptyText(reader, names.updatedBy),
  });
}

export function encodeProgramCount(count: number): ItemAttributes {
  const names = programCountAttributes;
  return {
    [names.pk]: programCountKey.pk,
    [names.sk]: programCountKey.sk,
    [names.kind]: itemKinds.programCount,
    [names.count]: count,
  };
}

export function parseProgramCount(item: unknown): Decoded<number> {
  const reader = startReading(item, 'program count item', itemKinds.programCount);
  expectKey(reader, programCountKey);
  return finishReading(reader, wholeNumber(reader, programCountAttributes.count, 0));
}

/** Counts one more program, on condition there are fewer than `limit` so far. */
export function programCountIncrement(limit: number): {
  readonly update: ItemExpression;
  readonly condition: ItemExpression;
} {
  const names = programCountAttributes;
  return {
    update: {
      expression: 'ADD #count :one SET #kind = :kind',
      names: { '#count': names.count, '#kind': names.kind },
      values: { ':one': 1, ':kind': itemKinds.programCount },
    },
    condition: {
      expression: 'attribute_not_exists(#count) OR #count < :limit',
      names: { '#count': names.count },
      values: { ':limit': limit },
    },
  };
}

/**
 * An edit: every attribute of `program` but its key and `createdAt` (kept from the creation), and
 * the goal removed when the edit sets none.
 */
export function programReplacement(program: StoredProgram): ItemExpression {
  const names = programAttributes;
  const set = setEveryAttribute(encodeProgram(program), [names.pk, names.sk, names.createdAt]);
  if (program.pointsGoal !== null) return set;
  return {
    expression: `${set.expression} REMOVE #pointsGoal`,
    names: { ...set.names, '#pointsGoal': names.pointsGoal },
    values: set.values,
  };
}
