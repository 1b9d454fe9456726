/**
 * JWKS fetching that also accepts plain `http:` on the loopback interface. aws-jwt-verify's
 * Node fetcher calls `https.request`, which refuses `http:` URIs outright, while the local
 * runtime's OIDC issuer serves its JWKS over http on 127.0.0.1. Everything else still goes
 * through the library's own fetcher, and http anywhere but loopback is refused, so a
 * deployed authorizer can never be pointed at keys an attacker could swap in transit.
 */
import { NonRetryableFetchError } from 'aws-jwt-verify/error';
import { SimpleFetcher, type Fetcher } from 'aws-jwt-verify/https';

export class InsecureJwksUriError extends Error {
  override readonly name = 'InsecureJwksUriError';
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export const isLoopbackHttp = (uri: string): boolean => {
  const url = new URL(uri);
  return url.protocol === 'http:' && loopbackHosts.has(url.hostname);
};

/** https anywhere, or plain http on loopback; false for anything that is not a URL. */
export const isAcceptableJwksUri = (uri: string): boolean =>
  URL.canParse(uri) && (new URL(uri).protocol === 'https:' || isLoopbackHttp(uri));

/** Refuses a JWKS URI that is neither https nor loopback http. */
export function assertAcceptableJwksUri(uri: string): void {
  if (!isAcceptableJwksUri(uri)) {
    throw new InsecureJwksUriError(
      `JWKS URI ${uri} must use https (plain http is accepted on loopback only)`,
    );
  }
}

export class LoopbackAwareFetcher implements Fetcher {
  readonly #https = new SimpleFetcher();
  readonly #timeoutMs: number;

  constructor(options: { timeoutMs?: number } = {}) {
    this.#timeoutMs = options.timeoutMs ?? 3000;
  }

  async fetch(
    uri: string,
    requestOptions?: Record<string, unknown>,
    data?: ArrayBuffer,
  ): Promise<ArrayBuffer> {
    assertAcceptableJwksUri(uri);
    if (!isLoopbackHttp(uri)) return this.#https.fetch(uri, requestOptions, data);
    const response = await fetch(uri, { signal: AbortSignal.timeout(this.#timeoutMs) });
    if (response.status !== 200) {
      throw new NonRetryableFetchError(uri, `Status code is ${response.status}, expected 200`);
    }
    return response.arrayBuffer();
  }
}
