/**
 * What keeps the deployed pipeline from stalling unseen, and the stage settings that decide
 * where and how it is deployed: alarms, the pipe's and the schedule's failure handling, the
 * API key's renewal, AppSync's logs, the region and the data kept on production. The SST
 * program runs under Pulumi's mocks (support/sst-program.ts), once per stage.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { activitiesQueue, rebuilderFunction, workerFunction } from '@leaderboard/core';
import { rebuilderMetrics } from '@leaderboard/functions/rebuild/metric-names';
import { dataResourceTypes } from '../retention.ts';
import { productionStage, stageSettings } from '../settings.ts';
import {
  lambdaByHandler,
  onlyResource,
  resourcesOfType,
  stateString,
  statementsOfRole,
  stringInput,
} from './support/recorded.ts';
import {
  programRunTimeoutMs,
  runSstProgram,
  type ProgramRun,
  type RecordedResource,
} from './support/sst-program.ts';

const alarmType = 'aws:cloudwatch/metricAlarm:MetricAlarm';
const named = (run: ProgramRun, type: string, name: string): RecordedResource =>
  onlyResource(run, type, `${type} ${name}`, (resource) => resource.name === name);
const queueNamed = (run: ProgramRun, specName: string) =>
  named(run, 'aws:sqs/queue:Queue', `${specName}Queue`);
const alertEmail = 'oncall@example.com';
/** Three program runs in this file, beside the other files' runs on a shared machine. */
const runTimeoutMs = 2 * programRunTimeoutMs;

