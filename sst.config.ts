/// <reference path="./.sst/platform/config.d.ts" />

export default $config({
  app(input) {
    // SST refuses imports outside run(), so the two stage settings app() needs are restated here;
    // infra/test/operations.test.ts holds them equal to infra/settings.ts for every stage it runs.
    const production = input?.stage === 'production';
    return {
      name: 'leaderboard',
      removal: production ? 'retain' : 'remove',
      protect: production,
      home: 'aws',
      // The stage's region, not the deploying shell's AWS_REGION or profile.
      providers: { aws: { region: 'us-east-1' } },
    };
  },
  async run() {
    const { stageSettings } = await import('./infra/settings.ts');
    if (stageSettings($app.stage).retainData) {
      const { keepDataResources } = await import('./infra/retention.ts');
      keepDataResources();
    }
    // One file per concern; each builds its resources from the definitions in packages/core.
    const { activities, scores } = await import('./infra/storage.ts');
    const { queue, deadLetterQueue, pipeDeadLetterQueue } = await import('./infra/queue.ts');
    const { userPool, userPoolClient, userPoolIssuer } = await import('./infra/auth.ts');
    const { api, apiKey } = await import('./infra/api.ts');
    await import('./infra/jobs.ts');
    const { replay } = await import('./infra/operations.ts');
    await import('./infra/key-renewal.ts');
    const { alerts } = await import('./infra/monitoring.ts');
    const { dashboard } = await import('./infra/web.ts');

    return {
      apiUrl: api.url,
      apiKey: apiKey.key,
      userPoolId: userPool.id,
      userPoolClientId: userPoolClient.id,
      // `pnpm sign-in --issuer <userPoolIssuer> --client-id <userPoolClientId>`; managed login at signInUrl.
      userPoolIssuer,
      signInUrl: userPool.domainUrl,
      activitiesTable: activities.name,
      scoresTable: scores.name,
      activitiesQueueUrl: queue.url,
      deadLetterQueueUrl: deadLetterQueue.url,
      pipeDeadLetterQueueUrl: pipeDeadLetterQueue.url,
      alertsTopicArn: alerts.arn,
      dashboardUrl: dashboard.url,
      // Invoke it asynchronously to replay every aggregate from the log (README, "Operating the service").
      replayFunctionName: replay.name,
    };
  },
});
