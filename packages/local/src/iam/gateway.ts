/**
 * A local IAM gateway: an HTTP endpoint in front of DynamoDB Local (tables and Streams) and the
 * SQS emulator that lets through only the calls each caller's IAM identity policy allows, and
 * refuses the rest the way AWS does (HTTP 400, `AccessDeniedException`, AWS's wording).
 *
 * One endpoint serves all three APIs: every AWS JSON protocol request names its API and operation
 * in `X-Amz-Target` (`DynamoDB_20120810.PutItem`, `DynamoDBStreams_20120810.GetRecords`,
 * `AmazonSQS.SendMessage`), so a single port routes without guessing and every client of a
 * process is pointed at the same URL.
 *
 * For each request it:
 * 1. verifies the SigV4 signature with the secret of the signing access key, scoped to the
 *    gateway's region and to the service of the target (`dynamodb` or `sqs`);
 * 2. derives the IAM checks AWS makes for the operation (`dynamodb-requests.ts`,
 *    `sqs-requests.ts`): one action on one resource ARN per table, index, stream or queue, one
 *    per item of a transaction with the item's own action;
 * 3. evaluates each with `@cloud-copilot/iam-simulate` against the caller's identity policy, with
 *    the global condition keys the request gives (`aws:SourceIp`, `aws:CurrentTime`,
 *    `aws:PrincipalArn`, `aws:SecureTransport` = false, ...) and the DynamoDB keys it carries
 *    (`dynamodb:EnclosingOperation`, `dynamodb:ReturnValues`, `dynamodb:Select`,
 *    `dynamodb:ReturnConsumedCapacity`);
 * 4. forwards the request unchanged to the emulator and streams its answer back, or answers
 *    itself: unknown key → `UnrecognizedClientException`, bad signature →
 *    `InvalidSignatureException`, a denied check → `AccessDeniedException` naming the first
 *    denied action and resource. A transaction with one denied item is refused whole, before
 *    anything reaches the emulator.
 *
 * For measurements and fault tests (`exchange-observer.ts`), `onExchange` sees every call let
 * through with the emulator's answer, `measureCapacity` asks DynamoDB for the capacity each call
 * consumed (and hides it from callers that did not ask), and `injectFault` answers chosen calls
 * with an AWS error, before they reach the emulator or after it applied them.
 *
 * It does not enforce: resource-based policies (table, stream or queue policies), SCPs, RCPs,
 * permission boundaries, session policies, or the KMS permissions of encrypted resources; condition
 * keys it does not set (`dynamodb:LeadingKeys`, `dynamodb:Attributes`, `aws:ResourceTag/...`,
 * `aws:PrincipalTag/...`, ...) are absent, so a condition on them fails as it would on a request
 * without them. Operations whose resources it cannot tell (PartiQL, `CancelMessageMoveTask`) are
 * refused with `UnknownOperationException` rather than forwarded unchecked, and so are SQS
 * query-protocol (form-encoded) requests, which carry no `X-Amz-Target`. Responses are not
 * rewritten: a queue URL the emulator returns points at the emulator, so clients must keep using
 * the gateway as their endpoint.
 */
import { Agent, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, listen } from 'appsync-local/net';
import {
  PrincipalPolicy,
  SignatureRefusal,
  SignatureVerifier,
  type AuthorizationCheck,
  type IamPolicyDocument,
  type SignatureRefusalReason,
} from 'appsync-local/iam';
import {
  ExchangeObserver,
  parseJson,
  sendFault,
  type CapacityLevel,
  type FaultContext,
  type GatewayExchange,
  type InjectedFault,
  type ObservedCall,
} from './exchange-observer.ts';
import { WriteImages } from './write-images.ts';
import { parseRequestBody, type ArnScope, type RequestBody } from './request-body.ts';
import { dynamodbChecks, dynamodbStreamsChecks } from './dynamodb-requests.ts';
import { errorResponse, type ErrorDialect } from './error-responses.ts';
import { flattenHeaders, forward, queryOf, readBody } from './http-exchange.ts';
import {
  AccessDeniedError,
  GatewayInternalError,
  GatewayRefusal,
  IncompleteSignatureError,
  InvalidSignatureError,
  MissingAuthenticationTokenError,
  RequestTooLargeError,
  UnknownOperationError,
  UnrecognizedClientError,
} from './errors.ts';
import { sqsChecks } from './sqs-requests.ts';

export type { FaultContext, GatewayExchange, InjectedFault } from './exchange-observer.ts';

/** A refused signature in the words of the AWS JSON services the gateway stands in for. */
const gatewayRefusalFor: Readonly<Record<SignatureRefusalReason, (message: string) => Error>> = {
  missing: () => new MissingAuthenticationTokenError(),
  incomplete: (message) => new IncompleteSignatureError(message),
  'unknown-key': () => new UnrecognizedClientError(),
  invalid: (message) => new InvalidSignatureError(message),
};

