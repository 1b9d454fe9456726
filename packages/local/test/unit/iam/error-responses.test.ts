import { describe, expect, it } from 'vitest';
import { errorResponse } from '../../../src/iam/error-responses.ts';
import { AccessDeniedError, UnrecognizedClientError } from '../../../src/iam/errors.ts';

const denial = (action: string, resource: string) =>
  new AccessDeniedError({
    principalArn: 'arn:aws:sts::123456789012:assumed-role/r/r',
    action,
    resource,
    explicit: false,
  });

describe('errorResponse', () => {
  it('answers a DynamoDB denial with 400, the coral type and the text under Message', () => {
    const answer = errorResponse(
      denial('dynamodb:PutItem', 'arn:aws:dynamodb:us-east-1:123456789012:table/T'),
      'dynamodb',
      {},
    );
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(JSON.parse(answer.body)).toEqual({
      __type: 'com.amazon.coral.service#AccessDeniedException',
      Message:
        'User: arn:aws:sts::123456789012:assumed-role/r/r is not authorized to perform: dynamodb:PutItem on resource: ' +
        'arn:aws:dynamodb:us-east-1:123456789012:table/T because no identity-based policy allows the dynamodb:PutItem action',
    });
  });

  it('words an explicit deny as AWS does', () => {
    const error = new AccessDeniedError({ principalArn: 'p', action: 'a', resource: 'r', explicit: true });
    expect(error.message).toBe(
      'User: p is not authorized to perform: a on resource: r with an explicit deny in an identity-based policy',
    );
  });

  it('gives a query-compatible SQS client the query error code in x-amzn-query-error', () => {
    const queue = 'arn:aws:sqs:us-east-1:123456789012:q';
    const compatible = errorResponse(denial('sqs:sendmessage', queue), 'sqs', {
      'x-amzn-query-mode': 'true',
    });
    expect(compatible.status).toBe(400);
    expect(compatible.headers['x-amzn-query-error']).toBe('AccessDenied;Sender');
    expect(JSON.parse(compatible.body)).toMatchObject({
      __type: 'com.amazon.coral.service#AccessDeniedException',
    });
    expect(
      errorResponse(denial('sqs:sendmessage', queue), 'sqs', {}).headers['x-amzn-query-error'],
    ).toBeUndefined();
  });

  it('answers an unknown access key as each service does', () => {
    const dynamodb = errorResponse(new UnrecognizedClientError(), 'dynamodb', {});
    expect([dynamodb.status, JSON.parse(dynamodb.body)]).toEqual([
      400,
      {
        __type: 'com.amazon.coral.service#UnrecognizedClientException',
        message: 'The security token included in the request is invalid.',
      },
    ]);
    const sqs = errorResponse(new UnrecognizedClientError(), 'sqs', { 'x-amzn-query-mode': 'true' });
    expect([sqs.status, sqs.headers['x-amzn-query-error']]).toEqual([403, 'InvalidClientTokenId;Sender']);
  });
});
