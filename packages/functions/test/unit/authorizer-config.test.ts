import { describe, expect, it } from 'vitest';
import { assertAcceptableJwksUri, LoopbackAwareFetcher } from '../../src/auth/jwks-fetcher.ts';
import { AuthorizerConfigError, tokenVerifierConfigFromEnvironment } from '../../src/auth/token-verifier.ts';

describe('authorizer configuration', () => {
  it('uses the Cognito user pool when both Cognito variables are set', () => {
    expect(
      tokenVerifierConfigFromEnvironment({
        COGNITO_USER_POOL_ID: 'us-east-1_abc',
        COGNITO_CLIENT_ID: 'client',
        JWT_ISSUER: 'https://x',
      }),
    ).toEqual({ kind: 'cognito', userPoolId: 'us-east-1_abc', clientId: 'client' });
  });

  it('otherwise any OIDC issuer, with one or more audiences', () => {
    expect(
      tokenVerifierConfigFromEnvironment({ JWT_ISSUER: 'https://id.example.com', JWT_AUDIENCE: 'web, cli' }),
    ).toEqual({ kind: 'oidc', issuer: 'https://id.example.com', audience: ['web', 'cli'], jwksUri: null });
  });

  it('refuses an incomplete configuration', () => {
    expect(() => tokenVerifierConfigFromEnvironment({ JWT_ISSUER: 'https://id.example.com' })).toThrow(
      AuthorizerConfigError,
    );
    expect(() => tokenVerifierConfigFromEnvironment({ COGNITO_USER_POOL_ID: 'us-east-1_abc' })).toThrow(
      AuthorizerConfigError,
    );
  });

  it('accepts plain http for JWKS on loopback only', () => {
    expect(() => assertAcceptableJwksUri('http://127.0.0.1:4000/.well-known/jwks.json')).not.toThrow();
    expect(() => assertAcceptableJwksUri('https://id.example.com/.well-known/jwks.json')).not.toThrow();
    expect(() => assertAcceptableJwksUri('http://id.example.com/.well-known/jwks.json')).toThrow(/https/);
    expect(() =>
      tokenVerifierConfigFromEnvironment({ JWT_ISSUER: 'http://id.example.com', JWT_AUDIENCE: 'web' }),
    ).toThrow(/https/);
  });

  it('the fetcher refuses a non-loopback http URI before any request', async () => {
    await expect(new LoopbackAwareFetcher().fetch('http://10.0.0.1/jwks.json')).rejects.toThrow(/https/);
  });
});