describe('a development stage', () => {
  let run: ProgramRun;
  beforeAll(async () => {
    run = await runSstProgram({ stage: 'alice' });
  }, runTimeoutMs);

  const alarm = (name: string) => named(run, alarmType, name);
  const topicArn = () => stateString(onlyResource(run, 'aws:sns/topic:Topic', 'the alerts topic'), 'arn');
  const functionName = (handler: string) => stateString(lambdaByHandler(run, handler), 'name');

  describe('alarms', () => {
    it('all notify the Alerts topic, on alarm and on recovery', () => {
      const alarms = resourcesOfType(run, alarmType);
      expect(alarms.map((resource) => resource.name).sort()).toEqual(
        [
          'ActivitiesDeadLetterAlarm',
          'ActivitiesPipeDeadLetterAlarm',
          'ActivitiesPipeFailuresAlarm',
          'ActivitiesPipeThrottlingAlarm',
          'ApiKeyRenewalErrorsAlarm',
          'RebuilderErrorsAlarm',
          'UnpublishedChangeAlarm',
          'WorkerErrorsAlarm',
        ].sort(),
      );
      for (const resource of alarms) {
        expect(resource.inputs.alarmActions, resource.name).toEqual([topicArn()]);
        expect(resource.inputs.okActions, resource.name).toEqual([topicArn()]);
      }
      expect(run.outputs.alertsTopicArn).toBe(topicArn());
    });

    it('fire when a change stays unpublished for 4 minutes in 3 of 5, or when the rebuilder reports nothing', () => {
      expect(alarm('UnpublishedChangeAlarm').inputs).toMatchObject({
        namespace: 'Leaderboard',
        metricName: 'OldestUnpublishedChangeAgeSeconds',
        dimensions: { service: 'rebuilder', FunctionName: functionName(rebuilderFunction.handler) },
        statistic: 'Maximum',
        period: 60,
        evaluationPeriods: 5,
        datapointsToAlarm: 3,
        threshold: 240,
        comparisonOperator: 'GreaterThanThreshold',
        treatMissingData: 'breaching',
      });
      expect(rebuilderMetrics.names.oldestUnpublishedChangeAgeSeconds).toBe(
        'OldestUnpublishedChangeAgeSeconds',
      );
    });

    it('fire on worker and rebuilder invocation errors in 3 of 5 minutes', () => {
      for (const [name, handler] of [
        ['WorkerErrorsAlarm', workerFunction.handler],
        ['RebuilderErrorsAlarm', rebuilderFunction.handler],
      ] as const) {
        expect(alarm(name).inputs, name).toMatchObject({
          namespace: 'AWS/Lambda',
          metricName: 'Errors',
          dimensions: { FunctionName: functionName(handler) },
          statistic: 'Sum',
          period: 60,
          evaluationPeriods: 5,
          datapointsToAlarm: 3,
          threshold: 1,
          comparisonOperator: 'GreaterThanOrEqualToThreshold',
          treatMissingData: 'notBreaching',
        });
      }
    });

    it('fire when pipe executions fail or time out in 3 of 5 minutes, and when it is throttled for 5', () => {
      const pipeName = stateString(onlyResource(run, 'aws:pipes/pipe:Pipe', 'the activities pipe'), 'name');
      const failures = alarm('ActivitiesPipeFailuresAlarm').inputs;
      expect(failures).toMatchObject({
        evaluationPeriods: 5,
        datapointsToAlarm: 3,
        threshold: 1,
        comparisonOperator: 'GreaterThanOrEqualToThreshold',
        treatMissingData: 'notBreaching',
      });
      const queries = failures.metricQueries as {
        id: string;
        expression?: string;
        returnData?: boolean;
        metric?: Record<string, unknown>;
      }[];
      expect(queries.find((query) => query.returnData)?.expression).toBe(
        'FILL(failed, 0) + FILL(timedOut, 0)',
      );
      expect(queries.filter((query) => query.metric).map((query) => [query.id, query.metric])).toEqual([
        [
          'failed',
          {
            namespace: 'AWS/EventBridge/Pipes',
            metricName: 'ExecutionFailed',
            dimensions: { PipeName: pipeName },
            stat: 'Sum',
            period: 60,
          },
        ],
        [
          'timedOut',
          {
            namespace: 'AWS/EventBridge/Pipes',
            metricName: 'ExecutionTimeout',
            dimensions: { PipeName: pipeName },
            stat: 'Sum',
            period: 60,
          },
        ],
      ]);
      expect(alarm('ActivitiesPipeThrottlingAlarm').inputs).toMatchObject({
        namespace: 'AWS/EventBridge/Pipes',
        metricName: 'ExecutionThrottled',
        dimensions: { PipeName: pipeName },
        statistic: 'Sum',
        evaluationPeriods: 5,
        datapointsToAlarm: 5,
        threshold: 1,
      });
    });

    it("fire as soon as the pipe's dead-letter queue holds a batch", () => {
      expect(alarm('ActivitiesPipeDeadLetterAlarm').inputs).toMatchObject({
        namespace: 'AWS/SQS',
        metricName: 'ApproximateNumberOfMessagesVisible',
        dimensions: {
          QueueName: stateString(queueNamed(run, activitiesQueue.source.deadLetter.name), 'name'),
        },
        statistic: 'Maximum',
        evaluationPeriods: 1,
        threshold: 1,
        comparisonOperator: 'GreaterThanOrEqualToThreshold',
      });
    });

    it('fire for a day when the daily API key renewal failed', () => {
      expect(alarm('ApiKeyRenewalErrorsAlarm').inputs).toMatchObject({
        namespace: 'AWS/Lambda',
        metricName: 'Errors',
        dimensions: { FunctionName: functionName('infra/handlers/api-key-renewal.handler') },
        period: 86_400,
        evaluationPeriods: 1,
        threshold: 1,
      });
    });

    it('are mailed to nobody on a stage without emailAlerts', () => {
      expect(resourcesOfType(run, 'aws:sns/topicSubscription:TopicSubscription')).toEqual([]);
    });
  });

  describe("the pipe's dead-letter queue", () => {
    it('keeps failed stream batches for 14 days, and its URL is an output', () => {
      const queue = queueNamed(run, activitiesQueue.source.deadLetter.name);
      expect(queue.inputs.messageRetentionSeconds).toBe(14 * 24 * 60 * 60);
      expect(run.outputs.pipeDeadLetterQueueUrl).toBe(stateString(queue, 'url'));
    });
  });

  describe('the rebuild schedule', () => {
    it('never retries a run, neither in the scheduler nor in Lambda, and drops a run that could not start within a minute', () => {
      const schedule = onlyResource(run, 'aws:scheduler/schedule:Schedule', 'the rebuild schedule');
      expect((schedule.inputs.target as { retryPolicy: unknown }).retryPolicy).toEqual({
        maximumRetryAttempts: 0,
        maximumEventAgeInSeconds: 60,
      });
      const invokeConfig = onlyResource(
        run,
        'aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig',
        "the rebuilder's async invocation config",
      );
      expect(invokeConfig.inputs).toMatchObject({
        functionName: functionName(rebuilderFunction.handler),
        maximumRetryAttempts: 0,
        maximumEventAgeInSeconds: 60,
      });
    });
  });

  describe('the public API key', () => {
    const key = () => onlyResource(run, 'aws:appsync/apiKey:ApiKey', 'the public API key');
    const renewal = () => lambdaByHandler(run, 'infra/handlers/api-key-renewal.handler');

    it('is left to the renewal by deploys, and replaced when its description changes', () => {
      expect(key().options.ignoreChanges).toEqual(['expires']);
      expect(key().options.replaceOnChanges).toEqual(['description']);
    });

    it('is renewed every day by a function invoked with the API and key ids', () => {
      const rule = onlyResource(run, 'aws:cloudwatch/eventRule:EventRule', 'the renewal schedule');
      expect(rule.inputs.scheduleExpression).toBe('rate(1 day)');
      const target = onlyResource(run, 'aws:cloudwatch/eventTarget:EventTarget', 'the renewal target');
      expect(target.inputs.rule).toBe(stateString(rule, 'name'));
      expect(target.inputs.arn).toBe(stateString(renewal(), 'arn'));
      const api = onlyResource(run, 'aws:appsync/graphQLApi:GraphQLApi', 'the API');
      expect(JSON.parse(stringInput(target, 'input'))).toEqual({
        apiId: api.id,
        keyId: stateString(key(), 'apiKeyId'),
      });
      const permission = onlyResource(
        run,
        'aws:lambda/permission:Permission',
        'the renewal invoke permission',
        (resource) => resource.inputs.principal === 'events.amazonaws.com',
      );
      expect(permission.inputs).toEqual({
        action: 'lambda:InvokeFunction',
        function: stateString(renewal(), 'name'),
        principal: 'events.amazonaws.com',
        sourceArn: stateString(rule, 'arn'),
      });
    });

    it('is renewed by a function that may update API keys and do nothing else', () => {
      expect(statementsOfRole(run, stringInput(renewal(), 'role'))).toEqual([
        { Effect: 'Allow', Action: ['appsync:UpdateApiKey'], Resource: ['*'] },
      ]);
    });
  });

  describe('AppSync logging', () => {
    it('logs resolver errors without request or response content, through a role AppSync assumes', () => {
      const api = onlyResource(run, 'aws:appsync/graphQLApi:GraphQLApi', 'the API');
      const role = named(run, 'aws:iam/role:Role', 'ApiLogsRole');
      expect(api.inputs.logConfig).toEqual({
        cloudwatchLogsRoleArn: stateString(role, 'arn'),
        fieldLogLevel: 'ERROR',
        excludeVerboseContent: true,
      });
      expect(JSON.parse(stringInput(role, 'assumeRolePolicy'))).toMatchObject({
        Statement: [{ Action: ['sts:AssumeRole'], Principal: { Service: ['appsync.amazonaws.com'] } }],
      });
      const attachment = named(run, 'aws:iam/rolePolicyAttachment:RolePolicyAttachment', 'ApiLogsRolePolicy');
      expect(attachment.inputs).toEqual({
        role: stateString(role, 'name'),
        policyArn: 'arn:aws:iam::aws:policy/service-role/AWSAppSyncPushToCloudWatchLogs',
      });
    });
  });

  describe('stage settings', () => {
    it('deploys to the region its settings name, whatever the shell says', () => {
      expect(run.app.providers).toEqual({ aws: { region: stageSettings('alice').region } });
    });

    it('deletes its data with the stage: nothing retained or protected', () => {
      expect(run.app).toMatchObject({ removal: 'remove', protect: false });
      for (const resource of run.resources.filter((candidate) =>
        (dataResourceTypes as readonly string[]).includes(candidate.type),
      )) {
        expect(resource.options, resource.name).toMatchObject({ protect: false, retainOnDelete: false });
      }
      expect(
        onlyResource(run, 'aws:cognito/userPool:UserPool', 'the user pool').inputs.deletionProtection,
      ).not.toBe('ACTIVE');
    });
  });
});

