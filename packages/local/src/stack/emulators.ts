/**
 * The AWS parts the local stack stands on: DynamoDB Local, the SQS emulator and the OIDC issuer,
 * then the tables and queues from their core specs and the ARNs the roles' policies name them by.
 */
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { activitiesQueue, activitiesTable, tables, type ArnContext } from '@leaderboard/core';
import { startLocalIssuer, type IssuerSigningKey, type LocalIssuer } from 'appsync-local/issuer';
import { localCredentials, localRegion, startDynamoDbLocal } from '../aws/dynamodb-local.ts';
import { ensureQueue, type LocalQueuePair } from '../aws/queues.ts';
import { startSqsEmulator, type SqsEmulator } from '../aws/sqs-emulator.ts';
import { ensureTable } from '../aws/tables.ts';
import { LocalStackStartError } from './errors.ts';
import type { KeptState } from './kept-state.ts';
import type { LocalStackOptions } from './options.ts';
import { localStateDirectory, stateFiles } from './paths.ts';
import { allStarted, type Teardown } from './teardown.ts';

export interface Emulators {
  readonly dynamoEndpoint: string;
  readonly dynamoPid: number | undefined;
  readonly sqs: SqsEmulator;
  readonly issuer: LocalIssuer;
}

/** The issuer on its kept port and key; on a new port if that one is taken (earlier tokens then fail). */
async function startIssuer(
  kept: { readonly port: number; readonly signingKey: IssuerSigningKey } | undefined,
  log: (line: string) => void,
): Promise<LocalIssuer> {
  const signingKey = kept?.signingKey ? { signingKey: kept.signingKey } : {};
  try {
    return await startLocalIssuer({ port: kept?.port ?? 0, ...signingKey });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    log(
      `the issuer's port ${kept?.port} is taken: it moves, so tokens issued before this restart are refused`,
    );
    return startLocalIssuer(signingKey);
  }
}

/** DynamoDB Local, the SQS emulator and the OIDC issuer do not depend on one another: started together. */
export async function startEmulators(
  options: LocalStackOptions,
  kept: KeptState,
  context: { log: (line: string) => void; teardown: Teardown },
): Promise<Emulators> {
  const { teardown } = context;
  const dataDir = options.dataDir ?? stateFiles(options.stateDir ?? localStateDirectory).dynamoDbData;
  const [dynamo, sqs, issuer] = await allStarted([
    options.dynamoEndpoint
      ? Promise.resolve(undefined)
      : startDynamoDbLocal(options.persist ? { dataDir } : {}).then((started) =>
          teardown.track('DynamoDB Local', started, (it) => it.stop()),
        ),
    startSqsEmulator().then((started) => teardown.track('SQS emulator', started, (it) => it.stop())),
    startIssuer(kept.issuer, context.log).then((started) =>
      teardown.track('issuer', started, (it) => it.close()),
    ),
  ]);
  return {
    dynamoEndpoint: options.dynamoEndpoint ?? dynamo?.endpoint ?? '',
    dynamoPid: dynamo?.pid,
    sqs,
    issuer,
  };
}

export interface AwsResources {
  readonly queues: LocalQueuePair;
  readonly arns: ArnContext;
  /** As DynamoDB Local names it (its own region and account): what its Streams API accepts. */
  readonly localStreamArn: string;
}

/** Tables and queues from their specs, created with the emulators' own (unrestricted) credentials. */
export async function createResources(
  emulators: Emulators,
  options: LocalStackOptions,
  teardown: Teardown,
  apiId: string,
): Promise<AwsResources> {
  const config = { region: localRegion, credentials: localCredentials };
  const dynamo = new DynamoDBClient({ ...config, endpoint: emulators.dynamoEndpoint });
  const sqs = new SQSClient({ ...config, endpoint: emulators.sqs.endpoint });
  teardown.add('setup clients', () => (dynamo.destroy(), sqs.destroy()));
  const [queues] = await Promise.all([
    ensureQueue(sqs, activitiesQueue, { visibilityTimeoutSeconds: options.queueVisibilityTimeoutSeconds }),
    ...tables.map((table) => ensureTable(dynamo, table, table.name)),
  ]);
  const described = await dynamo.send(new DescribeTableCommand({ TableName: activitiesTable.name }));
  const localStreamArn = described.Table?.LatestStreamArn;
  if (!localStreamArn) throw new LocalStackStartError(`table ${activitiesTable.name} has no stream`);
  const accountId = emulators.sqs.accountId;
  const streamLabel = localStreamArn.slice(localStreamArn.lastIndexOf('/stream/') + '/stream/'.length);
  return {
    queues,
    localStreamArn,
    arns: {
      region: localRegion,
      accountId,
      apiId,
      // DynamoDB Local names its own region and account in stream ARNs; policies name the stack's.
      streamArn: (table) =>
        `arn:aws:dynamodb:${localRegion}:${accountId}:table/${table}/stream/${streamLabel}`,
    },
  };
}
