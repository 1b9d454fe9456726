/**
 * AWS_LAMBDA: calls the authorizer with AppSync's event and caches each result per token for
 * `ttlOverride` seconds, or the API's `authorizerResultTtlInSeconds` when the result sets none.
 */
import { randomUUID } from 'node:crypto';
import { NotAuthorizedError } from '../errors.ts';
import type { AppSyncAuthorizerResult, AuthorizedCaller, LambdaAuthorizer } from './modes.ts';

export interface AuthorizerRequestContext {
  readonly token: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly queryString: string;
  readonly operationName?: string;
  readonly variables: Readonly<Record<string, unknown>>;
}

/** `arn:aws:appsync:<region>:<account>:apis/<id>/types/<Type>/fields/<field>` → `Type.field`. */
function normalizeDeniedField(entry: string): string {
  const arn = /\/types\/([^/]+)\/fields\/([^/]+)$/.exec(entry);
  return arn ? `${arn[1]}.${arn[2]}` : entry;
}

interface CachedResult {
  readonly result: AppSyncAuthorizerResult;
  readonly expiresAt: number;
}

export class LambdaAuthorization {
  private readonly cache = new Map<string, CachedResult>();

  constructor(
    private readonly authorizer: LambdaAuthorizer,
    private readonly api: { readonly apiId: string; readonly accountId: string },
    private readonly defaultTtlSeconds: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** How many times the authorizer itself ran (cache misses); for logs and tests. */
  invocations = 0;

  async authorize(request: AuthorizerRequestContext): Promise<AuthorizedCaller> {
    const result = await this.resultFor(request);
    if (!result.isAuthorized) throw new NotAuthorizedError();
    return {
      mode: 'AWS_LAMBDA',
      identity: { resolverContext: { ...(result.resolverContext ?? {}) } },
      deniedFields: new Set((result.deniedFields ?? []).map(normalizeDeniedField)),
      groups: [],
    };
  }

  private async resultFor(request: AuthorizerRequestContext): Promise<AppSyncAuthorizerResult> {
    const now = Date.now();
    const cached = this.cache.get(request.token);
    if (cached && cached.expiresAt > now) return cached.result;
    this.cache.delete(request.token);

    let result: AppSyncAuthorizerResult;
    try {
      this.invocations += 1;
      result = await this.authorizer({
        authorizationToken: request.token,
        requestContext: {
          apiId: this.api.apiId,
          accountId: this.api.accountId,
          requestId: randomUUID(),
          queryString: request.queryString,
          ...(request.operationName ? { operationName: request.operationName } : {}),
          variables: { ...request.variables },
        },
        requestHeaders: { ...request.headers },
      });
    } catch (error) {
      // AppSync answers a failing authorizer as a refusal; the cause goes to the log.
      this.onError(error);
      throw new NotAuthorizedError();
    }
    if (typeof result !== 'object' || result === null || typeof result.isAuthorized !== 'boolean') {
      this.onError(new Error('Lambda authorizer returned no boolean isAuthorized'));
      throw new NotAuthorizedError();
    }
    const ttlSeconds = result.ttlOverride ?? this.defaultTtlSeconds;
    if (ttlSeconds > 0) this.cache.set(request.token, { result, expiresAt: now + ttlSeconds * 1000 });
    return result;
  }
}
