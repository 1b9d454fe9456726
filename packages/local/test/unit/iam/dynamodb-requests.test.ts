import { describe, expect, it } from 'vitest';
import { dynamodbChecks, dynamodbStreamsChecks } from '../../../src/iam/dynamodb-requests.ts';
import { UnknownOperationError, ValidationError } from '../../../src/iam/errors.ts';

const scope = { region: 'eu-west-1', accountId: '123456789012' };
const table = (name: string) => `arn:aws:dynamodb:eu-west-1:123456789012:table/${name}`;

describe('DynamoDB requests → IAM checks', () => {
  it('checks an item operation as dynamodb:<Operation> on the table, with the condition keys it sets', () => {
    expect(
      dynamodbChecks('PutItem', { TableName: 'Scores', Item: {}, ReturnValues: 'ALL_OLD' }, scope),
    ).toEqual([
      {
        action: 'dynamodb:PutItem',
        resource: table('Scores'),
        context: { 'dynamodb:ReturnValues': 'ALL_OLD' },
      },
    ]);
  });

  it('checks a Query or Scan with IndexName on the index ARN, and without it on the table', () => {
    expect(dynamodbChecks('Query', { TableName: 'Scores', IndexName: 'byScore' }, scope)).toEqual([
      { action: 'dynamodb:Query', resource: `${table('Scores')}/index/byScore`, context: {} },
    ]);
    expect(dynamodbChecks('Scan', { TableName: 'Scores', Select: 'COUNT' }, scope)).toEqual([
      { action: 'dynamodb:Scan', resource: table('Scores'), context: { 'dynamodb:Select': 'COUNT' } },
    ]);
  });

  it('checks each TransactWriteItems entry with its own action on its own table', () => {
    const checks = dynamodbChecks(
      'TransactWriteItems',
      {
        TransactItems: [
          { Put: { TableName: 'Activities', Item: {} } },
          { Update: { TableName: 'Scores', Key: {} } },
          { Delete: { TableName: 'Scores', Key: {} } },
          { ConditionCheck: { TableName: 'Activities', Key: {} } },
        ],
      },
      scope,
    );
    const enclosing = { 'dynamodb:EnclosingOperation': 'TransactWriteItems' };
    expect(checks).toEqual([
      { action: 'dynamodb:PutItem', resource: table('Activities'), context: enclosing },
      { action: 'dynamodb:UpdateItem', resource: table('Scores'), context: enclosing },
      { action: 'dynamodb:DeleteItem', resource: table('Scores'), context: enclosing },
      { action: 'dynamodb:ConditionCheckItem', resource: table('Activities'), context: enclosing },
    ]);
  });

  it('checks each TransactGetItems entry as dynamodb:GetItem', () => {
    expect(
      dynamodbChecks(
        'TransactGetItems',
        { TransactItems: [{ Get: { TableName: 'Scores', Key: {} } }] },
        scope,
      ),
    ).toEqual([
      {
        action: 'dynamodb:GetItem',
        resource: table('Scores'),
        context: { 'dynamodb:EnclosingOperation': 'TransactGetItems' },
      },
    ]);
  });

  it('checks a batch once per table it names', () => {
    const body = { RequestItems: { Scores: { Keys: [] }, Activities: { Keys: [] } } };
    expect(
      dynamodbChecks('BatchGetItem', body, scope).map(({ action, resource }) => [action, resource]),
    ).toEqual([
      ['dynamodb:BatchGetItem', table('Scores')],
      ['dynamodb:BatchGetItem', table('Activities')],
    ]);
    expect(
      dynamodbChecks('BatchWriteItem', { RequestItems: { Scores: [] } }, scope).map((check) => check.action),
    ).toEqual(['dynamodb:BatchWriteItem']);
  });

  it('checks table-level calls on the table, and ListTables on *', () => {
    expect(dynamodbChecks('DescribeTable', { TableName: 'Scores' }, scope)[0]?.resource).toBe(
      table('Scores'),
    );
    expect(dynamodbChecks('CreateTable', { TableName: 'Scores' }, scope)[0]?.action).toBe(
      'dynamodb:CreateTable',
    );
    expect(dynamodbChecks('ListTables', {}, scope)).toEqual([
      { action: 'dynamodb:ListTables', resource: '*' },
    ]);
  });

  it('checks tagging calls on the ARN they name, moved into the gateway region and account', () => {
    expect(
      dynamodbChecks(
        'ListTagsOfResource',
        { ResourceArn: 'arn:aws:dynamodb:ddblocal:000000000000:table/Scores' },
        scope,
      ),
    ).toEqual([{ action: 'dynamodb:ListTagsOfResource', resource: table('Scores') }]);
  });

  it('refuses a request without TableName, and an operation whose resources it cannot tell', () => {
    expect(() => dynamodbChecks('GetItem', { Key: {} }, scope)).toThrow(ValidationError);
    expect(() => dynamodbChecks('TransactWriteItems', { TransactItems: [{ Bogus: {} }] }, scope)).toThrow(
      ValidationError,
    );
    expect(() => dynamodbChecks('ExecuteStatement', { Statement: 'SELECT * FROM Scores' }, scope)).toThrow(
      UnknownOperationError,
    );
  });
});

describe('DynamoDB Streams requests → IAM checks', () => {
  const localStream =
    'arn:aws:dynamodb:ddblocal:000000000000:table/Activities/stream/2026-01-01T00:00:00.000';
  const stream = `${table('Activities')}/stream/2026-01-01T00:00:00.000`;

  it('checks DescribeStream and GetShardIterator on the stream ARN in the gateway region and account', () => {
    expect(dynamodbStreamsChecks('DescribeStream', { StreamArn: localStream }, scope)).toEqual([
      { action: 'dynamodb:DescribeStream', resource: stream },
    ]);
    expect(
      dynamodbStreamsChecks('GetShardIterator', { StreamArn: localStream, ShardId: 's' }, scope),
    ).toEqual([{ action: 'dynamodb:GetShardIterator', resource: stream }]);
  });

  it('checks GetRecords on the stream its shard iterator belongs to', () => {
    expect(
      dynamodbStreamsChecks('GetRecords', { ShardIterator: `${localStream}|001|c2hhcmQ=` }, scope),
    ).toEqual([{ action: 'dynamodb:GetRecords', resource: stream }]);
    expect(() => dynamodbStreamsChecks('GetRecords', { ShardIterator: 'opaque' }, scope)).toThrow(
      ValidationError,
    );
  });

  it('checks ListStreams on *', () => {
    expect(dynamodbStreamsChecks('ListStreams', { TableName: 'Activities' }, scope)).toEqual([
      { action: 'dynamodb:ListStreams', resource: '*' },
    ]);
  });
});
