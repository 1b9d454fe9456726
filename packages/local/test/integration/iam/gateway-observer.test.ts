/**
 * The gateway's exchange observer: it sees every call it let through with the emulator's answer,
 * and with `measureCapacity` the capacity DynamoDB Local says each call consumed (index writes
 * included), while callers get the answers they would get without it; and the faults it can
 * inject, before a call reaches the emulator or after the emulator applied it.
 */
import {
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  TransactWriteItemsCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  startIamGateway,
  type GatewayExchange,
  type IamGateway,
  type InjectedFault,
} from '../../../src/iam/gateway.ts';

const region = 'us-east-1';
const accountId = '123456789012';
const roleArn = `arn:aws:sts::${accountId}:assumed-role/counter/counter`;
const credentials = { accessKeyId: 'AKIDCOUNTER', secretAccessKey: 'counter-secret' };
const key = (id: string): Record<string, AttributeValue> => ({
  pk: { S: `gateway-observer#${id}` },
  sk: { S: 'total' },
});
/** An item the Scores table's `byScore` index holds too (it has the index's keys). */
const indexedItem = (id: string): Record<string, AttributeValue> => ({
  ...key(id),
  shardKey: { S: 'gateway-observer#0' },
  rankKey: { S: `0000000001#${id}` },
});

let gateway: IamGateway;
let client: DynamoDBClient;
const exchanges: GatewayExchange[] = [];
/** The fault the next call gets, if any. */
let nextFault: InjectedFault | undefined;

beforeAll(async () => {
  gateway = await startIamGateway({
    principals: {
      [credentials.accessKeyId]: {
        secretAccessKey: credentials.secretAccessKey,
        arn: roleArn,
        policy: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
              Resource: `arn:aws:dynamodb:${region}:${accountId}:table/Scores`,
            },
          ],
        },
      },
    },
    targets: { dynamodb: inject('dynamoEndpoint') },
    region,
    accountId,
    onExchange: (exchange) => exchanges.push(exchange),
    measureCapacity: 'INDEXES',
    injectFault: () => {
      const fault = nextFault;
      nextFault = undefined;
      return fault;
    },
  });
  client = new DynamoDBClient({ endpoint: gateway.endpoint, region, credentials, maxAttempts: 1 });
});

afterAll(async () => {
  for (const id of ['plain', 'indexed', 'tx-1', 'tx-2', 'throttled', 'lost-answer']) {
    await client?.send(new DeleteItemCommand({ TableName: 'Scores', Key: key(id) }));
  }
  client?.destroy();
  await gateway?.close();
});

const capacityOf = (exchange: GatewayExchange | undefined) =>
  exchange?.response['ConsumedCapacity'] as { CapacityUnits?: number; GlobalSecondaryIndexes?: unknown };

describe('IAM gateway observer', () => {
  it('reports each call with its principal and the capacity it consumed, hidden from the caller', async () => {
    exchanges.length = 0;
    const put = await client.send(new PutItemCommand({ TableName: 'Scores', Item: key('plain') }));
    expect(put.ConsumedCapacity).toBeUndefined();
    const indexed = await client.send(
      new PutItemCommand({ TableName: 'Scores', Item: indexedItem('indexed') }),
    );
    expect(indexed.ConsumedCapacity).toBeUndefined();
    const read = await client.send(
      new GetItemCommand({ TableName: 'Scores', Key: key('indexed'), ConsistentRead: true }),
    );
    expect(read.Item?.['shardKey']).toEqual({ S: 'gateway-observer#0' });
    expect(read.ConsumedCapacity).toBeUndefined();

    expect(exchanges.map((exchange) => [exchange.principalArn, exchange.operation, exchange.status])).toEqual(
      [
        [roleArn, 'PutItem', 200],
        [roleArn, 'PutItem', 200],
        [roleArn, 'GetItem', 200],
      ],
    );
    expect(capacityOf(exchanges[0])?.CapacityUnits).toBe(1);
    // The table write and the index write.
    expect(capacityOf(exchanges[1])?.CapacityUnits).toBe(2);
    expect(capacityOf(exchanges[1])?.GlobalSecondaryIndexes).toEqual({ byScore: { CapacityUnits: 1 } });
    expect(capacityOf(exchanges[2])?.CapacityUnits).toBe(1);
  });

  // DynamoDB Local's figure for a transaction does not follow AWS's billing: a meter prices it from these.
  it("gives a measured transaction's items as they were before it and after it", async () => {
    await client.send(
      new PutItemCommand({ TableName: 'Scores', Item: { ...indexedItem('tx-1'), score: { N: '1' } } }),
    );
    exchanges.length = 0;
    await client.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          {
            Update: {
              TableName: 'Scores',
              Key: key('tx-1'),
              UpdateExpression: 'SET rankKey = :rank, score = :score',
              ExpressionAttributeValues: { ':rank': { S: '0000000002#tx-1' }, ':score': { N: '2' } },
            },
          },
          { Put: { TableName: 'Scores', Item: key('tx-2') } },
        ],
      }),
    );
    expect(exchanges[0]?.operation).toBe('TransactWriteItems');
    const writes = exchanges[0]?.writes ?? [];
    expect(
      writes.map((write) => [write.before?.['score'], write.after?.['score'], write.after?.['pk']]),
    ).toEqual([
      [{ N: '1' }, { N: '2' }, key('tx-1')['pk']],
      [undefined, undefined, key('tx-2')['pk']],
    ]);
    expect(writes[0]).toMatchObject({
      table: 'Scores',
      tableKeys: ['pk', 'sk'],
      indexes: [expect.objectContaining({ name: 'byScore', keys: ['shardKey', 'rankKey'] })],
    });
    expect(writes[1]?.before).toBeNull();
  });

  it('leaves the capacity in the answer when the caller asked for it', async () => {
    const answer = await client.send(
      new GetItemCommand({ TableName: 'Scores', Key: key('plain'), ReturnConsumedCapacity: 'TOTAL' }),
    );
    expect(answer.ConsumedCapacity?.CapacityUnits).toBe(0.5);
  });

  it('answers a throttled call with AWS error without passing it on', async () => {
    nextFault = {
      status: 400,
      type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
      message: 'The level of configured provisioned throughput for the table was exceeded.',
    };
    const refused = await client
      .send(new PutItemCommand({ TableName: 'Scores', Item: key('throttled') }))
      .catch((error: unknown) => error as Error);
    expect((refused as Error).name).toBe('ProvisionedThroughputExceededException');
    const { Item } = await client.send(
      new GetItemCommand({ TableName: 'Scores', Key: key('throttled'), ConsistentRead: true }),
    );
    expect(Item).toBeUndefined();
  });

  it('can lose the answer of a call the emulator applied', async () => {
    nextFault = {
      status: 500,
      type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
      message: 'Internal server error',
      afterApplying: true,
    };
    const failed = await client
      .send(new PutItemCommand({ TableName: 'Scores', Item: key('lost-answer') }))
      .catch((error: unknown) => error as Error);
    expect((failed as Error).name).toBe('InternalServerError');
    const { Item } = await client.send(
      new GetItemCommand({ TableName: 'Scores', Key: key('lost-answer'), ConsistentRead: true }),
    );
    expect(Item).toBeDefined();
  });
});
