/**
 * The gateway's observer: forwards a call it let through, reads the emulator's answer whole,
 * shows both to `onExchange`, then answers the caller (or, for a fault test, answers with an
 * error after the emulator applied the call). With `measureCapacity` it asks DynamoDB
 * for the capacity each call consumed and hides that from callers that did not ask for it, so
 * what the code under test sends and receives is unchanged.
 */
import { randomUUID } from 'node:crypto';
import {
  request as httpRequest,
  type Agent,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import type { WrittenItem } from '../aws/write-billing.ts';
import { isRecord, type RequestBody } from './request-body.ts';
import type { PendingImages, WriteImages } from './write-images.ts';

export type CapacityLevel = 'TOTAL' | 'INDEXES';

/** Who called what, as the gateway authorized it. */
export interface ObservedCall {
  readonly principalArn: string;
  /** The API as `X-Amz-Target` names it: `DynamoDB_20120810`, `DynamoDBStreams_20120810`, `AmazonSQS`. */
  readonly api: string;
  readonly operation: string;
}

/** An error answer AWS could give: `type` as the JSON protocol's `__type`. */
export interface InjectedFault {
  readonly status: number;
  readonly type: string;
  readonly message: string;
  /** Answer with the error after the emulator applied the call (its answer lost on the way back). */
  readonly afterApplying?: boolean;
}

export interface FaultContext extends ObservedCall {
  readonly request: RequestBody;
}

/** One call the gateway let through and what the emulator answered. */
export interface GatewayExchange extends ObservedCall {
  readonly request: RequestBody;
  readonly status: number;
  /** The answer's JSON body; empty when it had none or it was not JSON. */
  readonly response: RequestBody;
  /**
   * A measured TransactWriteItems: each item it writes, before and after (DynamoDB Local's own
   * `ConsumedCapacity` for transactions does not follow AWS's billing).
   */
  readonly writes?: readonly WrittenItem[];
}

export interface Forwarding {
  readonly request: IncomingMessage;
  readonly body: Buffer;
  readonly target: URL;
  readonly response: ServerResponse;
  readonly onUnreachable: (error: Error) => void;
}

/** The DynamoDB operations that take `ReturnConsumedCapacity`. */
const capacityOperations = new Set([
  'GetItem',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'Query',
  'Scan',
  'BatchGetItem',
  'BatchWriteItem',
  'TransactGetItems',
  'TransactWriteItems',
]);

const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection']);

export class ExchangeObserver {
  constructor(
    private readonly onExchange: ((exchange: GatewayExchange) => void) | undefined,
    private readonly measureCapacity: CapacityLevel | undefined,
    private readonly agent: Agent,
    private readonly images?: WriteImages,
  ) {}

  /** Passes the call on; with `fault`, the caller gets the fault instead of the emulator's answer. */
  forward(call: ObservedCall, forwarding: Forwarding, fault?: InjectedFault): void {
    const request = parseJson(forwarding.body);
    const measured = this.measures(call, request);
    if (measured && this.images && call.operation === 'TransactWriteItems') {
      // The images before go first; without them the call is still passed on, just not priced from them.
      this.images.before(request).then(
        (pending) => this.send(call, forwarding, fault, request, measured, pending),
        () => this.send(call, forwarding, fault, request, measured, undefined),
      );
      return;
    }
    this.send(call, forwarding, fault, request, measured, undefined);
  }

  private send(
    call: ObservedCall,
    forwarding: Forwarding,
    fault: InjectedFault | undefined,
    request: RequestBody,
    measured: boolean,
    images: PendingImages | undefined,
  ): void {
    const body = measured
      ? Buffer.from(JSON.stringify({ ...request, ReturnConsumedCapacity: this.measureCapacity }))
      : forwarding.body;
    const headers: OutgoingHttpHeaders = withoutHopByHop(forwarding.request.headers);
    headers['content-length'] = String(body.length);
    const upstream = httpRequest(
      {
        hostname: forwarding.target.hostname,
        port: forwarding.target.port,
        method: forwarding.request.method,
        path: forwarding.request.url,
        headers,
        agent: this.agent,
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('error', (error) => forwarding.response.destroy(error));
        answer.on('end', async () => {
          const raw = Buffer.concat(chunks);
          const parsed = parseJson(raw);
          const writes = await images?.after().catch(() => undefined);
          this.report({
            ...call,
            request,
            status: answer.statusCode ?? 502,
            response: parsed,
            ...(writes ? { writes } : {}),
          });
          if (fault) {
            sendFault(forwarding.response, fault);
            return;
          }
          const { ConsumedCapacity: _hidden, ...rest } = parsed;
          const passed = measured && 'ConsumedCapacity' in parsed ? Buffer.from(JSON.stringify(rest)) : raw;
          const answerHeaders = withoutHopByHop(answer.headers);
          answerHeaders['content-length'] = String(passed.length);
          // The CRC32 DynamoDB sends covers the body it sent, not the one passed on.
          if (passed !== raw) delete answerHeaders['x-amz-crc32'];
          forwarding.response.writeHead(answer.statusCode ?? 502, answerHeaders);
          forwarding.response.end(passed);
        });
      },
    );
    upstream.on('error', (error) => {
      if (forwarding.response.headersSent) forwarding.response.destroy(error);
      else forwarding.onUnreachable(error);
    });
    upstream.end(body);
  }

  /** True when this call's capacity is asked for on the caller's behalf (the caller did not ask). */
  private measures(call: ObservedCall, request: RequestBody): boolean {
    return (
      this.measureCapacity !== undefined &&
      call.api === 'DynamoDB_20120810' &&
      capacityOperations.has(call.operation) &&
      (request['ReturnConsumedCapacity'] === undefined || request['ReturnConsumedCapacity'] === 'NONE')
    );
  }

  /** An observer's failure must not fail the call it watched. */
  private report(exchange: GatewayExchange): void {
    try {
      this.onExchange?.(exchange);
    } catch (error) {
      process.stderr.write(`IAM gateway observer failed: ${(error as Error).message}\n`);
    }
  }
}

export function sendFault(response: ServerResponse, fault: InjectedFault): void {
  const body = JSON.stringify({ __type: fault.type, message: fault.message });
  response.writeHead(fault.status, {
    'content-type': 'application/x-amz-json-1.0',
    'content-length': Buffer.byteLength(body),
    'x-amzn-requestid': randomUUID(),
  });
  response.end(body);
}

export function parseJson(raw: Buffer): RequestBody {
  if (raw.length === 0) return {};
  try {
    const parsed: unknown = JSON.parse(raw.toString('utf8'));
    return isRecord(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

function withoutHopByHop(headers: IncomingMessage['headers']): OutgoingHttpHeaders {
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !hopByHop.has(name)) kept[name] = value;
  }
  return kept;
}
