/**
 * A gateway refusal as the service it stands in for sends it over the AWS JSON 1.0 protocol:
 * `{"__type": "com.amazon.coral.service#<Code>", "message": ...}`. DynamoDB writes an access
 * denial's text under `Message`. SQS is query-compatible: to a client that says so with
 * `x-amzn-query-mode: true` it also names the error by its query-protocol code in
 * `x-amzn-query-error` (`AccessDenied;Sender`), which is the name the SDK then gives the error.
 */
import { randomUUID } from 'node:crypto';
import { AccessDeniedError, type GatewayRefusal } from './errors.ts';

export type ErrorDialect = 'dynamodb' | 'sqs';

export interface ErrorResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

interface QueryCompatibleCode {
  readonly code: string;
  readonly status: number;
}

/** SQS's query-protocol code and status for each coral error the gateway sends. */
const sqsQueryCodes: Readonly<Record<string, QueryCompatibleCode>> = {
  AccessDeniedException: { code: 'AccessDenied', status: 400 },
  UnrecognizedClientException: { code: 'InvalidClientTokenId', status: 403 },
  InvalidSignatureException: { code: 'SignatureDoesNotMatch', status: 403 },
  IncompleteSignatureException: { code: 'IncompleteSignature', status: 400 },
  MissingAuthenticationTokenException: { code: 'MissingAuthenticationToken', status: 403 },
  UnknownOperationException: { code: 'InvalidAction', status: 400 },
  SerializationException: { code: 'InvalidParameterValue', status: 400 },
  ValidationException: { code: 'MissingParameter', status: 400 },
  RequestEntityTooLarge: { code: 'RequestEntityTooLarge', status: 413 },
  InternalFailure: { code: 'InternalFailure', status: 500 },
};

/** DynamoDB answers every refusal with 400, except its own failures and oversized bodies. */
const dynamodbStatuses: Readonly<Record<string, number>> = {
  InternalFailure: 500,
  RequestEntityTooLarge: 413,
};

const coralNamespace = (code: string): string =>
  code === 'ValidationException' ? 'com.amazon.coral.validate' : 'com.amazon.coral.service';

export function errorResponse(
  refusal: GatewayRefusal,
  dialect: ErrorDialect,
  requestHeaders: Readonly<Record<string, string>>,
): ErrorResponse {
  const headers: Record<string, string> = {
    'content-type': 'application/x-amz-json-1.0',
    'x-amzn-requestid': randomUUID(),
  };
  const type = `${coralNamespace(refusal.code)}#${refusal.code}`;
  if (dialect === 'dynamodb') {
    const messageKey = refusal instanceof AccessDeniedError ? 'Message' : 'message';
    return {
      status: dynamodbStatuses[refusal.code] ?? 400,
      headers,
      body: JSON.stringify({ __type: type, [messageKey]: refusal.message }),
    };
  }
  const query = sqsQueryCodes[refusal.code] ?? { code: refusal.code, status: 400 };
  if (requestHeaders['x-amzn-query-mode'] === 'true') {
    headers['x-amzn-query-error'] = `${query.code};${query.status >= 500 ? 'Receiver' : 'Sender'}`;
  }
  return { status: query.status, headers, body: JSON.stringify({ __type: type, message: refusal.message }) };
}
