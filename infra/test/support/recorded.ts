/**
 * Lookups over a recorded program run whose failures say what was expected, what was found
 * instead, and that SST may have changed how a component shapes its resources.
 */
import type { ProgramRun, RecordedResource } from './sst-program.ts';

export class ResourceLookupError extends Error {
  override readonly name = 'ResourceLookupError';
}

export function resourcesOfType(run: ProgramRun, type: string): RecordedResource[] {
  return run.resources.filter((resource) => resource.type === type);
}

/** The one resource of `type` matching `predicate`; `what` names it in the failure. */
export function onlyResource(
  run: ProgramRun,
  type: string,
  what: string,
  predicate: (resource: RecordedResource) => boolean = () => true,
): RecordedResource {
  const ofType = resourcesOfType(run, type);
  const matching = ofType.filter(predicate);
  if (matching.length !== 1) {
    const found = ofType.map((resource) => resource.name).join(', ') || 'none';
    throw new ResourceLookupError(
      `Expected exactly one ${type} for ${what}, found ${matching.length}. ` +
        `Resources of that type: ${found}. If this moved after an sst upgrade, the component ` +
        'now declares its resources differently.',
    );
  }
  return matching[0]!;
}

export function stringInput(resource: RecordedResource, key: string): string {
  const value = resource.inputs[key];
  if (typeof value !== 'string') {
    throw new ResourceLookupError(
      `${resource.type} ${resource.name} has no string input "${key}" (got ${JSON.stringify(value)})`,
    );
  }
  return value;
}

export function stateString(resource: RecordedResource, key: string): string {
  const value = resource.state[key];
  if (typeof value !== 'string') {
    throw new ResourceLookupError(`${resource.type} ${resource.name} has no string output "${key}"`);
  }
  return value;
}

/** The deployed Lambda whose handler is `handler` (as given to `sst.aws.Function`). */
export function lambdaByHandler(run: ProgramRun, handler: string): RecordedResource {
  return onlyResource(
    run,
    'aws:lambda/function:Function',
    `the function with handler ${handler}`,
    (resource) => resource.inputs.handler === handler,
  );
}

export interface PolicyStatement {
  readonly Effect: 'Allow' | 'Deny';
  readonly Action?: string | string[];
  readonly NotAction?: string | string[];
  readonly Resource?: string | string[];
  readonly Principal?: unknown;
}

export interface AttachedStatement {
  /** The resource that carries the policy: `<type> <name>`. */
  readonly holder: string;
  readonly statement: PolicyStatement;
}

const asList = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

export const statementActions = (statement: PolicyStatement): string[] => asList(statement.Action);
export const statementResources = (statement: PolicyStatement): string[] => asList(statement.Resource);

function parsePolicy(holder: string, document: unknown): AttachedStatement[] {
  const parsed = (typeof document === 'string' ? JSON.parse(document) : document) as {
    Statement?: PolicyStatement | PolicyStatement[];
  };
  const statements =
    parsed.Statement === undefined
      ? []
      : Array.isArray(parsed.Statement)
        ? parsed.Statement
        : [parsed.Statement];
  return statements.map((statement) => ({ holder, statement }));
}

/** Every permission statement of every role and policy in the program (trust policies excluded). */
export function permissionStatements(run: ProgramRun): AttachedStatement[] {
  const statements: AttachedStatement[] = [];
  for (const resource of run.resources) {
    const holder = `${resource.type} ${resource.name}`;
    if (resource.type === 'aws:iam/role:Role') {
      const inline = (resource.inputs.inlinePolicies ?? []) as { policy?: unknown }[];
      for (const policy of inline)
        if (policy.policy !== undefined) statements.push(...parsePolicy(holder, policy.policy));
    }
    if (['aws:iam/rolePolicy:RolePolicy', 'aws:iam/policy:Policy'].includes(resource.type)) {
      statements.push(...parsePolicy(holder, resource.inputs.policy));
    }
  }
  return statements;
}

/** Permission statements of the role `roleArn` names. */
export function statementsOfRole(run: ProgramRun, roleArn: string): PolicyStatement[] {
  const role = onlyResource(
    run,
    'aws:iam/role:Role',
    `the role ${roleArn}`,
    (resource) => resource.state.arn === roleArn,
  );
  const holder = `${role.type} ${role.name}`;
  const attached = run.resources.filter(
    (resource) => resource.type === 'aws:iam/rolePolicy:RolePolicy' && resource.inputs.role === role.id,
  );
  return [
    ...permissionStatements({ ...run, resources: [role] }),
    ...attached.flatMap((policy) => parsePolicy(holder, policy.inputs.policy)),
  ].map((entry) => entry.statement);
}
