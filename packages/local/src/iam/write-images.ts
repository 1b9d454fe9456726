/**
 * The images of the items a TransactWriteItems writes, read straight from DynamoDB Local just
 * before and just after it (consistent reads, not through the gateway, not seen by observers), so
 * that a cost meter can price each write by AWS's rules (`aws/write-billing.ts`). Only when the
 * gateway measures capacity: the reads double the calls DynamoDB Local serves.
 */
import {
  BatchGetItemCommand,
  DescribeTableCommand,
  DynamoDBClient,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import type { Image, IndexShape, WrittenItem } from '../aws/write-billing.ts';
import { isRecord, type RequestBody } from './request-body.ts';

interface TableShape {
  readonly keys: readonly string[];
  readonly indexes: readonly IndexShape[];
}

interface Target {
  readonly table: string;
  readonly key: Image;
}

/** The items' images before the write; `after()` reads them again and pairs the two. */
export interface PendingImages {
  after(): Promise<WrittenItem[]>;
}

const keysPerBatchGet = 100;

export class WriteImages {
  private readonly client: DynamoDBClient;
  private readonly shapes = new Map<string, Promise<TableShape>>();

  constructor(endpoint: string, region: string) {
    this.client = new DynamoDBClient({
      endpoint,
      region,
      // DynamoDB Local takes letters and digits only in an access key id.
      credentials: { accessKeyId: 'writeimages', secretAccessKey: 'writeimages' },
    });
  }

  async before(request: RequestBody): Promise<PendingImages> {
    const targets = await this.targetsOf(request);
    const before = await this.read(targets);
    return {
      after: async () => {
        const after = await this.read(targets);
        return Promise.all(
          targets.map(async (target, index) => {
            const shape = await this.shapeOf(target.table);
            return {
              table: target.table,
              tableKeys: shape.keys,
              indexes: shape.indexes,
              before: before[index] ?? null,
              after: after[index] ?? null,
            };
          }),
        );
      },
    };
  }

  close(): void {
    this.client.destroy();
  }

  /** The items written (a ConditionCheck writes nothing): Put names its key in its item. */
  private async targetsOf(request: RequestBody): Promise<Target[]> {
    const items = Array.isArray(request['TransactItems']) ? (request['TransactItems'] as unknown[]) : [];
    const targets: Target[] = [];
    for (const item of items.filter(isRecord)) {
      const write = [item['Put'], item['Update'], item['Delete']].find(isRecord);
      if (!write || typeof write['TableName'] !== 'string') continue;
      const table = write['TableName'];
      const source = (isRecord(write['Key']) ? write['Key'] : write['Item']) as Image | undefined;
      if (!source) continue;
      const { keys } = await this.shapeOf(table);
      targets.push({ table, key: Object.fromEntries(keys.map((key) => [key, source[key]!])) });
    }
    return targets;
  }

  /** Each target's image, in order; null where there is no item. */
  private async read(targets: readonly Target[]): Promise<Array<Image | null>> {
    const found = new Map<string, Image>();
    for (let start = 0; start < targets.length; start += keysPerBatchGet) {
      let pending = groupByTable(targets.slice(start, start + keysPerBatchGet));
      while (Object.keys(pending).length > 0) {
        const result = await this.client.send(new BatchGetItemCommand({ RequestItems: pending }));
        for (const [table, images] of Object.entries(result.Responses ?? {})) {
          const { keys } = await this.shapeOf(table);
          for (const image of images) found.set(identity(table, keys, image), image);
        }
        pending = (result.UnprocessedKeys ?? {}) as typeof pending;
      }
    }
    return Promise.all(
      targets.map(async (target) => {
        const { keys } = await this.shapeOf(target.table);
        return found.get(identity(target.table, keys, target.key)) ?? null;
      }),
    );
  }

  private shapeOf(table: string): Promise<TableShape> {
    let shape = this.shapes.get(table);
    if (!shape) {
      shape = this.describe(table);
      this.shapes.set(table, shape);
    }
    return shape;
  }

  private async describe(table: string): Promise<TableShape> {
    const { Table } = await this.client.send(new DescribeTableCommand({ TableName: table }));
    const keysOf = (schema: ReadonlyArray<{ AttributeName?: string; KeyType?: string }> = []) =>
      ['HASH', 'RANGE'].flatMap((type) =>
        schema.filter((key) => key.KeyType === type).map((key) => key.AttributeName!),
      );
    return {
      keys: keysOf(Table?.KeySchema),
      indexes: (Table?.GlobalSecondaryIndexes ?? []).map((index) => ({
        name: index.IndexName!,
        keys: keysOf(index.KeySchema),
        projection: (index.Projection?.ProjectionType ?? 'ALL') as IndexShape['projection'],
        nonKeyAttributes: index.Projection?.NonKeyAttributes ?? [],
      })),
    };
  }
}

function groupByTable(targets: readonly Target[]): Record<string, { Keys: Image[]; ConsistentRead: true }> {
  const grouped: Record<string, { Keys: Image[]; ConsistentRead: true }> = {};
  for (const target of targets) {
    grouped[target.table] ??= { Keys: [], ConsistentRead: true };
    // A transaction names each item once, so no key repeats within a BatchGetItem.
    grouped[target.table]!.Keys.push(target.key);
  }
  return grouped;
}

function identity(table: string, keys: readonly string[], image: Record<string, AttributeValue>): string {
  return JSON.stringify([table, ...keys.map((key) => image[key])]);
}
