/**
 * AppSync's IAM authorization of fields: an AWS_IAM caller may run a top-level field only if its
 * identity policy allows `appsync:GraphQL` on that field's ARN. Evaluated once per caller for
 * every top-level field of the schema, so a request pays a set lookup.
 */
import { PrincipalPolicy } from '../../iam/policy-evaluation.ts';
import type { IamConfig, IamCredential } from './modes.ts';

export interface RootField {
  readonly typeName: string;
  readonly fieldName: string;
}

export class IamFieldPolicy {
  private readonly denied = new Map<string, Promise<ReadonlySet<string>>>();

  constructor(
    private readonly iam: IamConfig,
    private readonly apiId: string,
    private readonly rootFields: readonly RootField[],
  ) {}

  /** `Type.field` of each top-level field the credential's policy does not allow; none without a policy. */
  deniedFields(credential: IamCredential, principalArn: string): Promise<ReadonlySet<string>> {
    if (!credential.policy) return Promise.resolve(new Set());
    let denied = this.denied.get(credential.accessKeyId);
    if (!denied) {
      denied = this.evaluate(credential, principalArn);
      this.denied.set(credential.accessKeyId, denied);
    }
    return denied;
  }

  private async evaluate(credential: IamCredential, principalArn: string): Promise<ReadonlySet<string>> {
    const { region, accountId } = this.iam;
    const policy = new PrincipalPolicy(principalArn, credential.policy!, region, accountId);
    const facts = { sourceIp: '127.0.0.1', userAgent: undefined, time: new Date() };
    const denied = new Set<string>();
    for (const { typeName, fieldName } of this.rootFields) {
      const resource = `arn:aws:appsync:${region}:${accountId}:apis/${this.apiId}/types/${typeName}/fields/${fieldName}`;
      if (await policy.firstDenial([{ action: 'appsync:GraphQL', resource }], facts)) {
        denied.add(`${typeName}.${fieldName}`);
      }
    }
    return denied;
  }
}
