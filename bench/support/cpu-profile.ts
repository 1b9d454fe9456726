/**
 * A CPU profile of this process (the stack: API, IAM gateway, pipe, event source mapping), taken
 * with the inspector, and where its time went: self time grouped by what the code belongs to.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly url: string; readonly functionName: string };
  readonly children?: readonly number[];
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const nodeInternals = 'Node internals (http, streams, crypto, JSON)';

/** Ordered: the first pattern a frame's URL or name matches names its group. */
const groups: ReadonlyArray<readonly [string, RegExp]> = [
  ['idle (waiting for I/O)', /^\(idle\)$/],
  ['garbage collection', /^\(garbage collector\)$/],
  ['graphql-js (parse, validate, execute)', /node_modules\/.*graphql\/|\/graphql@/],
  [
    'resolver sandbox (node:vm, APPSYNC_JS util)',
    /appsync-local\/src\/engine\/(sandbox|module-loader|runtime|invocation|util|evaluate)|^evalmachine|\/resolvers\/dist\//,
  ],
  ['resolver engine, data sources', /appsync-local\/src\/engine\//],
  ['API server (HTTP, auth, executor)', /appsync-local\/src\/server\//],
  ['IAM policy evaluation', /@cloud-copilot|appsync-local\/src\/iam\//],
  ['IAM gateway (SigV4, routing, forwarding)', /packages\/local\/src\/iam\//],
  ['AWS SDK clients', /@aws-sdk|@smithy|@aws-crypto/],
  ['pipe, event source mapping, scheduler', /packages\/local\/src\/(emulators|stack)\//],
  ['SQS emulator', /local-aws-sqs/],
  ['V8 outside JavaScript (program)', /^\(program\)$/],
  ['(root)', /^\(root\)$/],
  [nodeInternals, /^node:|^internal\/|^$/],
];

export class CpuProfiler {
  private readonly session = new Session();

  async start(): Promise<void> {
    this.session.connect();
    await this.session.post('Profiler.enable');
    await this.session.post('Profiler.setSamplingInterval', { interval: 500 });
    await this.session.post('Profiler.start');
  }

  /** Stops, writes the profile to `file` (open it in Chrome DevTools) and returns self time per group. */
  async stop(file: string): Promise<Array<{ group: string; ms: number; share: number }>> {
    const { profile } = (await this.session.post('Profiler.stop')) as { profile: Profile };
    this.session.disconnect();
    writeFileSync(file, JSON.stringify(profile));
    return selfTimeByGroup(profile);
  }
}

/**
 * Time per group; a sample in Node's own code (http, crypto, JSON, streams) counts for the
 * nearest caller up its stack that is not, so hashing for a signature counts where it was asked for.
 */
export function selfTimeByGroup(profile: Profile): Array<{ group: string; ms: number; share: number }> {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const labels = new Map<number, string>();
  const labelOf = (id: number): string => {
    const known = labels.get(id);
    if (known) return known;
    const node = nodes.get(id);
    let label = node ? groupOf(node) : 'other';
    const parent = parents.get(id);
    if (label === nodeInternals && parent !== undefined) {
      const above = labelOf(parent);
      if (above !== '(root)') label = above;
    }
    labels.set(id, label);
    return label;
  };
  const totals = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    const label = labelOf(id);
    totals.set(label, (totals.get(label) ?? 0) + micros);
    all += micros;
  });
  return [...totals.entries()]
    .map(([group, micros]) => ({ group, ms: micros / 1000, share: micros / all }))
    .sort((a, b) => b.ms - a.ms);
}

function groupOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  for (const [group, pattern] of groups) {
    if (pattern.test(url) || (url === '' && pattern.test(functionName))) return group;
  }
  return url === '' ? `(${functionName || 'native'})` : 'other';
}
