/** The per-stage settings: which stage gets what, and the authorizer's view of an OIDC issuer. */
import { describe, expect, it } from 'vitest';
import { OidcConfigurationError } from '../oidc.ts';
import {
  authorizerOidcEnvironment,
  productionStage,
  stageSettings,
  type StageSettings,
} from '../settings.ts';

const development = stageSettings('alice');

describe('stageSettings', () => {
  it('keeps data and mails alarms on production only', () => {
    expect(stageSettings(productionStage)).toMatchObject({ retainData: true, emailAlerts: true });
    expect(development).toMatchObject({ retainData: false, emailAlerts: false });
    expect(stageSettings('')).toEqual(development);
  });

  it('names an AWS region for every stage', () => {
    for (const settings of [stageSettings(productionStage), development]) {
      expect(settings.region).toMatch(/^[a-z]{2}(-[a-z]+)+-\d$/);
    }
  });
});

describe('authorizerOidcEnvironment', () => {
  const withIssuer = (oidcIssuer: StageSettings['oidcIssuer']): StageSettings => ({
    ...development,
    oidcIssuer,
  });

  it("gives the authorizer the stage's issuer, audiences and JWKS URI as its JWT_* variables", () => {
    expect(
      authorizerOidcEnvironment(
        withIssuer({
          issuer: 'https://login.example.com/realms/wellness',
          audiences: ['dashboard', 'mobile'],
          jwksUri: 'https://login.example.com/realms/wellness/certs',
        }),
      ),
    ).toEqual({
      JWT_ISSUER: 'https://login.example.com/realms/wellness',
      JWT_AUDIENCE: 'dashboard,mobile',
      JWT_JWKS_URI: 'https://login.example.com/realms/wellness/certs',
    });
    expect(authorizerOidcEnvironment(development)).toEqual({});
  });

  it('refuses an issuer the authorizer could not honour, as a deploy from the shell would', () => {
    expect(() =>
      authorizerOidcEnvironment(withIssuer({ issuer: 'https://login.example.com', audiences: [] })),
    ).toThrow(OidcConfigurationError);
    expect(() =>
      authorizerOidcEnvironment(withIssuer({ issuer: 'http://login.example.com', audiences: ['dashboard'] })),
    ).toThrow(/https URL/);
  });
});
