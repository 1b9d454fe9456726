import { describe, expect, it } from 'vitest';
import { DashboardConfigError, parseDashboardConfig } from '../../src/view/config.ts';

const valid = {
  graphqlUrl: 'https://abc.appsync-api.eu-west-1.amazonaws.com/graphql',
  realtimeUrl: 'wss://abc.appsync-realtime-api.eu-west-1.amazonaws.com/graphql',
  apiKey: 'da2-abc',
  region: 'eu-west-1',
};

describe('parseDashboardConfig', () => {
  it('reads a complete config', () => {
    expect(parseDashboardConfig(valid)).toEqual(valid);
  });

  it('defaults the region', () => {
    const { region: _region, ...withoutRegion } = valid;
    expect(parseDashboardConfig(withoutRegion)).toMatchObject({ region: 'us-east-1' });
  });

  it('reads where employees sign in, the sign-out endpoint being optional', () => {
    const signIn = { issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc', clientId: 'c1' };
    expect(parseDashboardConfig({ ...valid, signIn }).signIn).toEqual(signIn);
    const withLogout = { ...signIn, logoutUrl: 'https://auth.example.com/logout' };
    expect(parseDashboardConfig({ ...valid, signIn: withLogout }).signIn).toEqual(withLogout);
    expect(parseDashboardConfig(valid)).not.toHaveProperty('signIn');
  });

  it.each([
    ['not an object', [], /JSON object/],
    ['no API key', { ...valid, apiKey: '' }, /"apiKey"/],
    ['a GraphQL URL that is not one', { ...valid, graphqlUrl: 'nope' }, /"graphqlUrl" is not a URL/],
    [
      'a real-time URL over http',
      { ...valid, realtimeUrl: 'https://x/graphql' },
      /"realtimeUrl" must use ws: or wss:/,
    ],
    ['sign-in that is not an object', { ...valid, signIn: 'x' }, /"signIn" must be an object/],
    ['sign-in without a client id', { ...valid, signIn: { issuer: 'https://i' } }, /"signIn.clientId"/],
    [
      'a sign-in issuer that is not a URL',
      { ...valid, signIn: { issuer: 'cognito', clientId: 'c' } },
      /"signIn.issuer" is not a URL/,
    ],
  ])('refuses %s', (_what, json, message) => {
    expect(() => parseDashboardConfig(json)).toThrow(DashboardConfigError);
    expect(() => parseDashboardConfig(json)).toThrow(message);
  });
});
