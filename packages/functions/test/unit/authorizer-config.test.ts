import { describe, expect, it } from 'vitest';
import { assertAcceptableJwksUri, LoopbackAwareFetcher } from '../../src/auth/jwks-fetcher.ts';
import { AuthorizerConfigError, tokenVerifierConfigFromEnvironment } from '../../src/auth/token-verifier.ts';

const cognito = { COGNITO_USER_POOL_ID: 'us-east-1_abc', COGNITO_CLIENT_ID: 'client' };
const oidc = { JWT_ISSUER: 'https://id.example.com', JWT_AUDIENCE: 'web, cli' };

describe('authorizer configuration', () => {
  it('trusts the Cognito user pool and the OIDC issuer when both are set', () => {
    expect(tokenVerifierConfigFromEnvironment({ ...cognito, ...oidc })).toEqual([
      { kind: 'cognito', userPoolId: 'us-east-1_abc', clientId: 'client' },
      { kind: 'oidc', issuer: 'https://id.example.com', audience: ['web', 'cli'], jwksUri: null },
    ]);
  });

  it('trusts either one alone', () => {
    expect(tokenVerifierConfigFromEnvironment(cognito)).toEqual([
      { kind: 'cognito', userPoolId: 'us-east-1_abc', clientId: 'client' },
    ]);
    expect(
      tokenVerifierConfigFromEnvironment({
        ...oidc,
        JWT_JWKS_URI: 'http://127.0.0.1:4000/.well-known/jwks.json',
        COGNITO_USER_POOL_ID: ' ',
      }),
    ).toEqual([
      {
        kind: 'oidc',
        issuer: 'https://id.example.com',
        audience: ['web', 'cli'],
        jwksUri: 'http://127.0.0.1:4000/.well-known/jwks.json',
      },
    ]);
  });

  it.each([
    ['no issuer at all', {}, /No token issuer configured/],
    [
      'an issuer without an audience',
      { ...cognito, JWT_ISSUER: oidc.JWT_ISSUER },
      /JWT_ISSUER needs JWT_AUDIENCE/,
    ],
    [
      'an audience of blanks only',
      { JWT_ISSUER: oidc.JWT_ISSUER, JWT_AUDIENCE: ' , ' },
      /needs JWT_AUDIENCE/,
    ],
    ['an audience without an issuer', { ...cognito, JWT_AUDIENCE: 'web' }, /set JWT_ISSUER/],
    ['a JWKS URI without an issuer', { JWT_JWKS_URI: 'https://id.example.com/keys' }, /set JWT_ISSUER/],
    ['a user pool without a client', { COGNITO_USER_POOL_ID: 'us-east-1_abc' }, /go together/],
    ['a client without a user pool', { ...oidc, COGNITO_CLIENT_ID: 'client' }, /go together/],
    ['a malformed user pool id', { ...cognito, COGNITO_USER_POOL_ID: 'abc' }, /not a user pool id/],
    ['an issuer that is not a URL', { ...oidc, JWT_ISSUER: 'id.example.com' }, /not a URL/],
    [
      'an issuer whose JWKS would come over plain http',
      { ...oidc, JWT_ISSUER: 'http://id.example.com' },
      /https/,
    ],
    [
      'a JWKS URI over plain http off loopback',
      { ...oidc, JWT_JWKS_URI: 'http://id.example.com/.well-known/jwks.json' },
      /https/,
    ],
    [
      "the user pool's own issuer as the OIDC issuer",
      { ...cognito, ...oidc, JWT_ISSUER: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc' },
      /already trusted/,
    ],
  ])('refuses %s', (_case, environment, message) => {
    expect(() => tokenVerifierConfigFromEnvironment(environment)).toThrow(AuthorizerConfigError);
    expect(() => tokenVerifierConfigFromEnvironment(environment)).toThrow(message);
  });

  it('accepts plain http for JWKS on loopback only', () => {
    expect(() => assertAcceptableJwksUri('http://127.0.0.1:4000/.well-known/jwks.json')).not.toThrow();
    expect(() => assertAcceptableJwksUri('https://id.example.com/.well-known/jwks.json')).not.toThrow();
    expect(() => assertAcceptableJwksUri('http://id.example.com/.well-known/jwks.json')).toThrow(/https/);
  });

  it('the fetcher refuses a non-loopback http URI before any request', async () => {
    await expect(new LoopbackAwareFetcher().fetch('http://10.0.0.1/jwks.json')).rejects.toThrow(/https/);
  });
});
