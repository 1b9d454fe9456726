/**
 * The IAM gateway in front of the run's DynamoDB Local and a fresh SQS emulator, called by the
 * AWS SDK with each principal's own keys. Writes go to `Scores` under a prefix of their own;
 * nothing is written to the stream-enabled `Activities` table.
 */
import {
  BatchWriteItemCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ExecuteStatementCommand,
  GetItemCommand,
  ListTablesCommand,
  PutItemCommand,
  QueryCommand,
  TransactWriteItemsCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { CreateQueueCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closedPort } from '../../support/closed-port.ts';
import { startSqsEmulator, type SqsEmulator } from '../../../src/aws/sqs-emulator.ts';
import type { GatewayInternalError } from '../../../src/iam/errors.ts';
import { startIamGateway, type IamGateway, type IamPrincipal } from '../../../src/iam/gateway.ts';
import type { IamPolicyStatement } from 'appsync-local/iam';
import { queueDepth } from '../../support/sqs.ts';

const region = 'us-east-1';
const accountId = '123456789012';
const emulatorCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const tableArn = (table: string) => `arn:aws:dynamodb:${region}:${accountId}:table/${table}`;
const queueArn = (queue: string) => `arn:aws:sqs:${region}:${accountId}:${queue}`;
const roleArn = (role: string) => `arn:aws:sts::${accountId}:assumed-role/${role}/${role}`;

const principal = (role: string, ...Statement: IamPolicyStatement[]): IamPrincipal => ({
  secretAccessKey: `${role}-secret`,
  arn: roleArn(role),
  policy: { Version: '2012-10-17', Statement },
});

const principals = {
  AKIDREADER: principal('reader', {
    Effect: 'Allow',
    Action: ['dynamodb:GetItem', 'dynamodb:Query'],
    Resource: tableArn('Scores'),
  }),
  AKIDWRITER: principal(
    'writer',
    {
      Effect: 'Allow',
      Action: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:GetItem'],
      Resource: tableArn('Scores'),
    },
    { Effect: 'Allow', Action: 'dynamodb:ListTables', Resource: '*' },
  ),
  AKIDRANKER: principal('ranker', {
    Effect: 'Allow',
    Action: 'dynamodb:Query',
    Resource: `${tableArn('Scores')}/index/byScore`,
  }),
  AKIDSTREAMS: principal(
    'streams',
    {
      Effect: 'Allow',
      Action: ['dynamodb:DescribeStream', 'dynamodb:GetShardIterator', 'dynamodb:GetRecords'],
      Resource: `${tableArn('Activities')}/stream/*`,
    },
    { Effect: 'Allow', Action: 'dynamodb:DescribeTable', Resource: tableArn('Activities') },
  ),
  AKIDTABLEONLY: principal('tableonly', {
    Effect: 'Allow',
    Action: ['dynamodb:DescribeStream', 'dynamodb:GetShardIterator', 'dynamodb:GetRecords'],
    Resource: tableArn('Activities'),
  }),
  AKIDPRODUCER: principal('producer', {
    Effect: 'Allow',
    Action: 'sqs:SendMessage',
    Resource: queueArn('iam-allowed'),
  }),
};

type AccessKeyId = keyof typeof principals;
const credentialsOf = (
  accessKeyId: AccessKeyId,
  secretAccessKey = principals[accessKeyId].secretAccessKey,
) => ({
  accessKeyId,
  secretAccessKey,
});

let gateway: IamGateway;
let sqsEmulator: SqsEmulator;
let direct: DynamoDBClient;
let directSqs: SQSClient;
const clients: { destroy(): void }[] = [];

function dynamodbAs(accessKeyId: AccessKeyId, secret?: string): DynamoDBClient {
  const client = new DynamoDBClient({
    endpoint: gateway.endpoint,
    region,
    credentials: credentialsOf(accessKeyId, secret),
    maxAttempts: 1,
  });
  clients.push(client);
  return client;
}

function streamsAs(accessKeyId: AccessKeyId): DynamoDBStreamsClient {
  const client = new DynamoDBStreamsClient({
    endpoint: gateway.endpoint,
    region,
    credentials: credentialsOf(accessKeyId),
    maxAttempts: 1,
  });
  clients.push(client);
  return client;
}

function sqsAs(accessKeyId: AccessKeyId, secret?: string): SQSClient {
  const client = new SQSClient({
    endpoint: gateway.endpoint,
    region,
    credentials: credentialsOf(accessKeyId, secret),
    maxAttempts: 1,
  });
  clients.push(client);
  return client;
}

const scoreKey = (id: string): Record<string, AttributeValue> => ({
  pk: { S: `iam-gateway#${id}` },
  sk: { S: 'total' },
});

async function storedScore(id: string): Promise<Record<string, AttributeValue> | undefined> {
  const { Item } = await direct.send(
    new GetItemCommand({ TableName: 'Scores', Key: scoreKey(id), ConsistentRead: true }),
  );
  return Item;
}

/** The refusal an SDK call ends with: its name, HTTP status and message. */
async function refusalOf(
  call: Promise<unknown>,
): Promise<{ name: string; status?: number; message: string }> {
  const error = (await call.then(
    () => expect.fail('the call was let through'),
    (caught: unknown) => caught,
  )) as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
  return { name: error.name, status: error.$metadata?.httpStatusCode, message: error.message };
}

const denialText = (role: string, action: string, resource: string) =>
  `User: ${roleArn(role)} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;

beforeAll(async () => {
  const dynamoEndpoint = inject('dynamoEndpoint');
  sqsEmulator = await startSqsEmulator({ region });
  direct = new DynamoDBClient({ endpoint: dynamoEndpoint, region, credentials: emulatorCredentials });
  directSqs = new SQSClient({ endpoint: sqsEmulator.endpoint, region, credentials: emulatorCredentials });
  gateway = await startIamGateway({
    principals,
    targets: { dynamodb: dynamoEndpoint, sqs: sqsEmulator.endpoint },
    region,
    accountId,
  });
});

afterAll(async () => {
  if (direct) {
    await direct.send(
      new BatchWriteItemCommand({
        RequestItems: {
          Scores: ['allowed', 'tx-ok-1', 'tx-ok-2'].map((id) => ({ DeleteRequest: { Key: scoreKey(id) } })),
        },
      }),
    );
  }
  for (const client of [...clients, direct, directSqs]) client?.destroy();
  await gateway?.close();
  await sqsEmulator?.stop();
});

describe('IAM gateway: DynamoDB', () => {
  it('lets an allowed PutItem and GetItem through to DynamoDB Local', async () => {
    const writer = dynamodbAs('AKIDWRITER');
    await writer.send(
      new PutItemCommand({ TableName: 'Scores', Item: { ...scoreKey('allowed'), points: { N: '5' } } }),
    );
    const { Item } = await writer.send(new GetItemCommand({ TableName: 'Scores', Key: scoreKey('allowed') }));
    expect(Item?.['points']).toEqual({ N: '5' });
    const { TableNames } = await writer.send(new ListTablesCommand({}));
    expect(TableNames).toEqual(expect.arrayContaining(['Activities', 'Scores']));
  });

  it('refuses a PutItem the policy does not allow, as AWS words it, and writes nothing', async () => {
    const refusal = await refusalOf(
      dynamodbAs('AKIDREADER').send(new PutItemCommand({ TableName: 'Scores', Item: scoreKey('refused') })),
    );
    expect(refusal).toEqual({
      name: 'AccessDeniedException',
      status: 400,
      message: denialText('reader', 'dynamodb:PutItem', tableArn('Scores')),
    });
    expect(await storedScore('refused')).toBeUndefined();
  });

  it('refuses a whole TransactWriteItems when one of its items lacks permission', async () => {
    const transaction = new TransactWriteItemsCommand({
      TransactItems: [
        { Put: { TableName: 'Scores', Item: scoreKey('tx-1') } },
        {
          Update: {
            TableName: 'Scores',
            Key: scoreKey('tx-2'),
            UpdateExpression: 'ADD points :p',
            ExpressionAttributeValues: { ':p': { N: '1' } },
          },
        },
        { Put: { TableName: 'Activities', Item: { pk: { S: 'iam-gateway#tx-3' } } } },
      ],
    });
    const refusal = await refusalOf(dynamodbAs('AKIDWRITER').send(transaction));
    expect(refusal.name).toBe('AccessDeniedException');
    expect(refusal.message).toBe(denialText('writer', 'dynamodb:PutItem', tableArn('Activities')));
    expect(await storedScore('tx-1')).toBeUndefined();
    expect(await storedScore('tx-2')).toBeUndefined();
  });

  it('lets a transaction whose every item is allowed through', async () => {
    await dynamodbAs('AKIDWRITER').send(
      new TransactWriteItemsCommand({
        TransactItems: [
          { Put: { TableName: 'Scores', Item: scoreKey('tx-ok-1') } },
          { Put: { TableName: 'Scores', Item: scoreKey('tx-ok-2') } },
        ],
      }),
    );
    expect(await storedScore('tx-ok-2')).toBeDefined();
  });

  it('needs the index ARN to Query an index: the table ARN alone is refused', async () => {
    const byScore = new QueryCommand({
      TableName: 'Scores',
      IndexName: 'byScore',
      KeyConditionExpression: 'shardKey = :s',
      ExpressionAttributeValues: { ':s': { S: 'iam-gateway#0' } },
    });
    const refusal = await refusalOf(dynamodbAs('AKIDREADER').send(byScore));
    expect(refusal.message).toBe(
      denialText('reader', 'dynamodb:Query', `${tableArn('Scores')}/index/byScore`),
    );
    const { Items } = await dynamodbAs('AKIDRANKER').send(byScore);
    expect(Items).toEqual([]);
  });
});

describe('IAM gateway: DynamoDB Streams', () => {
  it('needs the stream ARN for GetRecords: the table ARN alone is refused', async () => {
    const { Table } = await dynamodbAs('AKIDSTREAMS').send(
      new DescribeTableCommand({ TableName: 'Activities' }),
    );
    const streams = streamsAs('AKIDSTREAMS');
    const { StreamDescription } = await streams.send(
      new DescribeStreamCommand({ StreamArn: Table!.LatestStreamArn! }),
    );
    const { ShardIterator } = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: Table!.LatestStreamArn!,
        ShardId: StreamDescription!.Shards![0]!.ShardId!,
        ShardIteratorType: 'LATEST',
      }),
    );
    const { Records } = await streams.send(new GetRecordsCommand({ ShardIterator: ShardIterator! }));
    expect(Records).toEqual([]);

    const refusal = await refusalOf(
      streamsAs('AKIDTABLEONLY').send(new GetRecordsCommand({ ShardIterator: ShardIterator! })),
    );
    const streamLabel = Table!.LatestStreamArn!.split('/stream/')[1];
    expect(refusal).toMatchObject({
      name: 'AccessDeniedException',
      message: denialText(
        'tableonly',
        'dynamodb:GetRecords',
        `${tableArn('Activities')}/stream/${streamLabel}`,
      ),
    });
  });
});

describe('IAM gateway: SQS', () => {
  it('allows SendMessage by queue ARN and refuses it on another queue, sending nothing', async () => {
    const { QueueUrl: allowed } = await directSqs.send(new CreateQueueCommand({ QueueName: 'iam-allowed' }));
    const { QueueUrl: other } = await directSqs.send(new CreateQueueCommand({ QueueName: 'iam-other' }));
    const producer = sqsAs('AKIDPRODUCER');
    await producer.send(new SendMessageCommand({ QueueUrl: allowed, MessageBody: 'hello' }));
    expect(await queueDepth(directSqs, allowed!)).toBe(1);

    const refusal = await refusalOf(
      producer.send(new SendMessageCommand({ QueueUrl: other, MessageBody: 'hello' })),
    );
    expect(refusal).toEqual({
      // The SQS SDK names errors by their query-protocol code, as it does against AWS.
      name: 'AccessDenied',
      status: 400,
      message: denialText('producer', 'sqs:sendmessage', queueArn('iam-other')),
    });
    expect(await queueDepth(directSqs, other!)).toBe(0);
  });
});

describe('IAM gateway: signatures', () => {
  it('refuses a request signed with the wrong secret', async () => {
    const refusal = await refusalOf(
      dynamodbAs('AKIDWRITER', 'not-the-secret').send(
        new GetItemCommand({ TableName: 'Scores', Key: scoreKey('x') }),
      ),
    );
    expect(refusal).toMatchObject({ name: 'InvalidSignatureException', status: 400 });
    const sqsRefusal = await refusalOf(
      sqsAs('AKIDPRODUCER', 'not-the-secret').send(
        new SendMessageCommand({ QueueUrl: 'http://127.0.0.1/0/iam-allowed', MessageBody: 'x' }),
      ),
    );
    expect(sqsRefusal).toMatchObject({ name: 'SignatureDoesNotMatch', status: 403 });
  });

  it('refuses an access key it does not know', async () => {
    const stranger = new DynamoDBClient({
      endpoint: gateway.endpoint,
      region,
      credentials: { accessKeyId: 'AKIDSTRANGER', secretAccessKey: 'x' },
      maxAttempts: 1,
    });
    clients.push(stranger);
    expect(await refusalOf(stranger.send(new ListTablesCommand({})))).toEqual({
      name: 'UnrecognizedClientException',
      status: 400,
      message: 'The security token included in the request is invalid.',
    });
  });
});

describe('IAM gateway: what it cannot check or reach', () => {
  it('refuses an operation whose resources it cannot tell instead of forwarding it unchecked', async () => {
    const refusal = await refusalOf(
      dynamodbAs('AKIDWRITER').send(
        new ExecuteStatementCommand({ Statement: "DELETE FROM Scores WHERE pk = 'x'" }),
      ),
    );
    expect(refusal).toMatchObject({ name: 'UnknownOperationException', status: 400 });
  });

  it('answers InternalFailure without internal detail when the emulator is down, and reports the detail', async () => {
    const reported: Error[] = [];
    const unreachable = await startIamGateway({
      principals,
      targets: { sqs: `http://127.0.0.1:${await closedPort()}` },
      region,
      accountId,
      onInternalError: (error) => reported.push(error),
    });
    try {
      const producer = new SQSClient({
        endpoint: unreachable.endpoint,
        region,
        credentials: credentialsOf('AKIDPRODUCER'),
        maxAttempts: 1,
      });
      clients.push(producer);
      const refusal = await refusalOf(
        producer.send(
          new SendMessageCommand({ QueueUrl: 'http://127.0.0.1/0/iam-allowed', MessageBody: 'x' }),
        ),
      );
      expect(refusal).toEqual({
        name: 'InternalFailure',
        status: 500,
        message: 'The request processing has failed because of an unknown error, exception or failure.',
      });
      expect(reported.map((error) => (error as GatewayInternalError).detail)).toEqual([
        expect.stringMatching(/^sqs emulator: connect ECONNREFUSED/),
      ]);
    } finally {
      await unreachable.close();
    }
  });
});
