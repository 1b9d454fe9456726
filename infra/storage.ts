import { activitiesTable, scoresTable, type TableSpec } from '@leaderboard/core/tables';
import { register } from './access.ts';

/** One `sst.aws.Dynamo` per table spec: the component name is the spec name (`Resource.<name>`). */
function dynamoFromSpec(spec: TableSpec): sst.aws.Dynamo {
  const table = new sst.aws.Dynamo(spec.name, {
    fields: { ...spec.fields },
    primaryIndex: { ...spec.primaryIndex },
    globalIndexes: Object.fromEntries(
      Object.entries(spec.globalIndexes).map(([indexName, index]) => [
        indexName,
        {
          hashKey: index.hashKey,
          rangeKey: index.rangeKey,
          projection: typeof index.projection === 'string' ? index.projection : [...index.projection],
        },
      ]),
    ),
    stream: spec.stream,
    ttl: spec.ttl,
    deletionProtection: $app.stage === 'production',
  });
  return register(spec.name, table);
}

export const activities = dynamoFromSpec(activitiesTable);
export const scores = dynamoFromSpec(scoresTable);
