/**
 * Field-level authorization from AppSync's directives: a field's own auth directives decide;
 * a field without any takes its type's; a type without any allows only the API's default mode.
 * A Lambda authorizer's `deniedFields` refuse fields whatever the directives say.
 */
import type { ConstDirectiveNode, GraphQLField, GraphQLObjectType } from 'graphql';
import { Kind } from 'graphql';
import type { AuthMode, AuthorizedCaller } from './modes.ts';

const modeByDirective: Readonly<Record<string, AuthMode>> = {
  aws_api_key: 'API_KEY',
  aws_iam: 'AWS_IAM',
  aws_lambda: 'AWS_LAMBDA',
  aws_oidc: 'OPENID_CONNECT',
  aws_cognito_user_pools: 'AMAZON_COGNITO_USER_POOLS',
  aws_auth: 'AMAZON_COGNITO_USER_POOLS',
};

interface AccessRule {
  readonly modes: ReadonlySet<AuthMode>;
  /** From `cognito_groups`: when set, Cognito callers must belong to one of them. */
  readonly cognitoGroups: readonly string[] | null;
}

function ruleFrom(directives: readonly ConstDirectiveNode[]): AccessRule | null {
  const modes = new Set<AuthMode>();
  let cognitoGroups: string[] | null = null;
  for (const directive of directives) {
    const mode = modeByDirective[directive.name.value];
    if (!mode) continue;
    modes.add(mode);
    const groupsArgument = directive.arguments?.find((argument) => argument.name.value === 'cognito_groups');
    if (groupsArgument?.value.kind === Kind.LIST) {
      cognitoGroups = [
        ...(cognitoGroups ?? []),
        ...groupsArgument.value.values.flatMap((value) => (value.kind === Kind.STRING ? [value.value] : [])),
      ];
    }
  }
  return modes.size > 0 ? { modes, cognitoGroups } : null;
}

export class FieldAccess {
  private readonly rules = new Map<string, AccessRule>();

  constructor(private readonly defaultMode: AuthMode) {}

  rule(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): AccessRule {
    const key = `${type.name}.${field.name}`;
    let rule = this.rules.get(key);
    if (!rule) {
      const typeDirectives = [type.astNode, ...type.extensionASTNodes].flatMap(
        (node) => node?.directives ?? [],
      );
      rule = ruleFrom(field.astNode?.directives ?? []) ??
        ruleFrom(typeDirectives) ?? { modes: new Set([this.defaultMode]), cognitoGroups: null };
      this.rules.set(key, rule);
    }
    return rule;
  }

  allows(caller: AuthorizedCaller, type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): boolean {
    if (caller.deniedFields.has(`${type.name}.${field.name}`)) return false;
    const rule = this.rule(type, field);
    if (!rule.modes.has(caller.mode)) return false;
    if (caller.mode === 'AMAZON_COGNITO_USER_POOLS' && rule.cognitoGroups !== null) {
      return rule.cognitoGroups.some((group) => caller.groups.includes(group));
    }
    return true;
  }
}
