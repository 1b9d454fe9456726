/**
 * What every stored item shares, and the checks its codec reads it with.
 *
 * Hand-written rather than a schema library because resolvers bundle the codecs into
 * APPSYNC_JS, which runs no classes, `throw`, regex or function arguments. So reading
 * reports a malformed item as a value (`Decoded`); `decode.ts` turns that into
 * `MalformedItemError` for the Lambdas, and resolvers end with an InternalFailure.
 */
import type { ItemKind } from '../keys.ts';
import { activitiesTable, scoresTable } from '../tables.ts';
import { isUtcTimestamp } from './timestamp.ts';

/** One item's attributes as the document client and AppSync hand them over (plain values). */
export type ItemAttributes = Record<string, unknown>;

/** Names of the attributes every item of a table has. */
export const kindAttribute = 'kind';
export const activitiesKeyAttributes = { pk: activitiesTable.primaryIndex.hashKey } as const;
export const scoresKeyAttributes = {
  pk: scoresTable.primaryIndex.hashKey,
  sk: scoresTable.primaryIndex.rangeKey,
} as const;

export type Decoded<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

/** An item being read: the first problem found is kept, reading goes on with placeholder values. */
export interface ItemReader {
  readonly attributes: ItemAttributes;
  /** Names the item in problems, e.g. `total item`. */
  readonly subject: string;
  problem: string | null;
}

/** Largest whole number a JavaScript number holds exactly (`Number.MAX_SAFE_INTEGER`). */
const maxWholeNumber = 9_007_199_254_740_991;

const isAttributeMap = (value: unknown): value is ItemAttributes =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function noteProblem(reader: ItemReader, problem: string): void {
  if (reader.problem === null) reader.problem = `${reader.subject}: ${problem}`;
}

/** Starts reading `item`; with a `kind`, an item of another kind is refused. */
export function startReading(item: unknown, subject: string, kind: ItemKind | null): ItemReader {
  const reader: ItemReader = { attributes: isAttributeMap(item) ? item : {}, subject, problem: null };
  if (!isAttributeMap(item)) noteProblem(reader, 'not an attribute map');
  else if (kind !== null && item[kindAttribute] !== kind)
    noteProblem(reader, `${kindAttribute} is not ${kind}`);
  return reader;
}

export function finishReading<T>(reader: ItemReader, value: T): Decoded<T> {
  return reader.problem === null ? { ok: true, value } : { ok: false, problem: reader.problem };
}

/** A string, possibly empty. */
export function textAttribute(reader: ItemReader, name: string): string {
  const value = reader.attributes[name];
  if (typeof value === 'string') return value;
  noteProblem(reader, `${name} is not a string`);
  return '';
}

export function nonEmptyText(reader: ItemReader, name: string): string {
  const value = reader.attributes[name];
  if (typeof value === 'string' && value.length > 0) return value;
  noteProblem(reader, `${name} is not a non-empty string`);
  return '';
}

/** Absent or null reads as null; anything else must be a non-empty string. */
export function optionalText(reader: ItemReader, name: string): string | null {
  const value = reader.attributes[name];
  return value === undefined || value === null ? null : nonEmptyText(reader, name);
}

export function wholeNumber(reader: ItemReader, name: string, minimum: number): number {
  const value = reader.attributes[name];
  if (
    typeof value === 'number' &&
    Math.floor(value) === value &&
    value >= minimum &&
    value <= maxWholeNumber
  ) {
    return value;
  }
  noteProblem(reader, `${name} is not a whole number of at least ${minimum}`);
  return minimum;
}

/** Absent or null reads as null. */
export function optionalWholeNumber(reader: ItemReader, name: string, minimum: number): number | null {
  const value = reader.attributes[name];
  return value === undefined || value === null ? null : wholeNumber(reader, name, minimum);
}

export function nonNegativeNumber(reader: ItemReader, name: string): number {
  const value = reader.attributes[name];
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  noteProblem(reader, `${name} is not a number of at least 0`);
  return 0;
}

/** An ISO 8601 UTC timestamp (see `timestamp.ts`). */
export function timestampAttribute(reader: ItemReader, name: string): string {
  const value = nonEmptyText(reader, name);
  if (value.length > 0 && !isUtcTimestamp(value))
    noteProblem(reader, `${name} is not an ISO 8601 UTC timestamp`);
  return value;
}

export function optionalTimestamp(reader: ItemReader, name: string): string | null {
  const value = reader.attributes[name];
  return value === undefined || value === null ? null : timestampAttribute(reader, name);
}

export function listAttribute(reader: ItemReader, name: string): unknown[] {
  const value = reader.attributes[name];
  if (Array.isArray(value)) return value as unknown[];
  noteProblem(reader, `${name} is not a list`);
  return [];
}

/** Key attributes must be the ones the item's other attributes build: a moved or hand-edited item is refused. */
export function expectKey(reader: ItemReader, expected: Readonly<Record<string, string>>): void {
  for (const name of Object.keys(expected)) {
    if (reader.attributes[name] !== expected[name])
      noteProblem(reader, `${name} does not match the item's key`);
  }
}

/** Every attribute of `item` but its key, for a DynamoDB request that takes the key apart. */
export function attributesBesidesKey(item: ItemAttributes, keyNames: readonly string[]): ItemAttributes {
  const attributes: ItemAttributes = {};
  for (const name of Object.keys(item)) {
    if (keyNames.indexOf(name) < 0) attributes[name] = item[name];
  }
  return attributes;
}

/** An update or condition expression, in parts both document client and AppSync requests take. */
export interface ItemExpression {
  readonly expression: string;
  /** `#placeholder` -> attribute name. */
  readonly names: Record<string, string>;
  /** `:placeholder` -> plain value. */
  readonly values: Record<string, unknown>;
}

/** `SET` of every attribute of `item` but its key: the item ends up as encoded, other attributes kept. */
export function setEveryAttribute(item: ItemAttributes, keyNames: readonly string[]): ItemExpression {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const assignments: string[] = [];
  const attributes = attributesBesidesKey(item, keyNames);
  Object.keys(attributes).forEach((name, index) => {
    names[`#set${index}`] = name;
    values[`:set${index}`] = attributes[name];
    assignments.push(`#set${index} = :set${index}`);
  });
  return { expression: `SET ${assignments.join(', ')}`, names, values };
}
