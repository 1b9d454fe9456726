/**
 * What every helper of `@aws-appsync/utils/dynamodb` does with its plain input: checks it is an
 * object or a list, copies the optional fields that are set, and renders conditions, filters and
 * projections as request-object expressions.
 */
import { buildDynamoDBExpression, type DynamoDBExpressionJson } from '../util/dynamodb-expression.ts';

export type Json = Record<string, unknown>;

export class DynamoDBHelperInputError extends TypeError {
  override readonly name = 'DynamoDBHelperInputError';
}

export const isPlainObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function requireObject(value: unknown, what: string): Json {
  if (!isPlainObject(value)) throw new DynamoDBHelperInputError(`${what} must be an object`);
  return value;
}

/** Copies the optional fields that are set; request objects carry no `undefined` or `null` entries. */
export function withOptional(target: Json, source: Json, fields: readonly string[]): Json {
  for (const field of fields) {
    const value = source[field];
    if (value !== undefined && value !== null) target[field] = value;
  }
  return target;
}

export function dropUndefined(target: Json): Json {
  for (const key of Object.keys(target)) if (target[key] === undefined) delete target[key];
  return target;
}

export function list(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new DynamoDBHelperInputError(`${what} must be a list`);
  return value;
}

function expressionOf(value: unknown, what: string): DynamoDBExpressionJson | undefined {
  if (value === undefined || value === null) return undefined;
  const expression = buildDynamoDBExpression(value);
  if (!expression) throw new DynamoDBHelperInputError(`${what} cannot be rendered as a DynamoDB expression`);
  return expression;
}

export const condition = (value: unknown): DynamoDBExpressionJson | undefined =>
  expressionOf(value, 'condition');

export function filter(value: unknown): DynamoDBExpressionJson | undefined {
  const expression = expressionOf(value, 'filter');
  return expression?.expression === '' ? undefined : expression;
}

/** `['id', 'author.name', 'tags[1]']` to `{ expression: '#proj_0, #proj_1.#proj_2, #proj_3[1]', ... }`. */
export function projection(
  paths: unknown,
): { expression: string; expressionNames: Record<string, string> } | undefined {
  if (paths === undefined || paths === null) return undefined;
  if (!Array.isArray(paths))
    throw new DynamoDBHelperInputError('projection must be a list of attribute paths');
  const names: Record<string, string> = {};
  const byName = new Map<string, string>();
  const placeholder = (segment: string): string => {
    let name = byName.get(segment);
    if (!name) {
      name = `#proj_${byName.size}`;
      byName.set(segment, name);
      names[name] = segment;
    }
    return name;
  };
  const expressions = paths.map((path) =>
    String(path)
      .split('.')
      .map((segment) => {
        const indexAt = segment.indexOf('[');
        return indexAt < 0
          ? placeholder(segment)
          : placeholder(segment.slice(0, indexAt)) + segment.slice(indexAt);
      })
      .join('.'),
  );
  return { expression: expressions.join(', '), expressionNames: names };
}
