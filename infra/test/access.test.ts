/**
 * Every role the program deploys holds exactly the statements core's role definitions give, and
 * every function links exactly what its spec names: the same definitions the local stack
 * enforces on each call, so a local run that passes proves the deployed grants are enough.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  dataSourceRole,
  dataSources,
  functionRoles,
  functions,
  pipeRole,
  schedulerRole,
  statementsOf,
  type DataSourceName,
  type ResourceRef,
  type RoleSpec,
} from '@leaderboard/core';
import {
  lambdaByHandler,
  onlyResource,
  stateString,
  statementsOfRole,
  stringInput,
  type PolicyStatement,
} from './support/recorded.ts';
import { programRunTimeoutMs, runSstProgram, type ProgramRun } from './support/sst-program.ts';

let run: ProgramRun;

beforeAll(async () => {
  run = await runSstProgram();
}, programRunTimeoutMs);

const named = (type: string, name: string) =>
  onlyResource(run, type, `${type} ${name}`, (resource) => resource.name === name);

/** The ARN the mocked deploy gave the resource a grant names. */
function deployedArn(ref: ResourceRef): string {
  switch (ref.kind) {
    case 'table':
      return stateString(named('aws:dynamodb/table:Table', `${ref.table}Table`), 'arn');
    case 'index':
      return `${deployedArn({ kind: 'table', table: ref.table })}/index/${ref.index}`;
    case 'stream':
      return stateString(named('aws:dynamodb/table:Table', `${ref.table}Table`), 'streamArn');
    case 'queue':
      return stateString(named('aws:sqs/queue:Queue', `${ref.queue}Queue`), 'arn');
    case 'apiField': {
      const api = onlyResource(run, 'aws:appsync/graphQLApi:GraphQLApi', 'the API');
      return `${stateString(api, 'arn')}/types/${ref.typeName}/fields/${ref.fieldName}`;
    }
    case 'function':
      return stateString(named('aws:lambda/function:Function', `${ref.function}Function`), 'arn');
    case 'any':
      return '*';
  }
}

/** Statements as comparable text, order-free: IAM gives order no meaning. */
function normalized(statements: readonly PolicyStatement[]): string[] {
  const list = (value: string | string[] | undefined) =>
    (value === undefined ? [] : Array.isArray(value) ? value : [value]).slice().sort();
  return statements
    .map((statement) =>
      JSON.stringify({
        effect: statement.Effect,
        actions: list(statement.Action),
        resources: list(statement.Resource),
      }),
    )
    .sort();
}

function expected(role: RoleSpec): string[] {
  return normalized(
    statementsOf(role, deployedArn).map((statement) => ({
      Effect: 'Allow' as const,
      Action: statement.actions,
      Resource: statement.resources,
    })),
  );
}

describe('function roles', () => {
  for (const spec of functions) {
    it(`${spec.name} holds exactly its grants and what its event source needs`, () => {
      const lambda = lambdaByHandler(run, spec.handler);
      const deployed = normalized(statementsOfRole(run, stringInput(lambda, 'role')));
      expect(deployed).toEqual(expected(functionRoles[spec.name]));
    });

    it(`${spec.name} links exactly what its spec names`, () => {
      const build = run.builds.find((candidate) => candidate.handler === spec.handler);
      expect(build, `no Runtime.Build for ${spec.handler}`).toBeDefined();
      expect(Object.keys(build!.links).sort()).toEqual([...spec.links].sort());
    });
  }

  it('grants no wildcard action or resource to any function', () => {
    for (const spec of functions) {
      const lambda = lambdaByHandler(run, spec.handler);
      for (const statement of statementsOfRole(run, stringInput(lambda, 'role'))) {
        expect(JSON.stringify(statement.Action), spec.name).not.toMatch(/\*/);
        expect(JSON.stringify(statement.Resource), spec.name).not.toMatch(/"\*"|\/\*"/);
      }
    }
  });
});

describe('other roles', () => {
  it('gives each DynamoDB and Lambda data source exactly its role', () => {
    for (const [name, spec] of Object.entries(dataSources)) {
      if (spec.kind === 'none') continue;
      const dataSource = onlyResource(
        run,
        'aws:appsync/dataSource:DataSource',
        `data source ${name}`,
        (resource) => resource.inputs.name === spec.name,
      );
      const deployed = normalized(statementsOfRole(run, stringInput(dataSource, 'serviceRoleArn')));
      expect(deployed, name).toEqual(expected(dataSourceRole(name as DataSourceName)));
    }
  });

  it('gives the pipe exactly its role', () => {
    const pipe = onlyResource(run, 'aws:pipes/pipe:Pipe', 'the activities pipe');
    expect(normalized(statementsOfRole(run, stringInput(pipe, 'roleArn')))).toEqual(expected(pipeRole));
  });

  it('gives the rebuild schedule exactly its role', () => {
    const schedule = onlyResource(run, 'aws:scheduler/schedule:Schedule', 'the rebuild schedule');
    const target = schedule.inputs.target as { roleArn: string };
    expect(normalized(statementsOfRole(run, target.roleArn))).toEqual(expected(schedulerRole));
  });
});
