/**
 * Where the rebuilder's metrics land in CloudWatch, named once for the handler that emits them
 * and the alarms in `infra/monitoring.ts` that watch them. Powertools adds a `service`
 * dimension; the handler adds `stage`, so stages sharing an account keep their own series.
 */
export const rebuilderMetrics = {
  namespace: 'Leaderboard',
  service: 'rebuilder',
  names: {
    boardsChanged: 'BoardsChanged',
    snapshotsPublished: 'SnapshotsPublished',
    oldestUnpublishedChangeAgeSeconds: 'OldestUnpublishedChangeAgeSeconds',
  },
} as const;
