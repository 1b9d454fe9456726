import { authorizerFunction } from '@leaderboard/core/functions';
import { functionArgsFromSpec } from './functions.ts';
import { authorizerOidcEnvironment, stageSettings } from './settings.ts';

export const userPool = new sst.aws.CognitoUserPool('UserPool', {
  usernames: ['email'],
});

export const userPoolClient = userPool.addClient('WebClient');

/** Verifies user JWTs for AppSync; it calls no AWS API, so it links nothing. */
export const authorizer = new sst.aws.Function(authorizerFunction.name, {
  ...functionArgsFromSpec(authorizerFunction),
  environment: {
    COGNITO_USER_POOL_ID: userPool.id,
    COGNITO_CLIENT_ID: userPoolClient.id,
    // The stage's OIDC issuer, from infra/settings.ts: a deploy from any shell trusts the same issuers.
    ...authorizerOidcEnvironment(stageSettings($app.stage)),
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