export interface IamPrincipal {
  readonly secretAccessKey: string;
  /** The ARN AWS names the caller by, e.g. `arn:aws:sts::123456789012:assumed-role/worker/worker`. */
  readonly arn: string;
  readonly policy: IamPolicyDocument;
}

export interface IamGatewayOptions {
  /** Access key id → the principal that signs with it. */
  readonly principals: Readonly<Record<string, IamPrincipal>>;
  /** Emulator endpoints; DynamoDB Local serves the Streams API on its own endpoint. */
  readonly targets: { readonly dynamodb?: string; readonly sqs?: string };
  readonly region: string;
  /** The account the tables and queues are in, as policies name them. */
  readonly accountId: string;
  /** Defaults to a free port. */
  readonly port?: number;
  /** Where failures of the gateway itself are reported; clients only see `InternalFailure`. */
  readonly onInternalError?: (error: Error) => void;
  /**
   * Sees every call the gateway let through, with the emulator's answer (counting calls and
   * capacity for cost, tracing). With an observer, answers are read whole before they are passed on.
   */
  readonly onExchange?: (exchange: GatewayExchange) => void;
  /**
   * Asks DynamoDB for `ConsumedCapacity` at this level on every call that takes it, for
   * `onExchange` to count, and removes it again from answers to callers that did not ask.
   */
  readonly measureCapacity?: CapacityLevel;
  /**
   * Answers some authorized calls with an error instead of passing them on, or after the emulator
   * applied them: throttling and failures as AWS gives them, for fault tests.
   */
  readonly injectFault?: (call: FaultContext) => InjectedFault | undefined;
}

export interface IamGateway {
  /** The URL every DynamoDB, DynamoDB Streams and SQS client of the principals uses. */
  readonly endpoint: string;
  close(): Promise<void>;
}

interface ServiceRoute {
  readonly signingService: string;
  readonly dialect: ErrorDialect;
  readonly target: URL | undefined;
  readonly checks: (operation: string, body: RequestBody, scope: ArnScope) => AuthorizationCheck[];
  /** The action as the service writes it in a denial (SQS writes it in lower case). */
  readonly spellAction: (action: string) => string;
}

interface Principal {
  readonly secretAccessKey: string;
  readonly policy: PrincipalPolicy;
}

export async function startIamGateway(options: IamGatewayOptions): Promise<IamGateway> {
  const gateway = new GatewayHandler(options);
  const server = createServer((request, response) => void gateway.handle(request, response));
  const port = await listen(server, options.port ?? 0, '127.0.0.1');
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: async () => {
      await closeServer(server);
      gateway.close();
    },
  };
}

class GatewayHandler {
  private readonly principals = new Map<string, Principal>();
  private readonly routes: ReadonlyMap<string, ServiceRoute>;
  private readonly verifier: SignatureVerifier;
  private readonly scope: ArnScope;
  private readonly upstreamAgent = new Agent({ keepAlive: true });
  private readonly reportInternalError: (error: Error) => void;
  private readonly observer: ExchangeObserver | undefined;
  private readonly injectFault: IamGatewayOptions['injectFault'];
  private readonly writeImages: WriteImages | undefined;

  constructor(options: IamGatewayOptions) {
    this.scope = { region: options.region, accountId: options.accountId };
    for (const [accessKeyId, principal] of Object.entries(options.principals)) {
      const policy = new PrincipalPolicy(principal.arn, principal.policy, options.region, options.accountId);
      this.principals.set(accessKeyId, { secretAccessKey: principal.secretAccessKey, policy });
    }
    this.verifier = new SignatureVerifier((id) => this.principals.get(id)?.secretAccessKey, options.region);
    this.routes = serviceRoutes(options.targets);
    this.injectFault = options.injectFault;
    this.writeImages =
      options.measureCapacity && options.targets.dynamodb
        ? new WriteImages(options.targets.dynamodb, options.region)
        : undefined;
    this.observer =
      options.onExchange || options.injectFault
        ? new ExchangeObserver(
            options.onExchange,
            options.measureCapacity,
            this.upstreamAgent,
            this.writeImages,
          )
        : undefined;
    this.reportInternalError =
      options.onInternalError ??
      ((error) =>
        process.stderr.write(
          `IAM gateway: ${error instanceof GatewayInternalError ? error.detail : error.stack}\n`,
        ));
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const headers = flattenHeaders(request.headers);
    const route = this.routeOf(headers['x-amz-target']);
    try {
      const body = await readBody(request);
      if (!route)
        throw new UnknownOperationError(
          `Unknown operation ${headers['x-amz-target'] ?? '(no X-Amz-Target)'}.`,
        );
      const principal = await this.authorize(request, headers, body, route.service, route.operation);
      const call = { principalArn: principal.principalArn, api: route.api, operation: route.operation };
      const fault = this.injectFault?.({ ...call, request: parseJson(body) });
      if (fault && !fault.afterApplying) sendFault(response, fault);
      else this.passOn(request, body, route.service, response, headers, call, fault);
    } catch (error) {
      this.refuse(error, route?.service.dialect ?? 'dynamodb', headers, response);
    }
  }

