/** How a local stack is started, and what a started one offers. */
import type { ApiUsage } from 'appsync-local';
import type { MintTokenRequest } from 'appsync-local/issuer';
import type { LocalQueuePair } from '../aws/queues.ts';
import type { SqsEventSourceMapping, SqsHandler } from '../emulators/event-source-mapping.ts';
import type { LocalScheduler } from '../emulators/scheduler.ts';
import type { StreamPipe } from '../emulators/stream-pipe.ts';
import type { IamGatewayOptions } from '../iam/gateway.ts';
import type { LocalFunctions } from './functions.ts';
import type { StackIdentities } from './roles.ts';

export interface LocalStackOptions {
  /**
   * Keep DynamoDB data on disk (under `dataDir`) instead of in memory, and keep what clients
   * hold on to (the API key, the issuer's signing key and port, the HTTPS certificate) in
   * `stateDir`, so tokens, dashboards and trusted certificates outlive a restart.
   */
  readonly persist?: boolean;
  /**
   * Where the stack keeps its files: the kept keys with `persist` (`.local` by default), and
   * the certificate's PEM with `https` (written only when a state folder is given).
   */
  readonly stateDir?: string;
  /** Where persisted data lives; `<stateDir>/dynamodb` by default. */
  readonly dataDir?: string;
  /** GraphQL port on 127.0.0.1; a free one when absent. */
  readonly port?: number;
  /** Run the rebuilder this often, one tick each, instead of the cloud's schedule and cadence. */
  readonly rebuildIntervalMs?: number;
  /** Log each operation, resolver timing, pipe delivery, worker batch and rebuild. */
  readonly verbose?: boolean;
  /** Serve HTTPS and WSS with a self-signed certificate. */
  readonly https?: boolean;
  /** Use this DynamoDB Local (tables are created if missing) instead of starting one; it is left running. */
  readonly dynamoEndpoint?: string;
  /** Overrides the queue's visibility timeout, so failed messages come back sooner (tests). */
  readonly queueVisibilityTimeoutSeconds?: number;
  /** Where the pipe starts in the stream: from its start (default) or from now (a shared database). */
  readonly streamStartingPosition?: 'TRIM_HORIZON' | 'LATEST';
  /** Wraps the worker handler, e.g. to fail chosen records on purpose in a fault test. */
  readonly wrapWorker?: (worker: SqsHandler) => SqsHandler;
  /** Human-readable log lines; stderr by default. */
  readonly log?: (line: string) => void;
  readonly bundlesDir?: string;
  readonly schemaFile?: string;
  /**
   * A built dashboard (`buildDashboard` from `@leaderboard/dashboard/build`) to serve on its own
   * loopback port; its config.json is written from this stack.
   */
  readonly dashboardDir?: string;
  /** The dashboard's loopback port; 0 (the default) picks a free one. */
  readonly dashboardPort?: number;
  /**
   * Start the functions' execution environments under Node's inspector: the first function on
   * this port, each next one on the next port (0: ports of the system's choosing, logged).
   */
  readonly inspectPort?: number;
  /**
   * Observers of what the stack uses, e.g. to count it for cost (every AWS call, every billed API
   * unit), and faults to inject into the roles' AWS calls (fault tests).
   */
  readonly observe?: {
    readonly aws?: Pick<IamGatewayOptions, 'onExchange' | 'measureCapacity' | 'injectFault'>;
    readonly api?: (usage: ApiUsage) => void;
  };
}

export interface LocalStack {
  readonly graphqlUrl: string;
  readonly realtimeUrl: string;
  readonly apiKey: string;
  readonly apiKeyExpiresAt: Date;
  readonly issuerUrl: string;
  readonly tokenService: { readonly url: string; readonly secret: string };
  /** The emulators themselves, for operators' tools and tests (no role, no IAM check). */
  readonly dynamoEndpoint: string;
  readonly sqsEndpoint: string;
  /** Where the stack's roles send their AWS calls: the IAM gateway. */
  readonly awsEndpoint: string;
  readonly queues: LocalQueuePair;
  readonly region: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** The roles' local identities (credentials and policies). */
  readonly identities: StackIdentities;
  /** The Java process of DynamoDB Local, when this stack started it. */
  readonly dynamoPid: number | undefined;
  /** The self-signed certificate's PEM with `https`. */
  readonly certificate: string | undefined;
  /** Where that PEM is written, for clients to trust. */
  readonly certificateFile: string | undefined;
  readonly pipe: StreamPipe;
  /** The worker's event source mapping: stop and start it to play an outage. */
  readonly worker: SqsEventSourceMapping;
  readonly rebuilder: LocalScheduler;
  readonly functions: LocalFunctions;
  /** The dashboard page, when `dashboardDir` was given. */
  readonly dashboardUrl: string | undefined;
  /** Active real-time subscriptions. */
  subscriptionCount(): number;
  mintToken(request: MintTokenRequest): Promise<string>;
  /**
   * Loads the resolver bundles again from `bundlesDir` after they were rebuilt; throws the
   * engine's ResolverLoadError and keeps serving the old ones if any new one cannot be used.
   */
  reloadResolvers(): void;
  /**
   * The named functions' (all, when none are named) next invocations cold-start with the
   * handler code on disk; the rebuilder's ticking invocation is ended and a new one runs until
   * the next scheduled one.
   */
  reloadHandlers(names?: readonly string[]): Promise<void>;
  /** Stops everything this stack started, DynamoDB Local's Java process included. */
  stop(): Promise<void>;
}
