/**
 * The stack's IAM roles as local identities: each role from core gets an access key of its own
 * and its grants as an identity policy, with the ARNs the local resources carry. Every AWS call
 * a role makes is signed with its key, so the IAM gateway (and the API, for AppSync calls)
 * evaluates it against exactly that role's policy.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  arnOf,
  dataSourceRoles,
  functionRoles,
  pipeRole,
  schedulerRole,
  statementsOf,
  type ArnContext,
  type RoleSpec,
} from '@leaderboard/core';
import type { IamPrincipal } from '../iam/gateway.ts';
import type { IamPolicyDocument } from 'appsync-local/iam';

export interface RoleIdentity {
  readonly role: RoleSpec;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** The ARN AWS names the caller by: the role's session. */
  readonly arn: string;
  readonly policy: IamPolicyDocument;
}

export function policyDocument(role: RoleSpec, arns: ArnContext): IamPolicyDocument {
  return {
    Version: '2012-10-17',
    // An empty statement list is not a valid policy document; a role without grants allows nothing.
    Statement: statementsOf(role, (resource) => arnOf(resource, arns)).map((statement) => ({
      Effect: 'Allow' as const,
      Action: statement.actions,
      Resource: statement.resources,
    })),
  };
}

/** Access key ids look like AWS's temporary ones (`ASIA` + 16), derived from the role name for readable logs. */
function accessKeyIdOf(roleName: string): string {
  return `ASIA${createHash('sha256').update(roleName).digest('hex').slice(0, 16).toUpperCase()}`;
}

function identityOf(role: RoleSpec, session: string, arns: ArnContext): RoleIdentity {
  return {
    role,
    credentials: {
      accessKeyId: accessKeyIdOf(role.name),
      secretAccessKey: randomBytes(30).toString('base64'),
    },
    arn: `arn:aws:sts::${arns.accountId}:assumed-role/${role.name}/${session}`,
    policy: policyDocument(role, arns),
  };
}

export interface StackIdentities {
  readonly functions: Readonly<Record<string, RoleIdentity>>;
  readonly dataSources: Readonly<Record<string, RoleIdentity>>;
  readonly pipe: RoleIdentity;
  readonly scheduler: RoleIdentity;
}

export function stackIdentities(arns: ArnContext): StackIdentities {
  const byName = <T extends Record<string, RoleSpec>>(roles: T, session: (name: string) => string) =>
    Object.fromEntries(
      Object.entries(roles).map(([name, role]) => [name, identityOf(role, session(name), arns)]),
    );
  return {
    functions: byName(functionRoles, (name) => name),
    dataSources: byName(dataSourceRoles, () => 'APPSYNC_ASSUME_ROLE'),
    pipe: identityOf(pipeRole, 'pipes-session', arns),
    scheduler: identityOf(schedulerRole, 'scheduler-session', arns),
  };
}

/** Every identity that signs calls to the IAM gateway, keyed by its access key id. */
export function gatewayPrincipals(identities: StackIdentities): Record<string, IamPrincipal> {
  const all = [
    ...Object.values(identities.functions),
    ...Object.values(identities.dataSources),
    identities.pipe,
    identities.scheduler,
  ];
  return Object.fromEntries(
    all.map((identity) => [
      identity.credentials.accessKeyId,
      { secretAccessKey: identity.credentials.secretAccessKey, arn: identity.arn, policy: identity.policy },
    ]),
  );
}
