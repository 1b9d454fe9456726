/**
 * The deployable replay job's handler: an invocation replays pages while it has time, then hands
 * the run to a fresh invocation of itself (here: the next call of the handler with the event it
 * asked for), until the run is done and the audit trail says so.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { serviceConfig } from '@leaderboard/core/config';
import { encodeActivity } from '@leaderboard/core/items/activity';
import { auditRecordKey } from '@leaderboard/core/items/audit-record';
import { activitiesTable, scoresTable } from '@leaderboard/core/tables';
import { clearAllTables, testDynamo } from '@leaderboard/resolvers/test-support/engine';
import { beforeEach, describe, expect, it } from 'vitest';
import { BoardChangeMarker } from '../../src/aggregation/board-changes.ts';
import {
  createReplayJobHandler,
  ReplayJobEventError,
  type ReplayJobEvent,
} from '../../src/operations/replay-job.ts';
import { everyItem } from '../support/operations.ts';

describe('the replay job', () => {
  const { documentClient } = testDynamo();
  const continued: ReplayJobEvent[] = [];
  const job = createReplayJobHandler({
    documentClient,
    tables: { activities: activitiesTable.name, scores: scoresTable.name },
    config: { ...serviceConfig, historyIndexLagSeconds: 0, replayPageItems: 10 },
    boardChanges: new BoardChangeMarker({ documentClient, scoresTable: scoresTable.name, ttlSeconds: 3600 }),
    logger: new Logger({ logLevel: 'SILENT' }),
    continueWith: async (event) => {
      continued.push(event);
    },
    marginMs: 1_000,
  });

  beforeEach(async () => {
    await clearAllTables(documentClient);
    continued.length = 0;
  });

  it('goes on in fresh invocations of itself until the run is done', async () => {
    for (let user = 0; user < 25; user += 1) {
      const recordedAt = new Date(Date.now() - 86_400_000 + user).toISOString();
      const item = encodeActivity({
        key: `k${user}`,
        id: `a${user}`,
        userId: `user-${user}`,
        displayName: `User ${user}`,
        type: 'steps',
        quantity: 1000,
        points: 10 + user,
        basePoints: 10 + user,
        programId: null,
        teamId: null,
        occurredAt: recordedAt,
        recordedAt,
        idempotencyKey: null,
        processedAt: recordedAt,
        countedForProgram: false,
      });
      await documentClient.send(new PutCommand({ TableName: activitiesTable.name, Item: item }));
    }
    // Each invocation has time for one page: the time left drops below the margin after it.
    const invocation = () => {
      let pages = 0;
      return () => (pages++ === 0 ? 60_000 : 500);
    };
    let run = await job({ startedBy: 'operator', reason: 'Scores table restored' }, invocation());
    let invocations = 1;
    while (continued.length > 0) {
      const next = continued.shift()!;
      expect(next).toEqual({ runId: run.runId });
      run = await job(next, invocation());
      invocations += 1;
    }
    expect(run).toMatchObject({ phase: 'done', usersReplayed: 25, usersChanged: 25 });
    expect(invocations).toBeGreaterThan(3);
    const totals = (await everyItem(documentClient)).filter(
      (item) => item['kind'] === 'total' && item['boardId'] === 'global',
    );
    expect(totals).toHaveLength(25);
    const audit = await documentClient.send(
      new GetCommand({
        TableName: scoresTable.name,
        Key: { ...auditRecordKey({ at: run.startedAt, id: run.runId }) },
      }),
    );
    expect(audit.Item).toMatchObject({
      action: 'replay',
      actor: 'operator',
      details: { status: 'completed', usersReplayed: 25 },
    });
  });

  it('refuses an event it cannot read', async () => {
    await expect(job({ runId: 42 }, () => 60_000)).rejects.toThrow(ReplayJobEventError);
  });
});
