/** The batch helpers: `batchGet`, `batchPut` and `batchDelete`, each over a map of tables. */
import { toMapValues } from '../util/dynamodb-values.ts';
import { dropUndefined, type Json, list, projection, requireObject, withOptional } from './input.ts';

function tablesOf(input: unknown, what: string): [string, unknown][] {
  return Object.entries(requireObject(requireObject(input, `${what} input`).tables, `${what} tables`));
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
