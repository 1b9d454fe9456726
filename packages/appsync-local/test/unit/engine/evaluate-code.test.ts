/** `evaluateCode`: one handler against a given context, as AppSync's EvaluateCode API answers. */
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { evaluateCode } from '../../../src/engine/index.ts';
import { bundleFixtures } from '../../fixtures/resolvers/bundle.ts';

let bundlesDir: string;

beforeAll(async () => {
  bundlesDir = await bundleFixtures();
});

test('a request handler: its request object and the stash after it', () => {
  const output = evaluateCode({
    file: join(bundlesDir, 'functions', 'loadUser.js'),
    handler: 'request',
    context: {
      prev: { result: { started: 'ada' } },
      stash: { trace: [], userKey: { pk: 'USER#ada', sk: 'PROFILE' } },
    },
  });
  expect(output).toEqual({
    evaluationResult: { operation: 'GetItem', key: { pk: { S: 'USER#ada' }, sk: { S: 'PROFILE' } } },
    stash: { trace: ['loadUser after {"started":"ada"}'], userKey: { pk: 'USER#ada', sk: 'PROFILE' } },
    outErrors: [],
    logs: [],
  });
});

test('a response handler given ctx.error raises it', () => {
  const output = evaluateCode({
    file: join(bundlesDir, 'Query.getItem.js'),
    handler: 'response',
    context: { error: { message: 'boom', type: 'DynamoDB:ProvisionedThroughputExceededException' } },
  });
  expect(output.error).toEqual({
    message: 'boom',
    errorType: 'DynamoDB:ProvisionedThroughputExceededException',
    data: null,
    errorInfo: null,
  });
  expect(output.evaluationResult).toBeNull();
});

test('early returns, appended errors and runtime errors', () => {
  expect(
    evaluateCode({
      file: join(bundlesDir, 'Query.utilities.js'),
      handler: 'request',
      context: { arguments: { early: true } },
    }),
  ).toMatchObject({
    evaluationResult: { early: true },
    earlyReturn: { skipTo: undefined },
  });
  expect(
    evaluateCode({
      file: join(bundlesDir, 'Query.errorShapes.js'),
      handler: 'request',
      context: { arguments: { mode: 'ok' } },
    }),
  ).toMatchObject({
    evaluationResult: { payload: { reached: 'data source' } },
    outErrors: [{ message: 'first warning', errorType: 'Warning' }],
  });
  expect(evaluateCode({ file: join(bundlesDir, 'Query.crash.js'), handler: 'request' }).error).toMatchObject({
    errorType: 'Code',
    message: expect.stringMatching(/Query\.crash\.ts:6:\d+: TypeError: Cannot read properties of undefined/),
  });
});