  close(): void {
    this.upstreamAgent.destroy();
    this.writeImages?.close();
  }

  private routeOf(
    target: string | undefined,
  ): { service: ServiceRoute; api: string; operation: string } | undefined {
    const separator = target?.indexOf('.') ?? -1;
    if (!target || separator <= 0) return undefined;
    const api = target.slice(0, separator);
    const service = this.routes.get(api);
    const operation = target.slice(separator + 1);
    return service && operation ? { service, api, operation } : undefined;
  }

  private async authorize(
    request: IncomingMessage,
    headers: Record<string, string>,
    body: Buffer,
    route: ServiceRoute,
    operation: string,
  ): Promise<PrincipalPolicy> {
    const url = new URL(request.url ?? '/', 'http://gateway');
    const accessKeyId = await this.verifier
      .verify(
        {
          method: request.method ?? 'POST',
          path: decodeURIComponent(url.pathname),
          query: queryOf(url),
          headers,
          body,
        },
        route.signingService,
      )
      .catch((error: unknown) => {
        throw error instanceof SignatureRefusal ? gatewayRefusalFor[error.reason](error.message) : error;
      });
    const principal = this.principals.get(accessKeyId)!;
    const checks = route.checks(operation, parseRequestBody(body), this.scope);
    const denial = await principal.policy.firstDenial(checks, {
      sourceIp: (request.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
      userAgent: headers['user-agent'],
      time: new Date(),
    });
    if (denial) {
      throw new AccessDeniedError({
        principalArn: principal.policy.principalArn,
        action: route.spellAction(denial.check.action),
        resource: denial.check.resource,
        explicit: denial.explicit,
      });
    }
    return principal.policy;
  }

  private passOn(
    request: IncomingMessage,
    body: Buffer,
    route: ServiceRoute,
    response: ServerResponse,
    headers: Record<string, string>,
    call: ObservedCall,
    fault: InjectedFault | undefined,
  ): void {
    if (!route.target)
      throw new GatewayInternalError(`no emulator is configured for ${route.signingService}`);
    const onUnreachable = (error: Error) =>
      this.refuse(
        new GatewayInternalError(`${route.signingService} emulator: ${error.message}`),
        route.dialect,
        headers,
        response,
      );
    if (this.observer) {
      this.observer.forward(call, { request, body, target: route.target, response, onUnreachable }, fault);
    } else forward(request, body, route.target, response, this.upstreamAgent, onUnreachable);
  }

  private refuse(
    error: unknown,
    dialect: ErrorDialect,
    headers: Record<string, string>,
    response: ServerResponse,
  ): void {
    const refusal = error instanceof GatewayRefusal ? error : new GatewayInternalError(String(error));
    if (refusal instanceof GatewayInternalError) {
      this.reportInternalError(
        error instanceof Error && !(error instanceof GatewayRefusal) ? error : refusal,
      );
    }
    const answer = errorResponse(refusal, dialect, headers);
    response.writeHead(answer.status, {
      ...answer.headers,
      'content-length': Buffer.byteLength(answer.body),
      ...(refusal instanceof RequestTooLargeError ? { connection: 'close' } : {}),
    });
    response.end(answer.body);
  }
}

function serviceRoutes(targets: IamGatewayOptions['targets']): ReadonlyMap<string, ServiceRoute> {
  const dynamodbTarget = targets.dynamodb ? new URL(targets.dynamodb) : undefined;
  const asWritten = (action: string) => action;
  return new Map<string, ServiceRoute>([
    [
      'DynamoDB_20120810',
      {
        signingService: 'dynamodb',
        dialect: 'dynamodb',
        target: dynamodbTarget,
        checks: dynamodbChecks,
        spellAction: asWritten,
      },
    ],
    [
      'DynamoDBStreams_20120810',
      {
        signingService: 'dynamodb',
        dialect: 'dynamodb',
        target: dynamodbTarget,
        checks: dynamodbStreamsChecks,
        spellAction: asWritten,
      },
    ],
    [
      'AmazonSQS',
      {
        signingService: 'sqs',
        dialect: 'sqs',
        target: targets.sqs ? new URL(targets.sqs) : undefined,
        checks: sqsChecks,
        spellAction: (action) => action.toLowerCase(),
      },
    ],
  ]);
}
