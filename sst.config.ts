/// <reference path="./.sst/platform/config.d.ts" />
import { stageSettings } from './infra/settings.ts';

export default $config({
  app(input) {
    const settings = stageSettings(input?.stage ?? '');
    return {
      name: 'leaderboard',
      removal: settings.retainData ? 'retain' : 'remove',
      protect: settings.retainData,
      home: 'aws',
      // The stage's region, not the deploying shell's AWS_REGION or profile.
      providers: { aws: { region: settings.region } },
    };
  },
  async run() {
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
    };
  },
});
