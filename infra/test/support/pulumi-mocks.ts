/**
 * AWS, mocked: Pulumi's runtime mocks (`setMocks` on the @pulumi/pulumi copy the components load
 * from .sst/platform/node_modules) answering each resource with outputs made up from its name
 * and each provider function call (region, caller identity, policy documents) as AWS would,
 * while every resource, its registration options and every call are recorded.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as PulumiModule from '../../../.sst/platform/node_modules/@pulumi/pulumi/index.js';
import { platformDir, SstInternalsMovedError } from './sst-platform.ts';

export const mockAccount = '123456789012';
export const mockRegion = 'us-east-1';

export interface RecordedResource {
  readonly type: string;
  readonly name: string;
  readonly id: string;
  readonly inputs: Record<string, unknown>;
  /** Inputs plus the outputs the mock made up (arn, url, ...). */
  readonly state: Record<string, unknown>;
  /** The resource options the program registered it with. */
  readonly options: RecordedOptions;
}

export interface RecordedOptions {
  readonly protect: boolean;
  readonly retainOnDelete: boolean;
  readonly deleteBeforeReplace: boolean;
  readonly ignoreChanges: readonly string[];
  readonly replaceOnChanges: readonly string[];
}

export interface RecordedCall {
  readonly token: string;
  readonly inputs: Record<string, unknown>;
}

export function loadPlatformPulumi(): typeof PulumiModule {
  const requireFromPlatform = createRequire(join(platformDir, 'package.json'));
  return requireFromPlatform('@pulumi/pulumi') as typeof PulumiModule;
}

const serviceOfType = (type: string): string => type.split(':')[1]?.split('/')[0] ?? 'unknown';

/** Outputs AWS would compute, made up deterministically from the resource's name. */
function madeUpOutputs(
  type: string,
  name: string,
  id: string,
  inputs: Record<string, unknown>,
): Record<string, unknown> {
  const physicalName = typeof inputs.name === 'string' ? inputs.name : name;
  const service = serviceOfType(type);
  const arn = `arn:aws:${service}:${mockRegion}:${mockAccount}:${physicalName}`;
  switch (type) {
    case 'aws:dynamodb/table:Table': {
      const tableArn = `arn:aws:dynamodb:${mockRegion}:${mockAccount}:table/${physicalName}`;
      return {
        name: physicalName,
        arn: tableArn,
        streamArn: inputs.streamEnabled ? `${tableArn}/stream/2026-01-01T00:00:00.000` : undefined,
      };
    }
    case 'aws:sqs/queue:Queue':
      return {
        name: physicalName,
        arn: `arn:aws:sqs:${mockRegion}:${mockAccount}:${physicalName}`,
        url: `https://sqs.${mockRegion}.amazonaws.com/${mockAccount}/${physicalName}`,
      };
    case 'aws:appsync/graphQLApi:GraphQLApi':
      return {
        arn: `arn:aws:appsync:${mockRegion}:${mockAccount}:apis/${id}`,
        uris: {
          GRAPHQL: `https://${id}.appsync-api.${mockRegion}.amazonaws.com/graphql`,
          REALTIME: `wss://${id}.appsync-realtime-api.${mockRegion}.amazonaws.com/graphql`,
        },
      };
    case 'aws:appsync/function:Function':
      return { functionId: `${id}-function-id`, arn: `${arn}-function` };
    case 'aws:appsync/apiKey:ApiKey':
      return { key: `da2-${id}`, apiKeyId: `${id}-key-id` };
    case 'aws:lambda/function:Function': {
      const functionArn = `arn:aws:lambda:${mockRegion}:${mockAccount}:function:${physicalName}`;
      return {
        name: physicalName,
        arn: functionArn,
        qualifiedArn: `${functionArn}:$LATEST`,
        invokeArn: functionArn,
      };
    }
    case 'aws:iam/role:Role':
      return { name: physicalName, arn: `arn:aws:iam::${mockAccount}:role/${physicalName}` };
    case 'aws:cognito/userPool:UserPool':
      return {
        arn: `arn:aws:cognito-idp:${mockRegion}:${mockAccount}:userpool/${id}`,
        endpoint: `cognito-idp.${mockRegion}.amazonaws.com/${id}`,
      };
    default:
      return { name: physicalName, arn };
  }
}

interface PolicyStatementInput {
  effect?: string;
  actions?: string[];
  notActions?: string[];
  resources?: string[];
  principals?: { type: string; identifiers: string[] }[];
  conditions?: { test: string; variable: string; values: string[] }[];
}

