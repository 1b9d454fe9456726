/**
 * What the IAM gateway refuses, one class per AWS error code. `error-responses.ts` turns each
 * into the status, headers and body the service it stands in for would send.
 */

/** A request the gateway answers itself, as AWS would, instead of forwarding it. */
export abstract class GatewayRefusal extends Error {
  /** The coral error name, as in `com.amazon.coral.service#<code>`. */
  abstract readonly code: string;
}

export class MissingAuthenticationTokenError extends GatewayRefusal {
  override readonly name = 'MissingAuthenticationTokenError';
  readonly code = 'MissingAuthenticationTokenException';
  constructor() {
    super('Request is missing Authentication Token');
  }
}

/** An Authorization header that is not a complete SigV4 header. */
export class IncompleteSignatureError extends GatewayRefusal {
  override readonly name = 'IncompleteSignatureError';
  readonly code = 'IncompleteSignatureException';
}

export class UnrecognizedClientError extends GatewayRefusal {
  override readonly name = 'UnrecognizedClientError';
  readonly code = 'UnrecognizedClientException';
  constructor() {
    super('The security token included in the request is invalid.');
  }
}

export class InvalidSignatureError extends GatewayRefusal {
  override readonly name = 'InvalidSignatureError';
  readonly code = 'InvalidSignatureException';
  constructor(
    message = 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  ) {
    super(message);
  }
}

export interface DeniedCheck {
  readonly principalArn: string;
  /** `service:Action` as the service spells it in its message (SQS writes it in lower case). */
  readonly action: string;
  readonly resource: string;
  readonly explicit: boolean;
}

export class AccessDeniedError extends GatewayRefusal {
  override readonly name = 'AccessDeniedError';
  readonly code = 'AccessDeniedException';
  constructor(readonly denied: DeniedCheck) {
    const { principalArn, action, resource, explicit } = denied;
    super(
      `User: ${principalArn} is not authorized to perform: ${action} on resource: ${resource} ` +
        (explicit
          ? 'with an explicit deny in an identity-based policy'
          : `because no identity-based policy allows the ${action} action`),
    );
  }
}

/**
 * An `X-Amz-Target` the gateway does not serve (or none), or an operation whose resources it
 * cannot tell: refused rather than forwarded unchecked.
 */
export class UnknownOperationError extends GatewayRefusal {
  override readonly name = 'UnknownOperationError';
  readonly code = 'UnknownOperationException';
}

/** A body that is not the JSON object the operation takes, or lacks the field naming its resource. */
export class SerializationError extends GatewayRefusal {
  override readonly name = 'SerializationError';
  readonly code = 'SerializationException';
}

/** A request without the field that names its resource (no TableName, no QueueUrl). */
export class ValidationError extends GatewayRefusal {
  override readonly name = 'ValidationError';
  readonly code = 'ValidationException';
}

export class RequestTooLargeError extends GatewayRefusal {
  override readonly name = 'RequestTooLargeError';
  readonly code = 'RequestEntityTooLarge';
  constructor(limitBytes: number) {
    super(`Request body is larger than ${limitBytes} bytes.`);
  }
}

/** The gateway itself failed (the policy simulator rejected its input, the emulator is down). */
export class GatewayInternalError extends GatewayRefusal {
  override readonly name = 'GatewayInternalError';
  readonly code = 'InternalFailure';
  constructor(readonly detail: string) {
    super('The request processing has failed because of an unknown error, exception or failure.');
  }
}
