/** A document client for an operator's own connection (the command line's), as the Lambdas configure theirs. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoConnection {
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

export function operatorDocumentClient(connection: DynamoConnection): {
  readonly documentClient: DynamoDBDocumentClient;
  readonly close: () => void;
} {
  const client = new DynamoDBClient({ ...connection, credentials: { ...connection.credentials } });
  const documentClient = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return { documentClient, close: () => client.destroy() };
}