describe('production', () => {
  let run: ProgramRun;
  beforeAll(async () => {
    run = await runSstProgram({ stage: productionStage, env: { SST_SECRET_AlertEmail: alertEmail } });
  }, runTimeoutMs);

  it('deploys to the production region of its settings', () => {
    expect(run.app.providers).toEqual({ aws: { region: stageSettings(productionStage).region } });
    expect(run.app).toMatchObject({ removal: 'retain', protect: true });
  });

  it('retains and protects the tables, the user pool, its admins group and every queue, and nothing else', () => {
    const kept = run.resources.filter((resource) => resource.options.protect);
    expect([...new Set(kept.map((resource) => resource.type))].sort()).toEqual([...dataResourceTypes].sort());
    expect(kept.map((resource) => resource.name).sort()).toEqual(
      [
        'ActivitiesTable',
        'ScoresTable',
        'UserPoolUserPool',
        'AdminsGroup',
        `${activitiesQueue.name}Queue`,
        `${activitiesQueue.deadLetter.name}Queue`,
        `${activitiesQueue.source.deadLetter.name}Queue`,
      ].sort(),
    );
    for (const resource of kept) expect(resource.options.retainOnDelete, resource.name).toBe(true);
    expect(
      onlyResource(run, 'aws:cognito/userPool:UserPool', 'the user pool').inputs.deletionProtection,
    ).toBe('ACTIVE');
  });

  it("mails alarms to the stage's AlertEmail secret", () => {
    const subscription = onlyResource(
      run,
      'aws:sns/topicSubscription:TopicSubscription',
      'the alert email subscription',
    );
    expect(subscription.inputs).toMatchObject({
      topic: stateString(onlyResource(run, 'aws:sns/topic:Topic', 'the alerts topic'), 'arn'),
      protocol: 'email',
    });
    expect(JSON.stringify(subscription.inputs.endpoint)).toContain(alertEmail);
  });

  it(
    'cannot be deployed before its AlertEmail secret is set',
    async () => {
      await expect(runSstProgram({ stage: productionStage })).rejects.toThrow(
        'Set a value for AlertEmail with `sst secret set AlertEmail <value>`',
      );
    },
    runTimeoutMs,
  );
});
