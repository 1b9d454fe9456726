/** Request-object expressions (`{ expression, expressionNames, expressionValues }`) as SDK parameters. */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { DataSourceRequestError } from '../errors.ts';
import { toSdkAttribute } from './attribute-values.ts';

export interface ExpressionJson {
  readonly expression?: unknown;
  readonly expressionNames?: unknown;
  readonly expressionValues?: unknown;
}

/** Collects names and values from several expressions of one request into the SDK's shared maps. */
export class ExpressionAttributes {
  private readonly names: Record<string, string> = {};
  private readonly values: Record<string, AttributeValue> = {};

  add(expression: unknown, role: string): string | undefined {
    if (expression === undefined || expression === null) return undefined;
    if (typeof expression !== 'object')
      throw new DataSourceRequestError(`${role} must be an object`, 'MappingTemplate');
    const parts = expression as ExpressionJson;
    if (typeof parts.expression !== 'string') {
      throw new DataSourceRequestError(`${role}.expression must be a string`, 'MappingTemplate');
    }
    for (const [name, attribute] of Object.entries(
      (parts.expressionNames ?? {}) as Record<string, unknown>,
    )) {
      this.names[name] = String(attribute);
    }
    for (const [name, value] of Object.entries((parts.expressionValues ?? {}) as Record<string, unknown>)) {
      this.values[name] = toSdkAttribute(value);
    }
    return parts.expression === '' ? undefined : parts.expression;
  }

  /** As given, like AppSync: DynamoDB itself refuses unused or missing placeholders. */
  parameters(): {
    ExpressionAttributeNames?: Record<string, string>;
    ExpressionAttributeValues?: Record<string, AttributeValue>;
  } {
    return {
      ...(Object.keys(this.names).length > 0 ? { ExpressionAttributeNames: { ...this.names } } : {}),
      ...(Object.keys(this.values).length > 0 ? { ExpressionAttributeValues: { ...this.values } } : {}),
    };
  }
}
