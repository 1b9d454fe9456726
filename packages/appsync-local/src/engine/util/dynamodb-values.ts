/**
 * `util.dynamodb.*`: plain values to the typed attribute values of AppSync request objects.
 * As on AppSync, numbers stay JSON numbers (`{ N: 12 }`) and lists are lists, never sets.
 */

export type AttributeValueJson = Record<string, unknown>;

export function toDynamoDB(value: unknown): AttributeValueJson {
  if (value === null || value === undefined) return { NULL: null };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: value };
  if (typeof value === 'boolean') return { BOOL: value };
  if (Array.isArray(value)) return { L: value.map(toDynamoDB) };
  if (typeof value === 'object') return { M: toMapValues(value) };
  throw new TypeError(`cannot convert ${typeof value} to a DynamoDB attribute value`);
}

export function toMapValues(value: unknown): Record<string, AttributeValueJson> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError('util.dynamodb.toMapValues expects an object');
  }
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, toDynamoDB(entry)]));
}

const orNull =
  <T>(convert: (value: T) => AttributeValueJson) =>
  (value: T | null | undefined): AttributeValueJson | null =>
    value === null || value === undefined ? null : convert(value);

export const toStringValue = orNull((value: unknown) => ({ S: String(value) }));
export const toStringSet = orNull((values: unknown[]) => ({ SS: values.map(String) }));
export const toNumber = orNull((value: unknown) => ({ N: value }));
export const toNumberSet = orNull((values: unknown[]) => ({ NS: [...values] }));
export const toBinary = orNull((value: unknown) => ({ B: value }));
export const toBinarySet = orNull((values: unknown[]) => ({ BS: [...values] }));
export const toBoolean = orNull((value: unknown) => ({ BOOL: Boolean(value) }));
export const toNull = (): AttributeValueJson => ({ NULL: null });
export const toList = orNull((values: unknown[]) => ({ L: values.map(toDynamoDB) }));
export const toMap = orNull((value: unknown) => ({ M: toMapValues(value) }));

export function toS3Object(
  key: unknown,
  bucket: unknown,
  region: unknown,
  version?: unknown,
): AttributeValueJson {
  const s3: Record<string, unknown> = { key, bucket, region };
  if (version !== undefined && version !== null) s3.version = version;
  return { S: JSON.stringify({ s3 }) };
}

/** Reads the `{ "s3": {...} }` JSON that `toS3Object` writes, giving `{ key, bucket, region, version? }`. */
export function fromS3ObjectJson(json: unknown): unknown {
  const parsed = JSON.parse(String(json)) as { s3?: unknown };
  return parsed.s3 ?? null;
}
