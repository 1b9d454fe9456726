import { dataSources, type ArnContext } from '@leaderboard/core';
import { describe, expect, it } from 'vitest';
import { DataSourceAccessDeniedError } from '../../../src/stack/errors.ts';
import { localDataSourceSpecs } from '../../../src/stack/lambda-data-sources.ts';
import { stackIdentities, type RoleIdentity } from '../../../src/stack/roles.ts';

const arns: ArnContext = {
  region: 'us-east-1',
  accountId: '000000000000',
  apiId: 'local',
  streamArn: (table) => `arn:aws:dynamodb:us-east-1:000000000000:table/${table}/stream/label`,
};

describe('Lambda data sources on the local stack', () => {
  const identities = stackIdentities(arns).dataSources;

  it("call their function with the data source's role, and pass DynamoDB and NONE data sources through", async () => {
    const calls: [string, unknown][] = [];
    const specs = localDataSourceSpecs({
      arns,
      identities,
      invokeFunction: async (name, event) => {
        calls.push([name, event]);
        return { answered: name };
      },
    });
    const standing = specs['standing']!;
    if (standing.kind !== 'lambda') throw new Error('standing is not a Lambda data source');
    expect(await standing.handler({ boardId: 'global' })).toEqual({
      answered: dataSources.standing.function,
    });
    expect(calls).toEqual([[dataSources.standing.function, { boardId: 'global' }]]);
    expect(specs['scores']).toEqual(dataSources.scores);
    expect(specs['none']).toEqual(dataSources.none);
  });

  it('refuse the call, as AWS would, when the role may not invoke the function', async () => {
    const withoutGrant: RoleIdentity = {
      ...identities['standing']!,
      policy: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'lambda:GetFunction', Resource: '*' }],
      },
    };
    let invoked = false;
    const specs = localDataSourceSpecs({
      arns,
      identities: { ...identities, standing: withoutGrant },
      invokeFunction: async () => {
        invoked = true;
        return null;
      },
    });
    const standing = specs['standing']!;
    if (standing.kind !== 'lambda') throw new Error('standing is not a Lambda data source');
    await expect(standing.handler({})).rejects.toThrow(DataSourceAccessDeniedError);
    await expect(standing.handler({})).rejects.toThrow(/is not authorized to perform: lambda:InvokeFunction/);
    expect(invoked).toBe(false);
  });
});
