/**
 * The API's data sources as the local emulator takes them: core's descriptions, with each Lambda
 * data source calling its local function. AppSync invokes a Lambda data source with the data
 * source's role, so each call is first held to that role's `lambda:InvokeFunction` grant, and
 * refused with AWS's wording when the role lacks it.
 */
import { arnOf, dataSources, onFunction, type ArnContext } from '@leaderboard/core';
import type { LambdaHandler, LocalDataSourceSpec } from 'appsync-local';
import { PrincipalPolicy } from 'appsync-local/iam';
import { DataSourceAccessDeniedError } from './errors.ts';
import type { RoleIdentity } from './roles.ts';

export interface LambdaDataSourceInputs {
  readonly arns: ArnContext;
  readonly identities: Readonly<Record<string, RoleIdentity>>;
  /** Runs a local function of the stack by its name. */
  readonly invokeFunction: (functionName: string, event: unknown) => Promise<unknown>;
}

function invokeAs(inputs: LambdaDataSourceInputs, dataSource: string, functionName: string): LambdaHandler {
  const identity = inputs.identities[dataSource];
  if (!identity) throw new Error(`data source ${dataSource} has no role`);
  const policy = new PrincipalPolicy(
    identity.arn,
    identity.policy,
    inputs.arns.region,
    inputs.arns.accountId,
  );
  const functionArn = arnOf(onFunction(functionName), inputs.arns);
  return async (event) => {
    const denial = await policy.firstDenial([{ action: 'lambda:InvokeFunction', resource: functionArn }], {
      sourceIp: '127.0.0.1',
      userAgent: undefined,
      time: new Date(),
    });
    if (denial) {
      throw new DataSourceAccessDeniedError(
        `User: ${identity.arn} is not authorized to perform: lambda:InvokeFunction on resource: ${functionArn}`,
      );
    }
    return inputs.invokeFunction(functionName, event);
  };
}

export function localDataSourceSpecs(inputs: LambdaDataSourceInputs): Record<string, LocalDataSourceSpec> {
  return Object.fromEntries(
    Object.entries(dataSources).map(([name, spec]): [string, LocalDataSourceSpec] =>
      spec.kind === 'lambda'
        ? [name, { name: spec.name, kind: 'lambda', handler: invokeAs(inputs, name, spec.function) }]
        : [name, spec],
    ),
  );
}
