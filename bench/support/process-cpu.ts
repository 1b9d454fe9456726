/**
 * CPU time per process of this process tree (the stack, its Lambda environments, DynamoDB Local,
 * load generators) over an interval, read from /proc: where the machine's cores went.
 */
import { readdirSync, readFileSync } from 'node:fs';

const ticksPerSecond = 100; // USER_HZ on Linux

interface ProcessSample {
  readonly pid: number;
  readonly parent: number;
  readonly label: string;
  readonly ticks: number;
}

function readProcess(pid: number): ProcessSample | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return {
      pid,
      parent: Number(fields[1]),
      label: labelOf(cmdline, pid),
      // utime + stime: a process that ends in between is not counted (load generators report their own).
      ticks: Number(fields[11]) + Number(fields[12]),
    };
  } catch {
    return undefined;
  }
}

function labelOf(cmdline: readonly string[], pid: number): string {
  if (pid === process.pid) return 'stack (API, IAM gateway, pipe, event source mapping, SQS emulator)';
  const text = cmdline.join(' ');
  if (text.includes('DynamoDBLocal')) return 'DynamoDB Local (Java)';
  if (text.includes('lambda-host')) {
    const handler = /functions\/src\/([\w-]+)\.ts/.exec(text)?.[1] ?? 'function';
    return `Lambda: ${handler}`;
  }
  if (text.includes('-load.ts') || text.includes('load-')) return 'load generator';
  return cmdline.slice(0, 2).join(' ').slice(0, 60);
}

/** This process and every process below it. */
function treeSample(): ProcessSample[] {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProcess(Number(name)))
    .filter((sample): sample is ProcessSample => sample !== undefined);
  const inTree = new Set([process.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const sample of all) {
      if (!inTree.has(sample.pid) && inTree.has(sample.parent)) {
        inTree.add(sample.pid);
        grew = true;
      }
    }
  }
  return all.filter((sample) => inTree.has(sample.pid));
}

export class ProcessCpu {
  private readonly before = new Map(treeSample().map((sample) => [sample.pid, sample.ticks]));
  private readonly started = performance.now();

  /** CPU seconds per label since construction, and as a share of one core over the interval. */
  finish(): Array<{ label: string; cpuSeconds: number; cores: number }> {
    const elapsedSeconds = (performance.now() - this.started) / 1000;
    const byLabel = new Map<string, number>();
    for (const sample of treeSample()) {
      const ticks = sample.ticks - (this.before.get(sample.pid) ?? 0);
      byLabel.set(sample.label, (byLabel.get(sample.label) ?? 0) + ticks / ticksPerSecond);
    }
    return [...byLabel.entries()]
      .map(([label, cpuSeconds]) => ({ label, cpuSeconds, cores: cpuSeconds / elapsedSeconds }))
      .filter((entry) => entry.cpuSeconds > 0)
      .sort((a, b) => b.cpuSeconds - a.cpuSeconds);
  }
}
