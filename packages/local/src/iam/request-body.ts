/**
 * Reading an AWS call for its IAM checks (`AuthorizationCheck`, from the evaluator): the JSON
 * body, the fields that name its resources, and the region and account its ARNs are built in.
 */
import { SerializationError, ValidationError } from './errors.ts';

/** The region and account every ARN is built in: the gateway's, whatever the emulator reports. */
export interface ArnScope {
  readonly region: string;
  readonly accountId: string;
}

/** A JSON protocol request body. */
export type RequestBody = Readonly<Record<string, unknown>>;

export function parseRequestBody(raw: Buffer): RequestBody {
  let parsed: unknown;
  try {
    parsed = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
  } catch {
    throw new SerializationError('The request body is not valid JSON.');
  }
  if (!isRecord(parsed)) throw new SerializationError('The request body must be a JSON object.');
  return parsed;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The non-empty string field that names the request's resource, or the validation error AWS gives without it. */
export function requiredString(body: RequestBody, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '') {
    throw new ValidationError(
      `1 validation error detected: Value null at '${lowerFirst(field)}' failed to satisfy constraint: Member must not be null`,
    );
  }
  return value;
}

export function optionalString(body: RequestBody, field: string): string | undefined {
  const value = body[field];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);
