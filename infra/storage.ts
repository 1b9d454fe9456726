import { activitiesTable, scoresTable, type TableSpec } from '@leaderboard/core/tables';

/** One `sst.aws.Dynamo` per table spec: the component name is the spec name (`Resource.<name>`). */
function dynamoFromSpec(spec: TableSpec): sst.aws.Dynamo {
  return new sst.aws.Dynamo(spec.name, {
    fields: { ...spec.fields },
    primaryIndex: { ...spec.primaryIndex },
    globalIndexes: Object.fromEntries(
      Object.entries(spec.globalIndexes).map(([indexName, index]) => [
        indexName,
        { hashKey: index.hashKey, rangeKey: index.rangeKey, projection: index.projection },
      ]),
    ),
    stream: spec.stream,
    ttl: spec.ttl,
    deletionProtection: $app.stage === 'production',
  });
}

export const activities = dynamoFromSpec(activitiesTable);
export const scores = dynamoFromSpec(scoresTable);

/** ARNs an IAM statement needs to reach a table and every one of its indexes. */
export function tableAndIndexArns(table: sst.aws.Dynamo): $util.Output<string>[] {
  return [table.arn, $interpolate`${table.arn}/index/*`];
}
