/**
 * What a deployed Lambda reads from its environment: linked resource names (through SST's
 * `Resource`, locally `SST_RESOURCE_<Name>` JSON env vars) and AWS SDK clients, which honour
 * `AWS_ENDPOINT_URL_DYNAMODB` so the same handlers run against DynamoDB Local.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Resource } from 'sst';

export function documentClientFromEnvironment(): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
}

/**
 * Each reads one linked table's name: a function reads only what it links, and SST throws
 * `"<Name>" is not linked` for anything else, in the cloud and locally alike.
 */
export const activitiesTableName = (): string => Resource.Activities.name;
export const scoresTableName = (): string => Resource.Scores.name;
