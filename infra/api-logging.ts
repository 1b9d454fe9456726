/**
 * The role AppSync writes its logs to CloudWatch with (`logConfig` of the API in `api.ts`). AWS
 * offers no narrower scope than its managed policy for AppSync logging: the log group is named
 * after the API id, which does not exist before the API that needs this role.
 */
export const apiLogsRole = new aws.iam.Role('ApiLogsRole', {
  assumeRolePolicy: aws.iam.getPolicyDocumentOutput({
    statements: [
      {
        actions: ['sts:AssumeRole'],
        principals: [{ type: 'Service', identifiers: ['appsync.amazonaws.com'] }],
      },
    ],
  }).json,
});

export const apiLogsRolePolicy = new aws.iam.RolePolicyAttachment('ApiLogsRolePolicy', {
  role: apiLogsRole.name,
  policyArn: $interpolate`arn:${aws.getPartitionOutput().partition}:iam::aws:policy/service-role/AWSAppSyncPushToCloudWatchLogs`,
});
