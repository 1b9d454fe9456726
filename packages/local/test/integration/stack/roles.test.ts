/**
 * Each role of the running stack is held to its grants from core, as IAM would hold it: the calls
 * a role's code makes pass, anything else is refused with AWS's AccessDeniedException before it
 * reaches DynamoDB Local or the SQS emulator, and IAM callers of the API reach only the fields
 * their role names.
 */
import {
  BatchGetItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { activitiesTable, scoresTable } from '@leaderboard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../../src/stack/local-stack.ts';
import type { RoleIdentity } from '../../../src/stack/roles.ts';

let stack: LocalStack;
const clients: Array<{ destroy(): void }> = [];

beforeAll(async () => {
  stack = await startLocalStack({ log: () => undefined });
}, 60_000);

afterAll(async () => {
  clients.forEach((client) => client.destroy());
  await stack?.stop();
});

function dynamoAs(identity: RoleIdentity): DynamoDBClient {
  const client = new DynamoDBClient({
    region: stack.region,
    endpoint: stack.awsEndpoint,
    credentials: identity.credentials,
    maxAttempts: 1,
  });
  clients.push(client);
  return client;
}

const denial = (identity: RoleIdentity, action: string, resource: string) =>
  `User: ${identity.arn} is not authorized to perform: ${action} on resource: ${resource} ` +
  `because no identity-based policy allows the ${action} action`;

const tableArn = (table: string) => `arn:aws:dynamodb:${stack.region}:000000000000:table/${table}`;

describe('function roles', () => {
  it('lets the worker read totals and refuses it a scan of the activity log', async () => {
    const worker = stack.identities.functions['Worker']!;
    const client = dynamoAs(worker);
    await expect(
      client.send(
        new BatchGetItemCommand({
          RequestItems: {
            [scoresTable.name]: { Keys: [{ pk: { S: 'USER#nobody' }, sk: { S: 'TOTAL#global' } }] },
          },
        }),
      ),
    ).resolves.toBeDefined();
    // It reads activities by key (a reversal's), never the whole log.
    const refused = await client
      .send(new ScanCommand({ TableName: activitiesTable.name }))
      .catch((error: unknown) => error as Error);
    expect(refused).toMatchObject({ name: 'AccessDeniedException' });
    expect((refused as Error).message).toBe(denial(worker, 'dynamodb:Scan', tableArn(activitiesTable.name)));
  });

  it('lets the rebuilder query the score index and nothing of the activity log', async () => {
    const rebuilder = stack.identities.functions['RebuilderFunction']!;
    const client = dynamoAs(rebuilder);
    await expect(
      client.send(
        new QueryCommand({
          TableName: scoresTable.name,
          IndexName: 'byScore',
          KeyConditionExpression: 'shardKey = :shard',
          ExpressionAttributeValues: { ':shard': { S: 'global#0' } },
          Limit: 1,
        }),
      ),
    ).resolves.toBeDefined();
    await expect(
      client.send(
        new QueryCommand({
          TableName: activitiesTable.name,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': { S: 'ACT#x' } },
        }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });

  it('gives the authorizer, which calls no AWS API, nothing at all', async () => {
    const authorizer = stack.identities.functions['Authorizer']!;
    await expect(
      dynamoAs(authorizer).send(
        new GetItemCommand({ TableName: scoresTable.name, Key: { pk: { S: 'x' }, sk: { S: 'y' } } }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});

describe('data source and pipe roles', () => {
  it('lets the scores data source read and never write', async () => {
    const scores = stack.identities.dataSources['scores']!;
    const refused = await dynamoAs(scores)
      .send(new PutItemCommand({ TableName: scoresTable.name, Item: { pk: { S: 'x' }, sk: { S: 'y' } } }))
      .catch((error: unknown) => error as Error);
    expect((refused as Error).message).toBe(denial(scores, 'dynamodb:PutItem', tableArn(scoresTable.name)));
  });

  it('lets the pipe send only to the activities queue', async () => {
    const sqs = new SQSClient({
      region: stack.region,
      endpoint: stack.awsEndpoint,
      credentials: stack.identities.pipe.credentials,
      maxAttempts: 1,
    });
    clients.push(sqs);
    await expect(
      sqs.send(new SendMessageCommand({ QueueUrl: stack.queues.deadLetter.url, MessageBody: '{}' })),
    ).rejects.toMatchObject({ name: 'AccessDenied' });
  });
});

describe('IAM callers of the API', () => {
  async function publishAs(identity: RoleIdentity) {
    const url = new URL(stack.graphqlUrl);
    const body = JSON.stringify({
      query: 'mutation P($input: PublishLeaderboardInput!) { publishLeaderboard(input: $input) { boardId } }',
      variables: {
        input: { boardId: 'global', version: 1, asOf: new Date().toISOString(), entries: [] },
      },
    });
    const signer = new SignatureV4({
      service: 'appsync',
      region: stack.region,
      credentials: identity.credentials,
      sha256: Sha256,
    });
    const signed = await signer.sign(
      new HttpRequest({
        method: 'POST',
        protocol: url.protocol,
        hostname: url.hostname,
        port: Number(url.port),
        path: url.pathname,
        headers: { host: url.host, 'content-type': 'application/json' },
        body,
      }),
    );
    const response = await fetch(url, { method: 'POST', headers: signed.headers, body });
    return (await response.json()) as { data?: unknown; errors?: Array<{ errorType?: string }> };
  }

  it('lets the rebuilder publish and refuses the same call signed by the worker', async () => {
    const published = await publishAs(stack.identities.functions['RebuilderFunction']!);
    expect(published.errors).toBeUndefined();
    const refused = await publishAs(stack.identities.functions['Worker']!);
    expect(refused.errors?.[0]?.errorType).toBe('Unauthorized');
  });
});
