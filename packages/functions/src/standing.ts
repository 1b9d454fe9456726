/** Lambda entry: the API's `standing` data source (myStanding past the snapshot). */
import { Logger } from '@aws-lambda-powertools/logger';
import { serviceConfig } from '@leaderboard/core/config';
import type { LiveStanding } from './standing/read-standing.ts';
import { createStandingHandler, type StandingHandler } from './standing/standing-handler.ts';
import { documentClientFromEnvironment, scoresTableName } from './runtime.ts';

const logger = new Logger({ serviceName: 'leaderboard-standing' });
let standingHandler: StandingHandler | undefined;

export async function handler(event: unknown): Promise<LiveStanding> {
  standingHandler ??= createStandingHandler({
    documentClient: documentClientFromEnvironment(),
    scoresTable: scoresTableName(),
    shards: serviceConfig.scoreShards,
    itemsPerShard: serviceConfig.standingItemsPerShard,
    maxAround: serviceConfig.maxAround,
    logger,
  });
  return standingHandler(event);
}
