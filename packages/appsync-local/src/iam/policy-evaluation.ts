/**
 * One principal's identity policy, validated once and evaluated with `@cloud-copilot/iam-simulate`.
 * Policies without conditions give the same answer for the same (action, resource) every time,
 * so those answers are cached: a warm request costs a Map lookup, not a simulation.
 */
import {
  createValidatedPolicy,
  validateIdentityPolicy,
  type ValidatedPolicy,
} from '@cloud-copilot/iam-policy';
import { runSimulation, type EvaluationResult, type Simulation } from '@cloud-copilot/iam-simulate';
import { InvalidPolicyError, PolicyEvaluationError } from './errors.ts';

/** One IAM question: may the caller perform `action` on `resource`? */
export interface AuthorizationCheck {
  /** `service:Action`, e.g. `dynamodb:PutItem` or `appsync:GraphQL`. */
  readonly action: string;
  /** The resource ARN, or `*` for actions that take no resource (ListTables). */
  readonly resource: string;
  /** Service condition keys the request sets, e.g. `dynamodb:EnclosingOperation`. */
  readonly context?: Readonly<Record<string, string>>;
}

export interface IamPolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action?: string | readonly string[];
  readonly NotAction?: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly NotResource?: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

export interface IamPolicyDocument {
  readonly Version: string;
  readonly Statement: IamPolicyStatement | readonly IamPolicyStatement[];
}

/** Facts about the HTTP request that global condition keys expose. */
export interface RequestFacts {
  readonly sourceIp: string;
  readonly userAgent: string | undefined;
  readonly time: Date;
}

export interface Denial {
  readonly check: AuthorizationCheck;
  readonly explicit: boolean;
}

/** Distinct (action, resource) answers kept per principal; far above what one stack asks. */
const maxCachedDecisions = 10_000;

export class PrincipalPolicy {
  private readonly policy: ValidatedPolicy<{ name: string }>;
  /** Present only when no statement has a condition, so the answer depends on action and resource alone. */
  private readonly decisions: Map<string, EvaluationResult> | undefined;
  private readonly principalAccount: string;

  constructor(
    readonly principalArn: string,
    document: IamPolicyDocument,
    private readonly region: string,
    private readonly resourceAccount: string,
  ) {
    this.policy = createValidatedPolicy(document, validateIdentityPolicy, { name: 'identity-policy' });
    if (this.policy.errors.length > 0) {
      const problems = this.policy.errors.map((error) => `${error.path || '(policy)'}: ${error.message}`);
      throw new InvalidPolicyError(`The policy of ${principalArn} is not valid: ${problems.join('; ')}`);
    }
    this.principalAccount = accountOfArn(principalArn);
    this.decisions = hasConditions(document) ? undefined : new Map();
  }

  /** The first check the policy does not allow, in request order, or undefined when all are allowed. */
  async firstDenial(checks: readonly AuthorizationCheck[], facts: RequestFacts): Promise<Denial | undefined> {
    for (const check of checks) {
      const result = await this.decide(check, facts);
      if (result !== 'Allowed') return { check, explicit: result === 'ExplicitlyDenied' };
    }
    return undefined;
  }

  private async decide(check: AuthorizationCheck, facts: RequestFacts): Promise<EvaluationResult> {
    const key = `${check.action} ${check.resource}`;
    const cached = this.decisions?.get(key);
    if (cached) return cached;
    const result = await this.simulate(check, facts);
    if (this.decisions) {
      if (this.decisions.size >= maxCachedDecisions) this.decisions.clear();
      this.decisions.set(key, result);
    }
    return result;
  }

  private async simulate(check: AuthorizationCheck, facts: RequestFacts): Promise<EvaluationResult> {
    const simulation: Simulation = {
      request: {
        principal: this.principalArn,
        action: check.action,
        resource: { resource: check.resource, accountId: this.resourceAccount },
        contextVariables: { ...this.globalConditionKeys(facts), ...check.context },
      },
      identityPolicies: [{ name: 'identity-policy', policy: this.policy }],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
    };
    const outcome = await runSimulation(simulation, {});
    if (outcome.resultType === 'error') {
      throw new PolicyEvaluationError(
        `iam-simulate could not evaluate ${check.action} on ${check.resource}: ${outcome.errors.message}`,
      );
    }
    return outcome.overallResult;
  }

  private globalConditionKeys(facts: RequestFacts): Record<string, string> {
    return {
      'aws:PrincipalArn': roleArnOfSession(this.principalArn),
      'aws:PrincipalAccount': this.principalAccount,
      'aws:RequestedRegion': this.region,
      // Local endpoints listen on plain HTTP.
      'aws:SecureTransport': 'false',
      'aws:SourceIp': facts.sourceIp,
      'aws:CurrentTime': facts.time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      'aws:EpochTime': String(Math.floor(facts.time.getTime() / 1000)),
      ...(facts.userAgent ? { 'aws:UserAgent': facts.userAgent } : {}),
    };
  }
}

function hasConditions(document: IamPolicyDocument): boolean {
  const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  return statements.some(
    (statement: IamPolicyStatement) => Object.keys(statement.Condition ?? {}).length > 0,
  );
}

function accountOfArn(arn: string): string {
  const account = arn.split(':')[4];
  if (!account) throw new InvalidPolicyError(`Principal ARN ${arn} names no account.`);
  return account;
}

/** `aws:PrincipalArn` of a role session is the role's ARN, not the session's. */
function roleArnOfSession(arn: string): string {
  const session = /^arn:([\w-]+):sts::(\d+):assumed-role\/([^/]+)\/.+$/.exec(arn);
  return session ? `arn:${session[1]}:iam::${session[2]}:role/${session[3]}` : arn;
}
