/** Each function's local environment carries exactly its spec's links, `App` and its own role's key. */
import { functions } from '@leaderboard/core';
import { describe, expect, it } from 'vitest';
import { functionEnvironment, type FunctionEnvironmentInputs } from '../../../src/stack/functions.ts';
import { stackIdentities } from '../../../src/stack/roles.ts';

const identities = stackIdentities({
  region: 'us-east-1',
  accountId: '000000000000',
  apiId: 'local',
  streamArn: (table) => `arn:aws:dynamodb:us-east-1:000000000000:table/${table}/stream/label`,
});

const inputs: FunctionEnvironmentInputs = {
  region: 'us-east-1',
  accountId: '000000000000',
  root: '/',
  awsEndpoint: 'http://127.0.0.1:1',
  linkProperties: {
    Activities: { name: 'Activities' },
    Scores: { name: 'Scores' },
    Api: { url: 'http://127.0.0.1:2/graphql' },
  },
  app: { name: 'leaderboard', stage: 'test' },
  settings: { Authorizer: { JWT_ISSUER: 'http://127.0.0.1:3' } },
  identities: identities.functions,
  verbose: false,
  log: () => undefined,
};

describe('functionEnvironment', () => {
  for (const spec of functions) {
    it(`gives ${spec.name} its links and App only`, () => {
      const environment = functionEnvironment(spec, inputs);
      const linked = Object.keys(environment)
        .filter((key) => key.startsWith('SST_RESOURCE_'))
        .map((key) => key.slice('SST_RESOURCE_'.length))
        .sort();
      expect(linked).toEqual(['App', ...spec.links].sort());
      for (const name of spec.links) {
        expect(JSON.parse(environment[`SST_RESOURCE_${name}`]!)).toEqual(inputs.linkProperties[name]);
      }
    });

    it(`signs ${spec.name}'s calls with its own role's key`, () => {
      const environment = functionEnvironment(spec, inputs);
      expect(environment['AWS_ACCESS_KEY_ID']).toBe(identities.functions[spec.name]!.credentials.accessKeyId);
      const others = functions.filter((other) => other.name !== spec.name);
      for (const other of others) {
        expect(environment['AWS_ACCESS_KEY_ID']).not.toBe(
          identities.functions[other.name]!.credentials.accessKeyId,
        );
      }
    });
  }

  it('gives settings only to the function they belong to', () => {
    expect(
      functionEnvironment(
        functions.find((spec) => spec.name === 'Worker')!,
        inputs,
      )['JWT_ISSUER'],
    ).toBeUndefined();
    expect(
      functionEnvironment(
        functions.find((spec) => spec.name === 'Authorizer')!,
        inputs,
      )['JWT_ISSUER'],
    ).toBe('http://127.0.0.1:3');
  });
});
