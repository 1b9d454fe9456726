import type { FunctionSpec } from '@leaderboard/core/functions';
import { linksOf, policyStatements } from './access.ts';

/**
 * The runtime every Lambda uses, stated here rather than left to SST's default so that an SST
 * upgrade cannot move it.
 */
export const lambdaRuntime = 'nodejs24.x';

/** The `sst.aws.Function` arguments of a function, all from its core spec: links and grants included. */
export function functionArgsFromSpec(spec: FunctionSpec): sst.aws.FunctionArgs {
  return {
    handler: spec.handler,
    runtime: lambdaRuntime,
    timeout: `${spec.timeoutSeconds} seconds`,
    memory: `${spec.memoryMb} MB`,
    architecture: 'arm64',
    link: linksOf(spec),
    ...(spec.environment ? { environment: { ...spec.environment } } : {}),
    permissions: policyStatements(spec),
  };
}
