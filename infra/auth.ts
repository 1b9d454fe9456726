import { authorizerFunction } from '@leaderboard/core/functions';
import { functionArgsFromSpec } from './functions.ts';

export const userPool = new sst.aws.CognitoUserPool('UserPool', {
  usernames: ['email'],
});

export const userPoolClient = userPool.addClient('WebClient');

/**
 * Another OIDC issuer the authorizer accepts besides the user pool, set at deploy time:
 * `JWT_ISSUER` (required for it), `JWT_AUDIENCE` and `JWT_JWKS_URI` (optional).
 */
export function oidcSettings(environment: NodeJS.ProcessEnv): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const key of ['JWT_ISSUER', 'JWT_AUDIENCE', 'JWT_JWKS_URI'] as const) {
    const value = environment[key]?.trim();
    if (value) settings[key] = value;
  }
  if (!settings.JWT_ISSUER && (settings.JWT_AUDIENCE || settings.JWT_JWKS_URI)) {
    throw new Error('JWT_AUDIENCE and JWT_JWKS_URI configure an OIDC issuer: set JWT_ISSUER as well.');
  }
  return settings;
}

/** Verifies user JWTs for AppSync; it calls no AWS API, so it links nothing. */
export const authorizer = new sst.aws.Function(authorizerFunction.name, {
  ...functionArgsFromSpec(authorizerFunction),
  environment: {
    COGNITO_USER_POOL_ID: userPool.id,
    COGNITO_CLIENT_ID: userPoolClient.id,
    ...oidcSettings(process.env),
  },
});

/** Lets this one API (and no other) invoke the authorizer. */
export function allowApiToInvokeAuthorizer(apiArn: $util.Input<string>): aws.lambda.Permission {
  return new aws.lambda.Permission('AuthorizerAppSyncInvoke', {
    action: 'lambda:InvokeFunction',
    function: authorizer.name,
    principal: 'appsync.amazonaws.com',
    sourceArn: apiArn,
  });
}
