/**
 * What myStanding costs against the number of users on a board, next to the naive way (count
 * every user ranked above the caller on the index), and what one rebuild of the board reads, in
 * one run on one DynamoDB Local started here.
 *
 *   pnpm build:resolvers && pnpm exec tsx bench/standing.bench.ts [--users=1000,10000,100000] [--repeats=5]
 *
 * Boards are seeded directly (BatchWriteItem) with totals and the score histograms the worker
 * keeps for them. myStanding runs through the real resolver bundles and the real standing Lambda
 * handler; items read are counted by the clients from what DynamoDB returned, outside the code
 * under test. Times are the median of `repeats` calls after one warm-up.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { serviceConfig } from '@leaderboard/core/config';
import { totalAttributes } from '@leaderboard/core/items/total';
import { encodeRankKey, scoreShardKey, type RankedTotal } from '@leaderboard/core/ranking';
import { scoresTable, tables } from '@leaderboard/core/tables';
import { readBoardTop } from '@leaderboard/functions/rebuild/board-top';
import {
  countingClients,
  rankedByFullSort,
  seedBoard,
  spreadTotals,
  standingEngine,
  standingInvocation,
} from '@leaderboard/functions/test-support/standing';
import { localCredentials, localRegion, startDynamoDbLocal } from '@leaderboard/local/aws/dynamodb-local';
import { ensureTable } from '@leaderboard/local/aws/tables';

const options = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, '').split('=');
    return [key, value ?? ''];
  }),
);
const userCounts = (options['users'] ?? '1000,10000,100000').split(',').map(Number);
const repeats = Number(options['repeats'] ?? 5);
const around = 5;
const shards = serviceConfig.scoreShards;

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The naive rank: every index item above the caller, in every shard, counted. */
async function fullCountRank(
  documentClient: DynamoDBDocumentClient,
  boardId: string,
  caller: RankedTotal,
): Promise<number> {
  let above = 0;
  for (let shard = 0; shard < shards; shard += 1) {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await documentClient.send(
        new QueryCommand({
          TableName: scoresTable.name,
          IndexName: 'byScore',
          KeyConditionExpression: '#shardKey = :shardKey AND #rankKey < :caller',
          ExpressionAttributeNames: {
            '#shardKey': totalAttributes.shardKey,
            '#rankKey': totalAttributes.rankKey,
          },
          ExpressionAttributeValues: {
            ':shardKey': scoreShardKey(boardId, shard),
            ':caller': encodeRankKey(caller),
          },
          Select: 'COUNT',
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      above += page.Count ?? 0;
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }
  return above + 1;
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  await run();
  const times: number[] = [];
  let value: T | undefined;
  for (let index = 0; index < repeats; index += 1) {
    const started = performance.now();
    value = await run();
    times.push(performance.now() - started);
  }
  return { ms: median(times), value: value! };
}

interface Row {
  users: number;
  place: string;
  rank: number;
  exact: boolean;
  error: number;
  items: number;
  ms: number;
  naiveItems: number;
  naiveMs: number;
}

async function measureBoard(endpoint: string, users: number): Promise<{ rows: Row[]; rebuildItems: number }> {
  const clients = countingClients({ endpoint, region: localRegion, credentials: localCredentials });
  const engine = standingEngine(clients);
  const boardId = `program:bench-${users}`;
  try {
    const totals = spreadTotals(users, `u${users}-`);
    await seedBoard(clients.documentClient, boardId, totals);
    const ranked = rankedByFullSort(totals);
    const rows: Row[] = [];
    const places: [string, number][] = [
      ['tenth', Math.floor(users / 10)],
      ['middle', Math.floor(users / 2)],
      ['last', users],
    ];
    for (const [place, rank] of places) {
      const caller = ranked[rank - 1]!;
      const call = async () => {
        clients.reset();
        const outcome = await engine.resolve(standingInvocation(caller.userId, { boardId, around }));
        if (outcome.errors.length > 0) throw new Error(JSON.stringify(outcome.errors));
        return { standing: outcome.data as { rank: number; exact: boolean }, items: clients.total() };
      };
      const standing = await timed(call);
      const naive = await timed(async () => {
        clients.reset();
        const naiveRank = await fullCountRank(clients.documentClient, boardId, caller);
        return { naiveRank, items: clients.total() };
      });
      if (naive.value.naiveRank !== rank)
        throw new Error(`the full count gives ${naive.value.naiveRank}, not ${rank}`);
      rows.push({
        users,
        place,
        rank,
        exact: standing.value.standing.exact,
        error: standing.value.standing.rank - rank,
        items: standing.value.items,
        ms: standing.ms,
        naiveItems: naive.value.items,
        naiveMs: naive.ms,
      });
    }
    clients.reset();
    const top = await readBoardTop(
      { documentClient: clients.documentClient, scoresTable: scoresTable.name, shards },
      boardId,
      serviceConfig.topN,
    );
    return { rows, rebuildItems: top.itemsRead };
  } finally {
    clients.destroy();
  }
}

async function main(): Promise<void> {
  const dynamo = await startDynamoDbLocal();
  const setupClient = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: localRegion,
    credentials: localCredentials,
  });
  try {
    for (const table of tables) await ensureTable(setupClient, table, table.name);
    console.log(
      `myStanding benchmark: DynamoDB Local ${dynamo.endpoint}, S=${shards}, N=${serviceConfig.topN}, ` +
        `${serviceConfig.standingItemsPerShard} items a shard, around=${around}, median of ${repeats}`,
    );
    console.log(
      'users   | place  |   rank | exact | rank error | items read |     ms | full count: items |       ms | rebuild items',
    );
    for (const users of userCounts) {
      const { rows, rebuildItems } = await measureBoard(dynamo.endpoint, users);
      for (const row of rows) {
        console.log(
          [
            String(row.users).padEnd(7),
            row.place.padEnd(6),
            String(row.rank).padStart(6),
            String(row.exact).padEnd(5),
            String(row.error).padStart(10),
            String(row.items).padStart(10),
            row.ms.toFixed(1).padStart(6),
            String(row.naiveItems).padStart(17),
            row.naiveMs.toFixed(1).padStart(8),
            String(rebuildItems).padStart(13),
          ].join(' | '),
        );
      }
    }
  } finally {
    setupClient.destroy();
    await dynamo.stop();
  }
}

await main();
