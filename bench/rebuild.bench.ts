/**
 * The rebuilder's per-board cost against the number of users, next to the naive way (read
 * every total of the board and sort), in one run on one DynamoDB Local started here.
 *
 *   pnpm exec tsx bench/rebuild.bench.ts [--users=2000,20000] [--shards=8] [--top=100] [--repeats=5]
 *
 * Items read are counted from what DynamoDB returns (Query `Count`), outside the code
 * under test; times are the median of `repeats` runs after one warm-up.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { compareTotals, scoreShardKey, type RankedTotal } from '@leaderboard/core/ranking';
import { scoresTable, tables } from '@leaderboard/core/tables';
import { readBoardTop } from '@leaderboard/functions/rebuild/board-top';
import { countingDocumentClient } from '@leaderboard/functions/test-support/counting-client';
import { seedTotals } from '@leaderboard/functions/test-support/scores';
import { localCredentials, localRegion, startDynamoDbLocal } from '@leaderboard/local/aws/dynamodb-local';
import { ensureTable } from '@leaderboard/local/aws/tables';

const options = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, '').split('=');
    return [key, value ?? ''];
  }),
);
const userCounts = (options['users'] ?? '2000,20000').split(',').map(Number);
const shards = Number(options['shards'] ?? 8);
const topN = Number(options['top'] ?? 100);
const repeats = Number(options['repeats'] ?? 5);

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** `users` totals with colliding scores, stored as the worker stores them. */
async function seedBoard(
  documentClient: DynamoDBDocumentClient,
  boardId: string,
  users: number,
): Promise<void> {
  const totals: RankedTotal[] = Array.from({ length: users }, (_, index) => ({
    userId: `user-${index}`,
    score: (index * 7919) % 5000, // collisions on purpose
    reachedAt: new Date(Date.UTC(2026, 10, 20) + (index % 600) * 1000).toISOString(),
  }));
  await seedTotals(documentClient, boardId, totals, shards);
}

/** The naive rebuild: every total of the board from every shard, sorted in memory. */
async function fullScanTop(documentClient: DynamoDBDocumentClient, boardId: string): Promise<RankedTotal[]> {
  const all: RankedTotal[] = [];
  for (let shard = 0; shard < shards; shard += 1) {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await documentClient.send(
        new QueryCommand({
          TableName: scoresTable.name,
          IndexName: 'byScore',
          KeyConditionExpression: 'shardKey = :shardKey',
          ExpressionAttributeValues: { ':shardKey': scoreShardKey(boardId, shard) },
          ProjectionExpression: 'userId, score, reachedAt, displayName',
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      for (const item of page.Items ?? []) all.push(item as RankedTotal);
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }
  return all.sort(compareTotals).slice(0, topN);
}

async function measure(run: () => Promise<RankedTotal[]>, counter: { itemsRead: number }) {
  await run();
  const times: number[] = [];
  let itemsRead = 0;
  let result: RankedTotal[] = [];
  for (let index = 0; index < repeats; index += 1) {
    counter.itemsRead = 0;
    const started = performance.now();
    result = await run();
    times.push(performance.now() - started);
    itemsRead = counter.itemsRead;
  }
  return { ms: median(times), itemsRead, result };
}

async function main(): Promise<void> {
  const dynamo = await startDynamoDbLocal();
  const setupClient = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: localRegion,
    credentials: localCredentials,
  });
  const counting = countingDocumentClient(dynamo.endpoint);
  try {
    for (const table of tables) await ensureTable(setupClient, table, table.name);
    console.log(
      `rebuild benchmark: DynamoDB Local ${dynamo.endpoint}, S=${shards} shards, N=${topN}, median of ${repeats}`,
    );
    console.log(
      'users    | sharded top N: items  ms      | full scan: items  ms       | items ratio | time ratio',
    );
    for (const users of userCounts) {
      const boardId = `program:bench-${users}`;
      await seedBoard(counting.documentClient, boardId, users);
      const sharded = await measure(
        async () =>
          (
            await readBoardTop(
              { documentClient: counting.documentClient, scoresTable: scoresTable.name, shards },
              boardId,
              topN,
            )
          ).totals,
        counting.counts,
      );
      const naive = await measure(() => fullScanTop(counting.documentClient, boardId), counting.counts);
      const same =
        JSON.stringify(sharded.result.map((t) => t.userId)) ===
        JSON.stringify(naive.result.map((t) => t.userId));
      if (!same) throw new Error(`the sharded top ${topN} differs from the full sort for ${users} users`);
      console.log(
        [
          String(users).padEnd(8),
          `${String(sharded.itemsRead).padStart(20)}  ${sharded.ms.toFixed(1).padStart(7)}`,
          `${String(naive.itemsRead).padStart(16)}  ${naive.ms.toFixed(1).padStart(8)}`,
          `${(naive.itemsRead / sharded.itemsRead).toFixed(1).padStart(10)}x`,
          `${(naive.ms / sharded.ms).toFixed(1).padStart(9)}x`,
        ].join(' | '),
      );
    }
  } finally {
    counting.destroy();
    setupClient.destroy();
    await dynamo.stop();
  }
}

await main();
