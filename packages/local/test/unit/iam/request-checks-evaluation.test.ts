/** Every check the gateway's request mappings produce is one the policy evaluator can decide. */
import { PrincipalPolicy } from 'appsync-local/iam';
import { describe, expect, it } from 'vitest';
import { dynamodbChecks, dynamodbStreamsChecks } from '../../../src/iam/dynamodb-requests.ts';
import { sqsChecks } from '../../../src/iam/sqs-requests.ts';

const scope = { region: 'us-east-1', accountId: '123456789012' };
const principalArn = 'arn:aws:sts::123456789012:assumed-role/worker/worker';
const facts = { sourceIp: '127.0.0.1', userAgent: 'test', time: new Date('2026-01-01T00:00:00Z') };

describe('the request mappings and the policy evaluator', () => {
  it('can evaluate every check the request mappings produce', async () => {
    const queueUrl = { QueueUrl: 'http://127.0.0.1:1/000000000000/q' };
    const streamArn =
      'arn:aws:dynamodb:ddblocal:000000000000:table/Activities/stream/2026-01-01T00:00:00.000';
    const checks = [
      ...[
        'GetItem',
        'PutItem',
        'UpdateItem',
        'DeleteItem',
        'DescribeTable',
        'CreateTable',
        'UpdateTimeToLive',
      ].flatMap((operation) => dynamodbChecks(operation, { TableName: 'Scores' }, scope)),
      ...dynamodbChecks('Query', { TableName: 'Scores', IndexName: 'byScore' }, scope),
      ...dynamodbChecks('ListTables', {}, scope),
      ...dynamodbChecks('BatchWriteItem', { RequestItems: { Scores: [] } }, scope),
      ...dynamodbChecks(
        'TransactWriteItems',
        { TransactItems: [{ ConditionCheck: { TableName: 'Scores' } }] },
        scope,
      ),
      ...dynamodbStreamsChecks('GetRecords', { ShardIterator: `${streamArn}|1|x` }, scope),
      ...dynamodbStreamsChecks('ListStreams', {}, scope),
      ...[
        'SendMessageBatch',
        'ReceiveMessage',
        'DeleteMessageBatch',
        'ChangeMessageVisibilityBatch',
        'GetQueueAttributes',
      ].flatMap((operation) => sqsChecks(operation, queueUrl, scope)),
      ...sqsChecks('ListQueues', {}, scope),
      ...sqsChecks('StartMessageMoveTask', { SourceArn: 'arn:aws:sqs:us-east-1:000000000000:dlq' }, scope),
    ];
    const everything = new PrincipalPolicy(
      principalArn,
      {
        Version: '2012-10-17',
        Statement: { Effect: 'Allow', Action: ['dynamodb:*', 'sqs:*'], Resource: '*' },
      },
      scope.region,
      scope.accountId,
    );
    expect(await everything.firstDenial(checks, facts)).toBeUndefined();
  });
});
