/**
 * Renews the public API key every day, whatever the deploys do: a scheduled Lambda moves its
 * expiry a year ahead. A failed renewal alarms (`monitoring.ts`) with most of a year to spare.
 */
import { apiKey, api } from './api.ts';
import { lambdaRuntime } from './functions.ts';

export const apiKeyRenewalSchedule = 'rate(1 day)';

export const apiKeyRenewal = new sst.aws.Function('ApiKeyRenewal', {
  handler: 'infra/handlers/api-key-renewal.handler',
  runtime: lambdaRuntime,
  architecture: 'arm64',
  timeout: '30 seconds',
  memory: '128 MB',
  // A maintenance job of the deployed stack: it runs in AWS even while `sst dev` is up.
  dev: false,
  // appsync:UpdateApiKey has no resource-level permissions (Service Authorization Reference):
  // a statement naming this API, or a key, would be denied. The function only ever touches
  // the key its event names.
  permissions: [{ actions: ['appsync:UpdateApiKey'], resources: ['*'] }],
});

// An EventBridge rule, not a second CronV2: the rule invokes through the Lambda permission
// below, with no scheduler role to hold.
export const apiKeyRenewalRule = new aws.cloudwatch.EventRule('ApiKeyRenewalRule', {
  description: 'Moves the public API key expiry a year ahead',
  scheduleExpression: apiKeyRenewalSchedule,
});

export const apiKeyRenewalTarget = new aws.cloudwatch.EventTarget('ApiKeyRenewalTarget', {
  rule: apiKeyRenewalRule.name,
  arn: apiKeyRenewal.arn,
  input: $jsonStringify({ apiId: api.id, keyId: apiKey.apiKeyId }),
});

export const apiKeyRenewalInvoke = new aws.lambda.Permission('ApiKeyRenewalInvoke', {
  action: 'lambda:InvokeFunction',
  function: apiKeyRenewal.name,
  principal: 'events.amazonaws.com',
  sourceArn: apiKeyRenewalRule.arn,
});
