/**
 * The service's Lambda functions, run locally from their core specs: each with exactly the
 * environment SST gives it in the cloud (its links as `SST_RESOURCE_*`, `App`, its settings),
 * its own role's credentials, and the local endpoints, and nothing else of this process.
 */
import {
  activitiesQueue,
  functions,
  linkableResources,
  standingFunction,
  workerFunction,
  type FunctionSpec,
  type LinkName,
} from '@leaderboard/core';
import { LocalFunction } from '../emulators/lambda-function.ts';
import type { RoleIdentity } from './roles.ts';

export interface FunctionEnvironmentInputs {
  readonly region: string;
  readonly accountId: string;
  readonly root: string;
  /** Where every AWS call goes: the IAM gateway. */
  readonly awsEndpoint: string;
  /** What each linkable resource gives `Resource.<Name>`. */
  readonly linkProperties: Readonly<Record<LinkName, Readonly<Record<string, string>>>>;
  readonly app: { readonly name: string; readonly stage: string };
  /** Settings a function gets besides its links (the authorizer's issuers). */
  readonly settings: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly identities: Readonly<Record<string, RoleIdentity>>;
  /** Each function's environments under Node's inspector, on this port and up (0: the system's choice). */
  readonly inspectPort?: number;
  readonly verbose: boolean;
  readonly log: (line: string) => void;
}

/** The variables a function sees, apart from Lambda's reserved ones. */
export function functionEnvironment(
  spec: FunctionSpec,
  inputs: FunctionEnvironmentInputs,
): Record<string, string> {
  const identity = inputs.identities[spec.name];
  if (!identity) throw new Error(`function ${spec.name} has no role`);
  const links = Object.fromEntries(
    spec.links.map((name) => [`SST_RESOURCE_${name}`, JSON.stringify(inputs.linkProperties[name])]),
  );
  return {
    ...spec.environment,
    ...inputs.settings[spec.name],
    ...links,
    SST_RESOURCE_App: JSON.stringify(inputs.app),
    AWS_ACCESS_KEY_ID: identity.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: identity.credentials.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: inputs.awsEndpoint,
    AWS_ENDPOINT_URL_DYNAMODB_STREAMS: inputs.awsEndpoint,
    AWS_ENDPOINT_URL_SQS: inputs.awsEndpoint,
    AWS_EC2_METADATA_DISABLED: 'true',
    POWERTOOLS_LOG_LEVEL: process.env['POWERTOOLS_LOG_LEVEL'] ?? (inputs.verbose ? 'INFO' : 'WARN'),
    POWERTOOLS_METRICS_DISABLED:
      process.env['POWERTOOLS_METRICS_DISABLED'] ?? (inputs.verbose ? 'false' : 'true'),
  };
}

/**
 * Concurrent environments per function: the authorizer answers many requests at once; the
 * worker as many batches as its event source mapping keeps in flight.
 */
const maxConcurrency: Readonly<Record<string, number>> = {
  Authorizer: 4,
  // Answers myStanding past the snapshot: as many at once as the authorizer admits callers.
  [standingFunction.name]: 4,
  [workerFunction.name]: activitiesQueue.batch.maximumConcurrency,
};

export type LocalFunctions = Readonly<Record<(typeof functions)[number]['name'], LocalFunction>>;

export function startFunctions(inputs: FunctionEnvironmentInputs): LocalFunctions {
  const linkable = Object.keys(linkableResources);
  for (const spec of functions) {
    const unknown = spec.links.filter((name) => !linkable.includes(name));
    if (unknown.length > 0) throw new Error(`${spec.name} links unknown resources: ${unknown.join(', ')}`);
  }
  const { inspectPort } = inputs;
  return Object.fromEntries(
    functions.map((spec, index) => [
      spec.name,
      new LocalFunction({
        identity: {
          name: spec.name,
          timeoutSeconds: spec.timeoutSeconds,
          memoryMb: spec.memoryMb,
          region: inputs.region,
          accountId: inputs.accountId,
        },
        handler: spec.handler,
        root: inputs.root,
        environment: functionEnvironment(spec, inputs),
        maxConcurrency: maxConcurrency[spec.name] ?? 1,
        onOutput: (line) => inputs.log(`[${spec.name}] ${line}`),
        ...(inspectPort === undefined
          ? {}
          : {
              inspectPort: inspectPort === 0 ? 0 : inspectPort + index,
              onInspector: (url: string) => inputs.log(`[${spec.name}] debugger listening on ${url}`),
            }),
      }),
    ]),
  ) as LocalFunctions;
}
