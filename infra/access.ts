/**
 * The deployed side of `@leaderboard/core/access`: the stack's resources by their core names,
 * the links a function spec names, and the IAM statements a role spec's grants become. What a
 * link grants is left to the grants: a linked table or queue passes its name or URL, no
 * permission, so every role holds exactly what core declares and the local stack enforces.
 */
import {
  statementsOf,
  type FunctionSpec,
  type PolicyStatement,
  type ResourceRef,
  type RoleSpec,
} from '@leaderboard/core';

sst.Linkable.wrap(sst.aws.Dynamo, (table) => ({ properties: { name: table.name } }));
sst.Linkable.wrap(sst.aws.Queue, (queue) => ({ properties: { url: queue.url } }));

type StackResource = sst.aws.Dynamo | sst.aws.Queue | sst.aws.AppSync | sst.aws.Function;

const resources = new Map<string, StackResource>();

/** Records a resource under its core name, for the links and statements that name it. */
export function register<T extends StackResource>(name: string, resource: T): T {
  resources.set(name, resource);
  return resource;
}

function lookup<T extends StackResource>(name: string, kind: new (...args: never[]) => T): T {
  const resource = resources.get(name);
  if (!(resource instanceof kind)) {
    throw new Error(
      `"${name}" is named by a link or grant but no ${kind.name} of that name is created before it`,
    );
  }
  return resource;
}

/** The ARN of a resource a grant names. */
export function arnOf(ref: ResourceRef): $util.Output<string> {
  switch (ref.kind) {
    case 'table':
      return lookup(ref.table, sst.aws.Dynamo).arn;
    case 'index':
      return $interpolate`${lookup(ref.table, sst.aws.Dynamo).arn}/index/${ref.index}`;
    case 'stream':
      return lookup(ref.table, sst.aws.Dynamo).nodes.table.streamArn;
    case 'queue':
      return lookup(ref.queue, sst.aws.Queue).arn;
    case 'apiField':
      return $interpolate`${lookup('Api', sst.aws.AppSync).nodes.api.arn}/types/${ref.typeName}/fields/${ref.fieldName}`;
    case 'function':
      return lookup(ref.function, sst.aws.Function).arn;
    case 'any':
      return $output('*');
  }
}

export function policyStatements(role: Pick<RoleSpec, 'grants'>): PolicyStatement<$util.Output<string>>[] {
  return statementsOf(role, arnOf);
}

/** A function's `link` list, in the order its spec names them. */
export function linksOf(spec: Pick<FunctionSpec, 'links'>): StackResource[] {
  return spec.links.map((name) => {
    const resource = resources.get(name);
    if (!resource) throw new Error(`"${name}" is linked but not created before the function that links it`);
    return resource;
  });
}
