/// <reference path="./.sst/platform/config.d.ts" />

export default $config({
  app(input) {
    return {
      name: 'leaderboard',
      removal: input?.stage === 'production' ? 'retain' : 'remove',
      protect: input?.stage === 'production',
      home: 'aws',
    };
  },
  async run() {
    // One file per concern; each builds its resources from the definitions in packages/core.
    const { activities, scores } = await import('./infra/storage.ts');
    const { queue, deadLetterQueue } = await import('./infra/queue.ts');
    await import('./infra/monitoring.ts');
    const { userPool, userPoolClient } = await import('./infra/auth.ts');
    const { api, apiKey } = await import('./infra/api.ts');
    await import('./infra/jobs.ts');
    const { dashboard } = await import('./infra/web.ts');

    return {
      apiUrl: api.url,
      apiKey: apiKey.key,
      userPoolId: userPool.id,
      userPoolClientId: userPoolClient.id,
      activitiesTable: activities.name,
      scoresTable: scores.name,
      activitiesQueueUrl: queue.url,
      deadLetterQueueUrl: deadLetterQueue.url,
      dashboardUrl: dashboard.url,
    };
  },
});
