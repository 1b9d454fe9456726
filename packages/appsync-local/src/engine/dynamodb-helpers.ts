/**
 * The `@aws-appsync/utils/dynamodb` module: plain inputs to DynamoDB request objects. Keys and
 * items go through `util.dynamodb.toMapValues`, conditions and filters through the same
 * renderer as `util.transform`; update and key-condition expressions use generated
 * placeholders (`#expName_1`, `:expValue_1`), as AppSync's helpers do.
 */
import { buildDynamoDBExpression, type DynamoDBExpressionJson } from './util/dynamodb-expression.ts';
import { toDynamoDB, toMapValues, type AttributeValueJson } from './util/dynamodb-values.ts';

type Json = Record<string, unknown>;

export class DynamoDBHelperInputError extends TypeError {
  override readonly name = 'DynamoDBHelperInputError';
}

const isPlainObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function requireObject(value: unknown, what: string): Json {
  if (!isPlainObject(value)) throw new DynamoDBHelperInputError(`${what} must be an object`);
  return value;
}

/** Copies the optional fields that are set; request objects carry no `undefined` or `null` entries. */
function withOptional(target: Json, source: Json, fields: readonly string[]): Json {
  for (const field of fields) {
    const value = source[field];
    if (value !== undefined && value !== null) target[field] = value;
  }
  return target;
}

function expressionOf(value: unknown, what: string): DynamoDBExpressionJson | undefined {
  if (value === undefined || value === null) return undefined;
  const expression = buildDynamoDBExpression(value);
  if (!expression) throw new DynamoDBHelperInputError(`${what} cannot be rendered as a DynamoDB expression`);
  return expression;
}

const condition = (value: unknown): DynamoDBExpressionJson | undefined => expressionOf(value, 'condition');

