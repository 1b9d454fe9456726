/**
 * `util.transform.toDynamoDBFilterExpression` and `toDynamoDBConditionExpression`: a filter
 * object to `{ expression, expressionNames, expressionValues }`, rendered as AppSync renders
 * it (parenthesised terms, `#field` names, `:<group path>_<field>_<operator>` values) and
 * `null` for input AppSync cannot render.
 */
import { toDynamoDB, type AttributeValueJson } from './dynamodb-values.ts';

export interface DynamoDBExpressionJson {
  expression: string;
  expressionNames: Record<string, string>;
  expressionValues: Record<string, AttributeValueJson>;
}

class UnrenderableFilter extends Error {}

const attributeTypeCodes: Record<string, string> = {
  _null: 'NULL',
  string: 'S',
  stringSet: 'SS',
  number: 'N',
  numberSet: 'NS',
  binary: 'B',
  binarySet: 'BS',
  boolean: 'BOOL',
  list: 'L',
  map: 'M',
};

const comparisons: Record<string, string> = { eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=' };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Zero terms render nothing, one renders bare, more are joined and wrapped. */
const group = (terms: string[], joiner: 'AND' | 'OR'): string =>
  terms.length === 0 ? '' : terms.length === 1 ? (terms[0] as string) : `(${terms.join(` ${joiner} `)})`;

class ExpressionBuilder {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, AttributeValueJson> = {};

  renderObject(filter: unknown, prefix: string): string {
    if (!isPlainObject(filter)) throw new UnrenderableFilter();
    const terms: string[] = [];
    for (const [key, value] of Object.entries(filter)) {
      if (key === 'and' || key === 'or') {
        if (!Array.isArray(value)) throw new UnrenderableFilter();
        const members = value.map((member, index) => this.renderObject(member, `${prefix}${key}_${index}_`));
        terms.push(group(members, key === 'and' ? 'AND' : 'OR'));
      } else if (key === 'not') {
        terms.push(`(NOT ${this.renderObject(value, `${prefix}not_`)})`);
      } else {
        terms.push(this.renderField(key, value, prefix));
      }
    }
    return terms.join(' AND ');
  }

  private renderField(field: string, operators: unknown, prefix: string): string {
    if (!isPlainObject(operators)) throw new UnrenderableFilter();
    const name = `#${field}`;
    this.names[name] = field;
    return this.renderOperators(name, operators, `${prefix}${field}`);
  }

  private renderOperators(operand: string, operators: Record<string, unknown>, valueName: string): string {
    const terms = Object.entries(operators).map(([operator, value]) =>
      this.renderOperator(operand, operator, value, valueName),
    );
    return group(terms, 'AND');
  }

  private value(name: string, value: unknown): string {
    const placeholder = `:${name}`;
    this.values[placeholder] = toDynamoDB(value);
    return placeholder;
  }

  private renderOperator(operand: string, operator: string, value: unknown, valueName: string): string {
    const comparison = comparisons[operator];
    if (comparison) return `(${operand} ${comparison} ${this.value(`${valueName}_${operator}`, value)})`;
    switch (operator) {
      case 'contains':
        return `(contains(${operand},${this.value(`${valueName}_contains`, value)}))`;
      case 'notContains':
        return `(NOT contains(${operand},${this.value(`${valueName}_notContains`, value)}))`;
      case 'beginsWith':
        return `(begins_with(${operand},${this.value(`${valueName}_beginsWith`, value)}))`;
      case 'between': {
        if (!Array.isArray(value) || value.length < 2) throw new UnrenderableFilter();
        const start = this.value(`${valueName}_between_start`, value[0]);
        const end = this.value(`${valueName}_between_end`, value[1]);
        return `(${operand} BETWEEN ${start} AND ${end})`;
      }
      case 'in': {
        if (!Array.isArray(value)) throw new UnrenderableFilter();
        if (value.length === 0) return '(null)';
        const members = value.map((member, index) => this.value(`${valueName}_in_${index}`, member));
        return `(${operand} IN (${members.join(', ')}))`;
      }
      case 'attributeExists':
        if (typeof value !== 'boolean') throw new UnrenderableFilter();
        return value ? `(attribute_exists(${operand}))` : `(attribute_not_exists(${operand}))`;
      case 'attributeType': {
        const code = typeof value === 'string' ? attributeTypeCodes[value] : undefined;
        if (!code) throw new UnrenderableFilter();
        this.values[`:${valueName}_attributeType`] = { S: code };
        return `(attribute_type(${operand},:${valueName}_attributeType))`;
      }
      case 'size': {
        if (!isPlainObject(value)) throw new UnrenderableFilter();
        const sizeOperand = operand.startsWith('size(') ? operand : `size(${operand})`;
        return this.renderOperators(sizeOperand, value, `${valueName}_size`);
      }
      default:
        throw new UnrenderableFilter();
    }
  }
}

/** The expression object, or `null` when AppSync would answer `null`. */
export function buildDynamoDBExpression(filter: unknown): DynamoDBExpressionJson | null {
  const builder = new ExpressionBuilder();
  try {
    const expression = builder.renderObject(filter, '');
    return { expression, expressionNames: builder.names, expressionValues: builder.values };
  } catch (error) {
    if (error instanceof UnrenderableFilter) return null;
    throw error;
  }
}

/** AppSync returns these as JSON strings that resolvers `JSON.parse`. */
export function toDynamoDBFilterExpression(filter: unknown): string | null {
  const expression = buildDynamoDBExpression(filter);
  return expression ? JSON.stringify(expression) : null;
}

export const toDynamoDBConditionExpression = toDynamoDBFilterExpression;
