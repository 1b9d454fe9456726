/** What applying activities to the aggregates needs: the tables, the client, the config, the board change marks. */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ServiceConfig } from '@leaderboard/core/config';
import type { BoardChangeMarker } from './board-changes.ts';

export interface AggregationTables {
  readonly activities: string;
  readonly scores: string;
}

export interface AggregationDependencies {
  readonly documentClient: DynamoDBDocumentClient;
  readonly tables: AggregationTables;
  readonly config: Pick<ServiceConfig, 'scoreShards' | 'workerConflictAttempts'>;
  readonly boardChanges: BoardChangeMarker;
  readonly now?: () => number;
}
