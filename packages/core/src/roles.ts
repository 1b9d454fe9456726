/**
 * Every IAM role of the stack with its grants: the functions' (their own grants plus what
 * their event sources do with their role), the AppSync data sources', the pipe's and the
 * scheduler's. Infra builds the deployed policies from these; the local stack enforces them.
 */
import {
  onAnyResource,
  onFunction,
  onIndex,
  onQueue,
  onStream,
  onTable,
  type Grant,
  type RoleSpec,
} from './access.ts';
import { dataSources, type DataSourceName } from './api.ts';
import {
  authorizerFunction,
  eraserFunction,
  preSignUpFunction,
  rebuilderFunction,
  replayFunction,
  standingFunction,
  workerFunction,
  type FunctionSpec,
} from './functions.ts';
import { activitiesQueue } from './queues.ts';
import { rebuildSchedule } from './schedules.ts';
import { activitiesTable, scoresTable } from './tables.ts';

/**
 * What Lambda's SQS event source mapping does with the subscribed function's role (SST's
 * queue subscriber grants exactly these).
 */
export const queueSubscriberGrants = (queueName: string): readonly Grant[] => [
  {
    actions: [
      'sqs:ChangeMessageVisibility',
      'sqs:DeleteMessage',
      'sqs:GetQueueAttributes',
      'sqs:GetQueueUrl',
      'sqs:ReceiveMessage',
    ],
    resources: [onQueue(queueName)],
  },
];

const functionRole = (spec: FunctionSpec, eventSourceGrants: readonly Grant[] = []): RoleSpec => ({
  name: spec.name,
  grants: [...spec.grants, ...eventSourceGrants],
});

export const functionRoles = {
  [workerFunction.name]: functionRole(workerFunction, queueSubscriberGrants(activitiesQueue.name)),
  [rebuilderFunction.name]: functionRole(rebuilderFunction),
  [authorizerFunction.name]: functionRole(authorizerFunction),
  [preSignUpFunction.name]: functionRole(preSignUpFunction),
  [standingFunction.name]: functionRole(standingFunction),
  [eraserFunction.name]: functionRole(eraserFunction),
  [replayFunction.name]: functionRole(replayFunction),
} as const satisfies Record<string, RoleSpec>;

/**
 * What each DynamoDB data source's resolvers do. A TransactWriteItems or BatchGetItem request
 * names its tables itself, so a data source's role covers every table its requests touch.
 */
export const dataSourceRoles = {
  activities: {
    name: 'activities',
    // The transaction's conditions ride on its Put and Updates; it has no ConditionCheck item.
    grants: [
      {
        actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
        resources: [onTable(activitiesTable.name)],
      },
      // myActivities: the caller's history.
      { actions: ['dynamodb:Query'], resources: [onIndex(activitiesTable.name, 'byUser')] },
    ],
  },
  scores: {
    name: 'scores',
    // Reads only: GetItem, BatchGetItem for the programs recordActivities names, and Query for
    // the programs' partition and a user's progress items.
    grants: [
      {
        actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
        resources: [onTable(scoresTable.name)],
      },
    ],
  },
  teams: {
    name: 'teams',
    // recordActivity reads an assignment; setUserTeam writes or removes one.
    grants: [
      {
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'],
        resources: [onTable(scoresTable.name)],
      },
    ],
  },
  programs: {
    name: 'programs',
    // createProgram's transaction puts the program and counts it; updateProgram edits it.
    grants: [
      { actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'], resources: [onTable(scoresTable.name)] },
    ],
  },
  operations: {
    name: 'operations',
    grants: [
      // reverseActivity reads the activity, then in one transaction puts the reversal and marks
      // the activity reversed.
      {
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
        resources: [onTable(activitiesTable.name)],
      },
      // The audit entry and its pointer in the same transaction as a disqualification put, or
      // marked reinstated.
      { actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'], resources: [onTable(scoresTable.name)] },
    ],
  },
  eraser: {
    name: 'eraser',
    grants: [{ actions: ['lambda:InvokeFunction'], resources: [onFunction(eraserFunction.name)] }],
  },
  // A Lambda data source's role invokes its function, and nothing else.
  standing: {
    name: 'standing',
    grants: [{ actions: ['lambda:InvokeFunction'], resources: [onFunction(standingFunction.name)] }],
  },
} as const satisfies Partial<Record<DataSourceName, RoleSpec>>;

/** The data source role of a DynamoDB or Lambda data source; every such data source must have one. */
export function dataSourceRole(name: DataSourceName): RoleSpec {
  const role = (dataSourceRoles as Partial<Record<DataSourceName, RoleSpec>>)[name];
  if (!role || dataSources[name].kind === 'none') {
    throw new Error(`data source "${name}" has no role: only DynamoDB and Lambda data sources have one`);
  }
  return role;
}

/** The pipe reads the Activities stream and writes to the activities queue: nothing else. */
export const pipeRole = {
  name: 'ActivitiesPipeRole',
  grants: [
    {
      actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
      resources: [onStream(activitiesTable.name)],
    },
    // ListStreams takes no resource in IAM: it can only be granted on "*".
    { actions: ['dynamodb:ListStreams'], resources: [onAnyResource] },
    { actions: ['sqs:SendMessage'], resources: [onQueue(activitiesQueue.name)] },
    // Stream batches the pipe gives up on go to its own dead-letter queue.
    { actions: ['sqs:SendMessage'], resources: [onQueue(activitiesQueue.source.deadLetter.name)] },
  ],
} as const satisfies RoleSpec;

/** The schedule invokes the rebuilder and nothing else. */
export const schedulerRole = {
  name: `${rebuildSchedule.name}Role`,
  grants: [{ actions: ['lambda:InvokeFunction'], resources: [onFunction(rebuilderFunction.name)] }],
} as const satisfies RoleSpec;