function filter(value: unknown): DynamoDBExpressionJson | undefined {
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

export function get(input: unknown): Json {
  const payload = requireObject(input, 'get input');
  return dropUndefined(
    withOptional(
      { operation: 'GetItem', key: toMapValues(payload.key), projection: projection(payload.projection) },
      payload,
      ['consistentRead'],
    ),
  );
}

function dropUndefined(target: Json): Json {
  for (const key of Object.keys(target)) if (target[key] === undefined) delete target[key];
  return target;
}

const versioning = ['customPartitionKey', 'populateIndexFields', '_version'] as const;

export function put(input: unknown): Json {
  const payload = requireObject(input, 'put input');
  return dropUndefined(
    withOptional(
      {
        operation: 'PutItem',
        key: toMapValues(payload.key),
        attributeValues: toMapValues(payload.item ?? {}),
        condition: condition(payload.condition),
      },
      payload,
      versioning,
    ),
  );
}

export function remove(input: unknown): Json {
  const payload = requireObject(input, 'remove input');
  return dropUndefined(
    withOptional(
      { operation: 'DeleteItem', key: toMapValues(payload.key), condition: condition(payload.condition) },
      payload,
      versioning,
    ),
  );
}

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

function updateExpression(update: unknown): DynamoDBExpressionJson {
  const builder = new UpdateExpressionBuilder();
  for (const [attribute, value] of Object.entries(requireObject(update, 'update'))) {
    if (value !== undefined) builder.addAttribute('', attribute, value);
  }
  return builder.build();
}

export function update(input: unknown): Json {
  const payload = requireObject(input, 'update input');
  return dropUndefined(
    withOptional(
      {
        operation: 'UpdateItem',
        key: toMapValues(payload.key),
        update: updateExpression(payload.update),
        condition: condition(payload.condition),
      },
      payload,
      versioning,
    ),
  );
}

const keyComparisons: Record<string, string> = { eq: '=', lt: '<', le: '<=', gt: '>', ge: '>=' };

/** `{ pk: { eq: 'a' }, sk: { beginsWith: 'b' } }` to a key condition expression. */
function keyCondition(query: unknown): DynamoDBExpressionJson {
  const terms: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, AttributeValueJson> = {};
  for (const [field, operators] of Object.entries(requireObject(query, 'query'))) {
    const name = `#${field}`;
    names[name] = field;
    for (const [operator, operand] of Object.entries(requireObject(operators, `query.${field}`))) {
      const valueName = `:${field}_${operator}`;
      const comparison = keyComparisons[operator];
      if (comparison) {
        values[valueName] = toDynamoDB(operand);
        terms.push(`${name} ${comparison} ${valueName}`);
      } else if (operator === 'beginsWith') {
        values[valueName] = toDynamoDB(operand);
        terms.push(`begins_with(${name}, ${valueName})`);
      } else if (operator === 'between' && Array.isArray(operand) && operand.length === 2) {
        values[`${valueName}_0`] = toDynamoDB(operand[0]);
        values[`${valueName}_1`] = toDynamoDB(operand[1]);
        terms.push(`${name} BETWEEN ${valueName}_0 AND ${valueName}_1`);
      } else {
        throw new DynamoDBHelperInputError(`unsupported key condition ${field}.${operator}`);
      }
    }
  }
  if (terms.length === 0) throw new DynamoDBHelperInputError('query needs a condition on the partition key');
  return { expression: terms.join(' AND '), expressionNames: names, expressionValues: values };
}

const readOptions = ['index', 'limit', 'nextToken', 'consistentRead', 'select'] as const;

export function query(input: unknown): Json {
  const payload = requireObject(input, 'query input');
  return dropUndefined(
    withOptional(
      {
        operation: 'Query',
        query: keyCondition(payload.query),
        filter: filter(payload.filter),
        projection: projection(payload.projection),
      },
      payload,
      [...readOptions, 'scanIndexForward'],
    ),
  );
}

export function scan(input: unknown): Json {
  const payload = requireObject(input ?? {}, 'scan input');
  return dropUndefined(
    withOptional(
      { operation: 'Scan', filter: filter(payload.filter), projection: projection(payload.projection) },
      payload,
      [...readOptions, 'totalSegments', 'segment'],
    ),
  );
}

export function sync(input: unknown): Json {
  const payload = requireObject(input ?? {}, 'sync input');
  return dropUndefined(
    withOptional({ operation: 'Sync', filter: filter(payload.filter) }, payload, [
      'basePartitionKey',
      'deltaIndexName',
      'limit',
      'nextToken',
      'lastSync',
    ]),
  );
}

function tablesOf(input: unknown, what: string): [string, unknown][] {
  return Object.entries(requireObject(requireObject(input, `${what} input`).tables, `${what} tables`));
}

function list(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new DynamoDBHelperInputError(`${what} must be a list`);
  return value;
}

export function batchGet(input: unknown): Json {
  const tables = tablesOf(input, 'batchGet').map(([table, spec]) => {
    const options = requireObject(spec, `batchGet table ${table}`);
    return [
      table,
      dropUndefined(
        withOptional(
          {
            keys: list(options.keys, `${table}.keys`).map((key) => toMapValues(key)),
            projection: projection(options.projection),
          },
          options,
          ['consistentRead'],
        ),
      ),
    ];
  });
  return { operation: 'BatchGetItem', tables: Object.fromEntries(tables) };
}

export function batchPut(input: unknown): Json {
  const tables = tablesOf(input, 'batchPut').map(([table, items]) => [
    table,
    list(items, `${table} items`).map((item) => toMapValues(item)),
  ]);
  return { operation: 'BatchPutItem', tables: Object.fromEntries(tables) };
}

export function batchDelete(input: unknown): Json {
  const tables = tablesOf(input, 'batchDelete').map(([table, keys]) => [
    table,
    list(keys, `${table} keys`).map((key) => toMapValues(key)),
  ]);
  return { operation: 'BatchDeleteItem', tables: Object.fromEntries(tables) };
}

export function transactGet(input: unknown): Json {
  const items = list(requireObject(input, 'transactGet input').items, 'transactGet items').map((entry) => {
    const item = requireObject(entry, 'transactGet item');
    return dropUndefined({
      table: item.table,
      key: toMapValues(item.key),
      projection: projection(item.projection),
    });
  });
  return { operation: 'TransactGetItems', transactItems: items };
}

function transactCondition(value: unknown): Json | undefined {
  const rendered = condition(value);
  return rendered ? { ...rendered, returnValuesOnConditionCheckFailure: true } : undefined;
}

/** One `transactWrite` item: the fields every operation has, around those of `operation`. */
function transactWriteItem(
  spec: Json,
  operation: string,
  operationFields: (spec: Json) => Json = () => ({}),
): Json {
  return dropUndefined({
    table: spec.table,
    operation,
    key: toMapValues(spec.key),
    ...operationFields(spec),
    condition: transactCondition(spec.condition),
  });
}

export function transactWrite(input: unknown): Json {
  const items = list(requireObject(input, 'transactWrite input').items, 'transactWrite items').map(
    (entry) => {
      const item = requireObject(entry, 'transactWrite item');
      if (item.putItem) {
        return transactWriteItem(requireObject(item.putItem, 'putItem'), 'PutItem', (spec) => ({
          attributeValues: toMapValues(spec.item ?? {}),
        }));
      }
      if (item.updateItem) {
        return transactWriteItem(requireObject(item.updateItem, 'updateItem'), 'UpdateItem', (spec) => ({
          update: updateExpression(spec.update),
        }));
      }
      if (item.deleteItem) {
        return transactWriteItem(requireObject(item.deleteItem, 'deleteItem'), 'DeleteItem');
      }
      if (item.conditionCheck) {
        return transactWriteItem(requireObject(item.conditionCheck, 'conditionCheck'), 'ConditionCheck');
      }
      throw new DynamoDBHelperInputError(
        'transactWrite item needs putItem, updateItem, deleteItem or conditionCheck',
      );
    },
  );
  return { operation: 'TransactWriteItems', transactItems: items };
}

export const toStringSet = (values: unknown): Json => ({ SS: list(values, 'toStringSet input').map(String) });
export const toNumberSet = (values: unknown): Json => ({ NS: [...list(values, 'toNumberSet input')] });
export const toBinarySet = (values: unknown): Json => ({ BS: [...list(values, 'toBinarySet input')] });
