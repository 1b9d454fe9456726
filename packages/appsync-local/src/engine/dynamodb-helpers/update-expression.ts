/**
 * `update` objects as an UpdateExpression: plain values set, operation markers
 * (`operations.increment(1)`, ...) as SET and REMOVE clauses, nested objects by path, with
 * generated placeholders (`#expName_1`, `:expValue_1`) as AppSync's helpers make them.
 */
import type { DynamoDBExpressionJson } from '../util/dynamodb-expression.ts';
import { toDynamoDB, type AttributeValueJson } from '../util/dynamodb-values.ts';
import { DynamoDBHelperInputError, isPlainObject, type Json, requireObject } from './input.ts';

/** Operation markers carried in update objects, as AppSync's helpers shape them. */
export const operations = {
  add: (value: unknown) => ({ type: 'OPERATION_ADD', value }),
  remove: () => ({ type: 'OPERATION_REMOVE' }),
  replace: (value: unknown) => ({ type: 'OPERATION_REPLACE', value }),
  increment: (by: unknown = 1) => ({ type: 'OPERATION_INCREMENT', by: by ?? 1 }),
  decrement: (by: unknown = 1) => ({ type: 'OPERATION_DECREMENT', by: by ?? 1 }),
  append: (items: unknown) => ({ type: 'OPERATION_APPEND', items }),
  prepend: (items: unknown) => ({ type: 'OPERATION_PREPEND', items }),
  updateListItem: (value: unknown, index: unknown) => ({ type: 'OPERATION_UPDATE_LIST_ITEM', value, index }),
};

const operationType = (value: unknown): string | undefined =>
  isPlainObject(value) && typeof value.type === 'string' && value.type.startsWith('OPERATION_')
    ? value.type
    : undefined;

class UpdateExpressionBuilder {
  private readonly set: string[] = [];
  private readonly remove: string[] = [];
  readonly names: Record<string, string> = {};
  readonly values: Record<string, AttributeValueJson> = {};
  private nameCount = 0;
  private valueCount = 0;

  private name(attribute: string): string {
    this.nameCount += 1;
    const placeholder = `#expName_${this.nameCount}`;
    this.names[placeholder] = attribute;
    return placeholder;
  }

  private value(value: unknown): string {
    this.valueCount += 1;
    const placeholder = `:expValue_${this.valueCount}`;
    this.values[placeholder] = toDynamoDB(value);
    return placeholder;
  }

  addAttribute(parentPath: string, attribute: string, value: unknown): void {
    const path = parentPath === '' ? this.name(attribute) : `${parentPath}.${this.name(attribute)}`;
    switch (operationType(value)) {
      case 'OPERATION_ADD':
      case 'OPERATION_REPLACE':
        this.set.push(`${path} = ${this.value((value as Json).value)}`);
        return;
      case 'OPERATION_REMOVE':
        this.remove.push(path);
        return;
      case 'OPERATION_INCREMENT':
        this.set.push(`${path} = ${path} + ${this.value((value as Json).by)}`);
        return;
      case 'OPERATION_DECREMENT':
        this.set.push(`${path} = ${path} - ${this.value((value as Json).by)}`);
        return;
      case 'OPERATION_APPEND':
        this.set.push(`${path} = list_append(${path}, ${this.value((value as Json).items)})`);
        return;
      case 'OPERATION_PREPEND':
        this.set.push(`${path} = list_append(${this.value((value as Json).items)}, ${path})`);
        return;
      case undefined:
        break;
      default:
        throw new DynamoDBHelperInputError(`unknown update operation ${String((value as Json).type)}`);
    }
    if (
      Array.isArray(value) &&
      value.length > 0 &&
      value.every((entry) => operationType(entry) === 'OPERATION_UPDATE_LIST_ITEM')
    ) {
      for (const entry of value as Json[])
        this.set.push(`${path}[${Number(entry.index)}] = ${this.value(entry.value)}`);
      return;
    }
    if (isPlainObject(value)) {
      for (const [child, childValue] of Object.entries(value)) this.addAttribute(path, child, childValue);
      return;
    }
    this.set.push(`${path} = ${this.value(value)}`);
  }

  build(): DynamoDBExpressionJson {
    const clauses: string[] = [];
    if (this.set.length > 0) clauses.push(`SET ${this.set.join(', ')}`);
    if (this.remove.length > 0) clauses.push(`REMOVE ${this.remove.join(', ')}`);
    if (clauses.length === 0) throw new DynamoDBHelperInputError('update must change at least one attribute');
    return { expression: clauses.join(' '), expressionNames: this.names, expressionValues: this.values };
  }
}

export function updateExpression(update: unknown): DynamoDBExpressionJson {
  const builder = new UpdateExpressionBuilder();
  for (const [attribute, value] of Object.entries(requireObject(update, 'update'))) {
    if (value !== undefined) builder.addAttribute('', attribute, value);
  }
  return builder.build();
}
