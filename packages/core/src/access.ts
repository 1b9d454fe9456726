/**
 * Who may do what, described once. Every role of the stack (each function's, each AppSync data
 * source's, the pipe's, the scheduler's) is a list of grants on resources named abstractly;
 * `infra/` turns them into IAM statements with the deployed ARNs, and the local stack turns
 * the same grants into policies its IAM gateway enforces on every call. A grant missing here
 * fails locally with AWS's AccessDeniedException before it can fail in the cloud.
 */

/** A resource a statement names; each runtime maps it to an ARN. */
export type ResourceRef =
  | { readonly kind: 'table'; readonly table: string }
  | { readonly kind: 'index'; readonly table: string; readonly index: string }
  | { readonly kind: 'stream'; readonly table: string }
  | { readonly kind: 'queue'; readonly queue: string }
  | { readonly kind: 'apiField'; readonly typeName: string; readonly fieldName: string }
  | { readonly kind: 'function'; readonly function: string }
  /** For actions IAM cannot scope to a resource (they take none): `*`. */
  | { readonly kind: 'any' };

export const onTable = (table: string): ResourceRef => ({ kind: 'table', table });
export const onIndex = (table: string, index: string): ResourceRef => ({ kind: 'index', table, index });
export const onStream = (table: string): ResourceRef => ({ kind: 'stream', table });
export const onQueue = (queue: string): ResourceRef => ({ kind: 'queue', queue });
export const onApiField = (typeName: string, fieldName: string): ResourceRef => ({
  kind: 'apiField',
  typeName,
  fieldName,
});
export const onFunction = (name: string): ResourceRef => ({ kind: 'function', function: name });
export const onAnyResource: ResourceRef = { kind: 'any' };

export interface Grant {
  readonly actions: readonly string[];
  readonly resources: readonly ResourceRef[];
}

export interface RoleSpec {
  /** The role's name in both runtimes; locally also the name its credentials carry. */
  readonly name: string;
  readonly grants: readonly Grant[];
}

/** An IAM statement with resources of the runtime's own type (a string, or a deploy-time output). */
export interface PolicyStatement<Arn> {
  readonly actions: string[];
  readonly resources: Arn[];
}

/** The statements a role's grants become, given how this runtime names each resource. */
export function statementsOf<Arn>(
  role: Pick<RoleSpec, 'grants'>,
  arnOf: (resource: ResourceRef) => Arn,
): PolicyStatement<Arn>[] {
  return role.grants.map((grant) => ({
    actions: [...grant.actions],
    resources: grant.resources.map(arnOf),
  }));
}

/** Where ARNs are minted: the local stack knows these, the cloud reads them from its resources. */
export interface ArnContext {
  readonly partition?: string;
  readonly region: string;
  readonly accountId: string;
  readonly apiId: string;
  /** Stream ARNs carry a label only the table knows. */
  readonly streamArn: (table: string) => string;
}

/** The ARN AWS gives a resource of this stack, by the naming rules of each service. */
export function arnOf(resource: ResourceRef, context: ArnContext): string {
  const prefix = (service: string) =>
    `arn:${context.partition ?? 'aws'}:${service}:${context.region}:${context.accountId}`;
  switch (resource.kind) {
    case 'table':
      return `${prefix('dynamodb')}:table/${resource.table}`;
    case 'index':
      return `${prefix('dynamodb')}:table/${resource.table}/index/${resource.index}`;
    case 'stream':
      return context.streamArn(resource.table);
    case 'queue':
      return `${prefix('sqs')}:${resource.queue}`;
    case 'apiField':
      return `${prefix('appsync')}:apis/${context.apiId}/types/${resource.typeName}/fields/${resource.fieldName}`;
    case 'function':
      return `${prefix('lambda')}:function:${resource.function}`;
    case 'any':
      return '*';
  }
}
