/**
 * Publishing a snapshot to subscribers: the `PublishLeaderboard` mutation, which only IAM
 * callers may run, sent as a SigV4-signed POST (service `appsync`). The selection set is
 * every field of `Leaderboard`, since subscribers receive only what the mutation selected.
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { PublishLeaderboardDocument } from '@leaderboard/core/generated/operations';
import type { PublishLeaderboardInput } from '@leaderboard/core/generated/schema';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { print } from 'graphql';

/** Sends one snapshot to subscribers; rejects when it did not get there. */
export type LeaderboardPublisher = (input: PublishLeaderboardInput) => Promise<void>;

export class PublishError extends Error {
  override readonly name = 'PublishError';
}

export interface AppSyncPublisherOptions {
  /** The GraphQL endpoint, e.g. `https://<id>.appsync-api.<region>.amazonaws.com/graphql`. */
  readonly url: string;
  readonly region: string;
  /** Defaults to the standard provider chain (the Lambda's role). */
  readonly credentials?: ConstructorParameters<typeof SignatureV4>[0]['credentials'];
  readonly fetch?: typeof fetch;
}

const publishQuery = print(PublishLeaderboardDocument);

export function createAppSyncPublisher(options: AppSyncPublisherOptions): LeaderboardPublisher {
  const signer = new SignatureV4({
    service: 'appsync',
    region: options.region,
    credentials: options.credentials ?? defaultProvider(),
    sha256: Sha256,
  });
  const endpoint = new URL(options.url);
  const send = options.fetch ?? fetch;

  return async (input) => {
    const body = JSON.stringify({
      query: publishQuery,
      operationName: 'PublishLeaderboard',
      variables: { input },
    });
    const request = new HttpRequest({
      method: 'POST',
      protocol: endpoint.protocol,
      hostname: endpoint.hostname,
      ...(endpoint.port ? { port: Number(endpoint.port) } : {}),
      path: endpoint.pathname,
      headers: { host: endpoint.host, 'content-type': 'application/json' },
      body,
    });
    const signed = await signer.sign(request);
    const response = await send(endpoint, { method: 'POST', headers: signed.headers, body });
    const text = await response.text();
    if (!response.ok)
      throw new PublishError(`publishLeaderboard answered HTTP ${response.status}: ${text.slice(0, 500)}`);
    let result: { errors?: { message?: string; errorType?: string }[] };
    try {
      result = JSON.parse(text) as typeof result;
    } catch {
      throw new PublishError(
        `publishLeaderboard answered with a body that is not JSON: ${text.slice(0, 200)}`,
      );
    }
    if (result.errors && result.errors.length > 0) {
      const first = result.errors[0]!;
      throw new PublishError(
        `publishLeaderboard failed: ${first.errorType ?? 'Error'}: ${first.message ?? ''}`,
      );
    }
  };
}
