import { describe, expect, it } from 'vitest';
import { InvalidPolicyError } from '../../../src/iam/errors.ts';
import {
  PrincipalPolicy,
  type AuthorizationCheck,
  type IamPolicyDocument,
} from '../../../src/iam/policy-evaluation.ts';

const scope = { region: 'us-east-1', accountId: '123456789012' };
const principalArn = 'arn:aws:sts::123456789012:assumed-role/worker/worker';
const scores = 'arn:aws:dynamodb:us-east-1:123456789012:table/Scores';
const facts = { sourceIp: '127.0.0.1', userAgent: 'test', time: new Date('2026-01-01T00:00:00Z') };

const policyOf = (...Statement: IamPolicyDocument['Statement'][]) =>
  new PrincipalPolicy(
    principalArn,
    { Version: '2012-10-17', Statement: Statement.flat() },
    scope.region,
    scope.accountId,
  );
const check = (action: string, resource: string, context?: Record<string, string>): AuthorizationCheck => ({
  action,
  resource,
  ...(context ? { context } : {}),
});

describe('PrincipalPolicy', () => {
  it('allows what a statement allows and reports the first check it does not', async () => {
    const policy = policyOf({
      Effect: 'Allow',
      Action: ['dynamodb:GetItem', 'dynamodb:PutItem'],
      Resource: scores,
    });
    expect(
      await policy.firstDenial([check('dynamodb:GetItem', scores), check('dynamodb:PutItem', scores)], facts),
    ).toBe(undefined);
    const denied = check('dynamodb:DeleteItem', scores);
    expect(await policy.firstDenial([check('dynamodb:GetItem', scores), denied], facts)).toEqual({
      check: denied,
      explicit: false,
    });
  });

  it('tells an explicit deny from an implicit one', async () => {
    const policy = policyOf(
      { Effect: 'Allow', Action: 'dynamodb:*', Resource: '*' },
      { Effect: 'Deny', Action: 'dynamodb:DeleteTable', Resource: scores },
    );
    expect(await policy.firstDenial([check('dynamodb:DeleteTable', scores)], facts)).toMatchObject({
      explicit: true,
    });
  });

  it('does not let the table ARN cover its indexes', async () => {
    const policy = policyOf({ Effect: 'Allow', Action: 'dynamodb:Query', Resource: scores });
    expect(
      await policy.firstDenial([check('dynamodb:Query', `${scores}/index/byScore`)], facts),
    ).toBeDefined();
    const withIndex = policyOf({ Effect: 'Allow', Action: 'dynamodb:Query', Resource: `${scores}/index/*` });
    expect(
      await withIndex.firstDenial([check('dynamodb:Query', `${scores}/index/byScore`)], facts),
    ).toBeUndefined();
  });

  it('evaluates conditions on the request condition keys, request by request', async () => {
    const policy = policyOf({
      Effect: 'Allow',
      Action: 'dynamodb:PutItem',
      Resource: scores,
      Condition: { StringEquals: { 'dynamodb:EnclosingOperation': 'TransactWriteItems' } },
    });
    const inTransaction = check('dynamodb:PutItem', scores, {
      'dynamodb:EnclosingOperation': 'TransactWriteItems',
    });
    expect(await policy.firstDenial([inTransaction], facts)).toBeUndefined();
    expect(await policy.firstDenial([check('dynamodb:PutItem', scores)], facts)).toBeDefined();
  });

  it('sets global condition keys from the request', async () => {
    const policy = policyOf({
      Effect: 'Allow',
      Action: 'sqs:SendMessage',
      Resource: '*',
      Condition: {
        IpAddress: { 'aws:SourceIp': '127.0.0.0/8' },
        ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/worker' },
        DateLessThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' },
      },
    });
    const send = [check('sqs:SendMessage', 'arn:aws:sqs:us-east-1:123456789012:activities')];
    expect(await policy.firstDenial(send, facts)).toBeUndefined();
    expect(await policy.firstDenial(send, { ...facts, sourceIp: '10.1.2.3' })).toBeDefined();
    expect(
      await policy.firstDenial(send, { ...facts, time: new Date('2027-06-01T00:00:00Z') }),
    ).toBeDefined();
  });

  it('refuses to start with an invalid policy', () => {
    expect(() => policyOf({ Effect: 'Allow', Resource: scores } as never)).toThrow(InvalidPolicyError);
  });
});