/** `iam.getPolicyDocument`, rendered the way the AWS provider renders it. */
function renderPolicyDocument(inputs: { statements?: PolicyStatementInput[] }): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: (inputs.statements ?? []).map((statement) => ({
      Effect: statement.effect ?? 'Allow',
      ...(statement.actions ? { Action: statement.actions } : {}),
      ...(statement.notActions ? { NotAction: statement.notActions } : {}),
      ...(statement.resources ? { Resource: statement.resources } : {}),
      ...(statement.principals
        ? { Principal: Object.fromEntries(statement.principals.map((p) => [p.type, p.identifiers])) }
        : {}),
    })),
  });
}

function answerCall(token: string, inputs: Record<string, unknown>): Record<string, unknown> {
  switch (token) {
    case 'aws:index/getRegion:getRegion':
      return { id: mockRegion, name: mockRegion, region: mockRegion };
    case 'aws:index/getCallerIdentity:getCallerIdentity':
      return {
        accountId: mockAccount,
        arn: `arn:aws:iam::${mockAccount}:user/test`,
        userId: 'test',
        id: mockAccount,
      };
    case 'aws:index/getPartition:getPartition':
      return { partition: 'aws', dnsSuffix: 'amazonaws.com', id: 'aws' };
    case 'aws:iam/getPolicyDocument:getPolicyDocument':
      // The provider echoes the statements back with the rendered document; SST reads both.
      return {
        ...inputs,
        statements: (inputs.statements as unknown[] | undefined)?.length ? inputs.statements : undefined,
        json: renderPolicyDocument(inputs),
        id: 'policy',
      };
    default:
      return {};
  }
}

const readResourceOptions: RecordedOptions = {
  protect: false,
  retainOnDelete: false,
  deleteBeforeReplace: false,
  ignoreChanges: [],
  replaceOnChanges: [],
};

/** What the mocked monitor's registration requests carry that `newResource` does not pass on. */
interface RegisterResourceRequest {
  getType(): string;
  getName(): string;
  getProtect(): boolean | undefined;
  getRetainondelete(): boolean | undefined;
  getDeletebeforereplace(): boolean;
  getIgnorechangesList(): string[];
  getReplaceonchangesList(): string[];
}

/**
 * Wraps the mock monitor's `registerResource` to keep each resource's options (protect,
 * retainOnDelete, ...), which Pulumi's mocks do not hand to `newResource`. The wrapper runs
 * first, so the options are there when `newResource` records the resource.
 */
function recordRegisteredOptions(pulumi: typeof PulumiModule): Map<string, RecordedOptions> {
  const recorded = new Map<string, RecordedOptions>();
  const monitor = pulumi.runtime.getMonitor() as unknown as {
    registerResource?: (request: RegisterResourceRequest, callback: unknown) => unknown;
  };
  const register = monitor.registerResource?.bind(monitor);
  if (!register) throw new SstInternalsMovedError('The Pulumi mock monitor has no registerResource');
  monitor.registerResource = (request, callback) => {
    recorded.set(`${request.getType()} ${request.getName()}`, {
      protect: request.getProtect() ?? false,
      retainOnDelete: request.getRetainondelete() ?? false,
      deleteBeforeReplace: request.getDeletebeforereplace(),
      ignoreChanges: request.getIgnorechangesList(),
      replaceOnChanges: request.getReplaceonchangesList(),
    });
    return register(request, callback);
  };
  return recorded;
}

/**
 * Installs the mocks for a run of `stage`; the resources and calls the program makes are
 * appended to the lists returned.
 */
export async function mockAws(
  pulumi: typeof PulumiModule,
  stage: string,
): Promise<{ resources: RecordedResource[]; calls: RecordedCall[] }> {
  const resources: RecordedResource[] = [];
  const calls: RecordedCall[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        const id = `${args.name}-id`;
        const state = { ...args.inputs, ...madeUpOutputs(args.type, args.name, id, args.inputs) };
        // A resource read with `.get()` has no registration request, and no options.
        const registered = registeredOptions.get(`${args.type} ${args.name}`) ?? readResourceOptions;
        resources.push({
          type: args.type,
          name: args.name,
          id,
          inputs: args.inputs,
          state,
          options: registered,
        });
        return { id, state };
      },
      call(args) {
        calls.push({ token: args.token, inputs: args.inputs });
        return answerCall(args.token, args.inputs);
      },
    },
    'leaderboard',
    stage,
    false,
  );
  const registeredOptions = recordRegisteredOptions(pulumi);
  return { resources, calls };
}
