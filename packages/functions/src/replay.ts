/**
 * Lambda entry: the replay job (see `operations/replay-job.ts`). Start it with an asynchronous
 * invocation, e.g. `aws lambda invoke --invocation-type Event --function-name <replayFunctionName>
 * --cli-binary-format raw-in-base64-out --payload '{"startedBy":"<you>","reason":"<why>"}' /dev/null`.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { serviceConfig } from '@leaderboard/core/config';
import type { ReplayRun } from '@leaderboard/core/items/replay-run';
import type { Context } from 'aws-lambda';
import { BoardChangeMarker } from './aggregation/board-changes.ts';
import { createReplayJobHandler } from './operations/replay-job.ts';
import { activitiesTableName, documentClientFromEnvironment, scoresTableName } from './runtime.ts';

const logger = new Logger({ serviceName: 'leaderboard-replay' });
const lambda = new LambdaClient({});
/** Longer than one page of recomputations takes, with room to save it and invoke the next. */
const marginMs = 60_000;

export async function handler(event: unknown, context: Context): Promise<ReplayRun> {
  const documentClient = documentClientFromEnvironment();
  const scores = scoresTableName();
  const replay = createReplayJobHandler({
    documentClient,
    tables: { activities: activitiesTableName(), scores },
    config: serviceConfig,
    boardChanges: new BoardChangeMarker({
      documentClient,
      scoresTable: scores,
      ttlSeconds: serviceConfig.boardChangeTtlSeconds,
    }),
    logger,
    marginMs,
    continueWith: async (next) => {
      await lambda.send(
        new InvokeCommand({
          FunctionName: context.invokedFunctionArn,
          InvocationType: 'Event',
          Payload: Buffer.from(JSON.stringify(next)),
        }),
      );
    },
  });
  logger.addContext(context);
  return replay(event, () => context.getRemainingTimeInMillis());
}
