/**
 * What a stage decides: whether it keeps its data (`production` does) and an OIDC issuer besides
 * the Cognito user pool, from the stage settings in infra/settings.ts (never from the deploying
 * shell), which reaches the authorizer's environment as JWT_ISSUER / JWT_AUDIENCE / JWT_JWKS_URI.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { activitiesTable, authorizerFunction, scoresTable } from '@leaderboard/core';
import { oidcSettings, OidcConfigurationError } from '../oidc.ts';
import { authorizerOidcEnvironment, stageSettings } from '../settings.ts';
import { lambdaByHandler, onlyResource } from './support/recorded.ts';
import { programRunTimeoutMs, runSstProgram, type ProgramRun } from './support/sst-program.ts';

describe('oidcSettings', () => {
  const issuer = 'https://issuer.example.com/';

  it('keeps the settings that are set and drops blank ones', () => {
    expect(
      oidcSettings({ JWT_ISSUER: issuer, JWT_AUDIENCE: ' web ', JWT_JWKS_URI: '  ', OTHER: 'x' }),
    ).toEqual({ JWT_ISSUER: issuer, JWT_AUDIENCE: 'web' });
    expect(oidcSettings({ JWT_ISSUER: ' ', JWT_AUDIENCE: '' })).toEqual({});
    expect(oidcSettings({})).toEqual({});
  });

  it('refuses an audience or JWKS URI without an issuer', () => {
    expect(() => oidcSettings({ JWT_AUDIENCE: 'leaderboard' })).toThrow(OidcConfigurationError);
    expect(() => oidcSettings({ JWT_JWKS_URI: 'https://issuer.example.com/jwks.json' })).toThrow(
      /set JWT_ISSUER/,
    );
  });

  it('refuses an issuer without an audience, which the authorizer could not check tokens against', () => {
    expect(() => oidcSettings({ JWT_ISSUER: issuer })).toThrow(OidcConfigurationError);
    expect(() => oidcSettings({ JWT_ISSUER: issuer, JWT_AUDIENCE: ' , ' })).toThrow(/needs JWT_AUDIENCE/);
  });

  it('refuses an issuer or JWKS URI that is not an https URL', () => {
    expect(() => oidcSettings({ JWT_ISSUER: 'http://issuer.example.com', JWT_AUDIENCE: 'web' })).toThrow(
      /JWT_ISSUER must be an https URL/,
    );
    expect(() => oidcSettings({ JWT_ISSUER: 'issuer.example.com', JWT_AUDIENCE: 'web' })).toThrow(
      /https URL/,
    );
    expect(() =>
      oidcSettings({ JWT_ISSUER: issuer, JWT_AUDIENCE: 'web', JWT_JWKS_URI: 'http://127.0.0.1/jwks.json' }),
    ).toThrow(/JWT_JWKS_URI must be an https URL/);
  });
});

describe('the stage settings of an OIDC issuer', () => {
  const oidcIssuer = {
    issuer: 'https://login.example.com/realms/wellness',
    audiences: ['leaderboard', 'cli'],
    jwksUri: 'https://login.example.com/realms/wellness/protocol/openid-connect/certs',
  };

  it('become the authorizer variables a deploy checks', () => {
    expect(authorizerOidcEnvironment({ ...stageSettings('production'), oidcIssuer })).toEqual({
      JWT_ISSUER: oidcIssuer.issuer,
      JWT_AUDIENCE: 'leaderboard,cli',
      JWT_JWKS_URI: oidcIssuer.jwksUri,
    });
    expect(authorizerOidcEnvironment(stageSettings('production'))).toEqual({});
  });

  it('refuse an issuer without an audience', () => {
    expect(() =>
      authorizerOidcEnvironment({
        ...stageSettings('production'),
        oidcIssuer: { ...oidcIssuer, audiences: [] },
      }),
    ).toThrow(OidcConfigurationError);
  });
});

describe('a production deploy from a shell that sets JWT_* variables', () => {
  const issuer = {
    JWT_ISSUER: 'https://login.example.com/realms/wellness',
    JWT_AUDIENCE: 'leaderboard',
    JWT_JWKS_URI: 'https://login.example.com/realms/wellness/protocol/openid-connect/certs',
  };
  let run: ProgramRun;

  beforeAll(async () => {
    // Production mails its alarms: its deploy needs the stage's AlertEmail secret, as the CLI passes it.
    run = await runSstProgram({
      stage: 'production',
      env: { ...issuer, SST_SECRET_AlertEmail: 'oncall@example.com' },
    });
  }, programRunTimeoutMs);

  it('gives the authorizer the user pool and only the issuers of the stage settings, none from the shell', () => {
    const environment = (
      lambdaByHandler(run, authorizerFunction.handler).inputs.environment as {
        variables: Record<string, string>;
      }
    ).variables;
    expect(environment.JWT_ISSUER).toBeUndefined();
    expect(environment.JWT_AUDIENCE).toBeUndefined();
    expect(environment.COGNITO_USER_POOL_ID).toEqual(expect.any(String));
    expect(environment.COGNITO_CLIENT_ID).toEqual(expect.any(String));
  });

  it('protects both tables from deletion', () => {
    for (const spec of [activitiesTable, scoresTable]) {
      const table = onlyResource(
        run,
        'aws:dynamodb/table:Table',
        `the ${spec.name} table`,
        (resource) => resource.name === `${spec.name}Table`,
      );
      expect(table.inputs.deletionProtectionEnabled, spec.name).toBe(true);
    }
  });

  it('marks the stack protected', () => {
    expect(run.outputs._protect).toBe(true);
  });
});
