/**
 * Runs the SST program (sst.config.ts + infra/) the way `sst deploy` does, with AWS replaced by
 * Pulumi's runtime mocks, and records every resource it declares.
 *
 * What stands in for what:
 * - the SST CLI's esbuild step: `bundleProgram` in program-bundle.ts (same entry, injected
 *   globals, shim and defines as `pkg/project` and `pkg/js` in the sst repository);
 * - the SST CLI's RPC server (`SST_SERVER`): `startCliRpcServer` in cli-rpc-server.ts,
 *   answering the two methods components call during a deploy (`Provider.Aws.Bootstrap`,
 *   `Runtime.Build`);
 * - AWS (the Pulumi engine and the AWS provider): `mockAws` in pulumi-mocks.ts, `setMocks` on
 *   the @pulumi/pulumi copy that the components load from .sst/platform/node_modules.
 *
 * This leans on SST internals, so sst is pinned; when an upgrade moves them, the errors thrown
 * (SstInternalsMovedError, sst-platform.ts) say which piece moved.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as PulumiModule from '../../../.sst/platform/node_modules/@pulumi/pulumi/index.js';
import { type RecordedBuild, startCliRpcServer } from './cli-rpc-server.ts';
import { bundleProgram } from './program-bundle.ts';
import { loadPlatformPulumi, mockAws, type RecordedCall, type RecordedResource } from './pulumi-mocks.ts';
import { SstInternalsMovedError } from './sst-platform.ts';

export type { RecordedBuild } from './cli-rpc-server.ts';
export {
  mockAccount,
  mockRegion,
  type RecordedCall,
  type RecordedOptions,
  type RecordedResource,
} from './pulumi-mocks.ts';
export { repositoryRoot, SstInternalsMovedError } from './sst-platform.ts';

/** A run takes a few seconds; a busy machine running other suites may need many more. */
export const programRunTimeoutMs = 60_000;

export interface ProgramRun {
  readonly resources: readonly RecordedResource[];
  readonly calls: readonly RecordedCall[];
  readonly builds: readonly RecordedBuild[];
  readonly rpcMethods: readonly string[];
  readonly unansweredRpcMethods: readonly string[];
  readonly outputs: Record<string, unknown>;
  /** `$app` as the program saw it: `app()`'s answer for the stage (providers included). */
  readonly app: Record<string, unknown>;
}

export interface RunOptions {
  /** Environment variables the program sees (e.g. `RESOLVER_BUNDLE_DIR`, `JWT_ISSUER`). */
  readonly env?: Readonly<Record<string, string>>;
  readonly stage?: string;
  /**
   * Settings laid over the stage's own from infra/settings.ts, to run settings no stage in the
   * repository has (an identity provider, SES, self sign-up).
   */
  readonly settings?: Readonly<Record<string, unknown>>;
}

/**
 * Rejections outside the program's own promise (a missing secret inside an output, say) never
 * settle the run: the first one ends it, and all are kept.
 */
class AsyncFailures {
  readonly reasons: unknown[] = [];
  readonly ended: Promise<never>;
  private endRun: (reason: unknown) => void = () => undefined;

  constructor() {
    this.ended = new Promise<never>((_, reject) => (this.endRun = reject));
    this.ended.catch(() => undefined);
  }

  readonly onRejection = (reason: unknown): void => {
    this.reasons.push(reason);
    this.endRun(reason);
  };
}

/** Runs the bundled program in a Pulumi stack; its outputs once every RPC it started is done. */
async function runBundledProgram(
  pulumi: typeof PulumiModule,
  programRun: Promise<unknown>,
  failures: AsyncFailures,
): Promise<Record<string, unknown>> {
  const outputs = ((await Promise.race([programRun, failures.ended])) ?? {}) as Record<string, unknown>;
  const waitForRPCs = (pulumi.runtime as unknown as { waitForRPCs?: () => Promise<void> }).waitForRPCs;
  if (!waitForRPCs) throw new SstInternalsMovedError('@pulumi/pulumi runtime.waitForRPCs is gone');
  await Promise.race([waitForRPCs(), failures.ended]);
  if (failures.reasons.length > 0) throw failures.reasons[0];
  return outputs;
}

/**
 * Bundles and runs the SST program once under mocks. Resolves when every resource has been
 * registered; rejects with the program's own error if it throws.
 */
export async function runSstProgram(options: RunOptions = {}): Promise<ProgramRun> {
  const stage = options.stage ?? 'test';
  const buildRoot = mkdtempSync(join(tmpdir(), 'leaderboard-infra-builds-'));
  const server = await startCliRpcServer(buildRoot);
  const savedEnv = { ...process.env };
  const failures = new AsyncFailures();
  let bundle: string | undefined;
  let programRun: Promise<unknown> | undefined;
  try {
    Object.assign(process.env, {
      SST_SERVER: server.url,
      AWS_EC2_METADATA_DISABLED: 'true',
      ...options.env,
    });
    process.on('unhandledRejection', failures.onRejection);
    const pulumi = loadPlatformPulumi();
    const { resources, calls } = await mockAws(pulumi, stage);
    const bundled = await bundleProgram(stage, options.settings);
    bundle = bundled.outfile;
    const program = (await import(pathToFileURL(bundle).href)) as {
      default: () => Promise<Record<string, unknown>>;
    };
    programRun = pulumi.runtime.runInPulumiStack(program.default);
    const outputs = await runBundledProgram(pulumi, programRun, failures);
    return {
      resources,
      calls,
      builds: server.builds,
      rpcMethods: server.methods,
      unansweredRpcMethods: server.unanswered,
      outputs,
      app: bundled.app,
    };
  } finally {
    // A failed program may still be building functions: let those calls finish, not meet a closed port.
    if (failures.reasons.length > 0) {
      const cap = new Promise((resolve) => setTimeout(resolve, 30_000).unref());
      await Promise.race([programRun?.catch(() => undefined), cap]);
      await server.settled(2_000, 30_000);
    }
    process.off('unhandledRejection', failures.onRejection);
    for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
    Object.assign(process.env, savedEnv);
    await server.close();
    if (bundle) rmSync(bundle, { force: true });
    rmSync(buildRoot, { recursive: true, force: true });
  }
}
