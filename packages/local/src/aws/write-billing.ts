/**
 * What DynamoDB bills for one item written, from the item's images before and after the write,
 * by the rules of the on-demand pricing and the developer guide:
 *
 * - a write costs one write request unit per started 1 KB of the larger of the two images
 *   ("Item sizes and formats"; "Capacity unit consumption for writes");
 * - each global secondary index the item is in before or after costs what its entry costs: a put
 *   when the item enters it, a delete when it leaves, a delete and a put when the index's key
 *   changes, an update when only projected attributes change, nothing when nothing it projects
 *   changed ("Provisioned throughput considerations for global secondary indexes").
 *
 * Written here because DynamoDB Local's `ConsumedCapacity` for a TransactWriteItems does not follow
 * them (one put reports 2 units, two puts report 2), and no library prices writes from images.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

export type Image = Record<string, AttributeValue>;

/** A global secondary index as DescribeTable gives it. */
export interface IndexShape {
  readonly name: string;
  /** Hash key, then range key if any. */
  readonly keys: readonly string[];
  readonly projection: 'ALL' | 'KEYS_ONLY' | 'INCLUDE';
  /** INCLUDE's attributes. */
  readonly nonKeyAttributes: readonly string[];
}

/** One item a write touched, with what it held before and after (null where it did not exist). */
export interface WrittenItem {
  readonly table: string;
  readonly tableKeys: readonly string[];
  readonly indexes: readonly IndexShape[];
  readonly before: Image | null;
  readonly after: Image | null;
}

export interface WriteUnits {
  readonly table: number;
  /** Per index name. */
  readonly indexes: Readonly<Record<string, number>>;
}

const kilobyte = 1024;

export function billedWriteUnits(item: WrittenItem): WriteUnits {
  const indexes: Record<string, number> = {};
  for (const index of item.indexes) {
    const units = indexWriteUnits(index, item);
    if (units > 0) indexes[index.name] = units;
  }
  const larger = Math.max(imageSize(item.before), imageSize(item.after));
  return { table: Math.max(1, Math.ceil(larger / kilobyte)), indexes };
}

function indexWriteUnits(index: IndexShape, item: WrittenItem): number {
  const before = projected(index, item, item.before);
  const after = projected(index, item, item.after);
  const units = (entry: Image) => Math.max(1, Math.ceil(imageSize(entry) / kilobyte));
  if (!before && !after) return 0;
  if (!before) return units(after!);
  if (!after) return units(before);
  const keyChanged = index.keys.some((key) => !sameValue(before[key], after[key]));
  if (keyChanged) return units(before) + units(after);
  return sameImage(before, after) ? 0 : Math.max(units(before), units(after));
}

/** The index entry of an image: none when the image lacks one of the index's keys (a sparse index). */
function projected(index: IndexShape, item: WrittenItem, image: Image | null): Image | null {
  if (!image || index.keys.some((key) => image[key] === undefined)) return null;
  if (index.projection === 'ALL') return image;
  const kept = new Set([
    ...item.tableKeys,
    ...index.keys,
    ...(index.projection === 'INCLUDE' ? index.nonKeyAttributes : []),
  ]);
  return Object.fromEntries(Object.entries(image).filter(([name]) => kept.has(name)));
}

/** An item's size as DynamoDB counts it: each attribute's name and value. */
export function imageSize(image: Image | null): number {
  if (!image) return 0;
  return Object.entries(image).reduce((sum, [name, value]) => sum + utf8Length(name) + valueSize(value), 0);
}

function valueSize(value: AttributeValue): number {
  if (value.S !== undefined) return utf8Length(value.S);
  if (value.N !== undefined) return numberSize(value.N);
  if (value.B !== undefined) return value.B.length;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS) return value.SS.reduce((sum, entry) => sum + utf8Length(entry), 0);
  if (value.NS) return value.NS.reduce((sum, entry) => sum + numberSize(entry), 0);
  if (value.BS) return value.BS.reduce((sum, entry) => sum + entry.length, 0);
  // A list or map: 3 bytes, and 1 more per element, besides the elements.
  if (value.L) return 3 + value.L.reduce((sum, entry) => sum + 1 + valueSize(entry), 0);
  if (value.M)
    return (
      3 +
      Object.entries(value.M).reduce((sum, [name, entry]) => sum + 1 + utf8Length(name) + valueSize(entry), 0)
    );
  return 0;
}

/** Numbers take about one byte per two significant digits, plus one. */
function numberSize(text: string): number {
  const digits = text.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(Math.max(1, digits.length) / 2) + 1;
}

const utf8Length = (text: string): number => Buffer.byteLength(text, 'utf8');

function sameValue(a: AttributeValue | undefined, b: AttributeValue | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameImage(a: Image, b: Image): boolean {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].every((name) => sameValue(a[name], b[name]));
}
