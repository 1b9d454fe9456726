/**
 * Conversions between AppSync's JSON attribute values (`{ N: 12 }`, `{ B: "<base64>" }`), the
 * SDK's (`{ N: "12" }`, `{ B: Uint8Array }`) and the plain values resolvers get back (numbers,
 * lists for sets, base64 for binary). Written here because `@aws-sdk/util-dynamodb` unmarshalls
 * sets to `Set` and binary to bytes, which is not what AppSync hands resolvers.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { DataSourceRequestError } from '../errors.ts';

type Json = Record<string, unknown>;

const invalid = (why: string): DataSourceRequestError =>
  new DataSourceRequestError(`invalid DynamoDB attribute value: ${why}`, 'MappingTemplate');

const bytes = (value: unknown): Uint8Array => Buffer.from(String(value), 'base64');

export function toSdkAttribute(value: unknown): AttributeValue {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(JSON.stringify(value));
  const [type, content] = Object.entries(value as Json)[0] ?? [];
  switch (type) {
    case 'S':
      return { S: String(content) };
    case 'N':
      return { N: String(content) };
    case 'BOOL':
      return { BOOL: Boolean(content) };
    case 'NULL':
      return { NULL: true };
    case 'B':
      return { B: bytes(content) };
    case 'SS':
      return { SS: (content as unknown[]).map(String) };
    case 'NS':
      return { NS: (content as unknown[]).map(String) };
    case 'BS':
      return { BS: (content as unknown[]).map(bytes) };
    case 'L':
      return { L: (content as unknown[]).map(toSdkAttribute) };
    case 'M':
      return { M: toSdkItem(content) };
    default:
      throw invalid(JSON.stringify(value));
  }
}

export function toSdkItem(value: unknown): Record<string, AttributeValue> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid('expected a map of attribute values');
  return Object.fromEntries(
    Object.entries(value as Json).map(([name, attribute]) => [name, toSdkAttribute(attribute)]),
  );
}

const base64 = (value: Uint8Array): string => Buffer.from(value).toString('base64');

/** An SDK attribute value as the plain JSON value AppSync gives resolvers. */
export function toPlain(value: AttributeValue): unknown {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return Number(value.N);
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.NULL !== undefined) return null;
  if (value.B !== undefined) return base64(value.B);
  if (value.SS !== undefined) return [...value.SS];
  if (value.NS !== undefined) return value.NS.map(Number);
  if (value.BS !== undefined) return value.BS.map(base64);
  if (value.L !== undefined) return value.L.map(toPlain);
  if (value.M !== undefined) return toPlainItem(value.M);
  return null;
}

export function toPlainItem(
  item: Record<string, AttributeValue> | undefined,
): Record<string, unknown> | null {
  if (!item) return null;
  return Object.fromEntries(Object.entries(item).map(([name, value]) => [name, toPlain(value)]));
}

/** An SDK item as AppSync-style typed JSON (numbers as strings), for opaque pagination tokens. */
export function toTypedJson(item: Record<string, AttributeValue>): Json {
  return Object.fromEntries(
    Object.entries(item).map(([name, value]) => [
      name,
      value.B ? { B: base64(value.B) } : value.M ? { M: toTypedJson(value.M) } : value,
    ]),
  );
}
