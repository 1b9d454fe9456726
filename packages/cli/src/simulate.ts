/**
 * `pnpm simulate [--users 20] [--rate 10] [--duration 30s] [--programs spring-run,step-up] [--teams 3]`:
 * many users recording activities through the local GraphQL API, each with a real token naming
 * their team, in the running programs (one is created when none runs).
 */
import { SingleBar } from 'cli-progress';
import { commaSeparated, durationArgument, parseCommandLine } from './command-line.ts';
import { UsageError } from './errors.ts';
import { runCli } from './run-cli.ts';
import { programsForSimulation } from './simulated-programs.ts';
import { runSimulation, type SimulatedUser, type SimulationSummary } from './simulation.ts';
import { simulatedTeam } from './teams.ts';
import { connectToStack, trustedCertificate } from './stack-connection.ts';
import { requestToken } from './token-client.ts';

const usage = `Usage: pnpm simulate [options]

Records activities for many users through the running local stack's GraphQL API.

  --users <n>          simulated users (default 20)
  --rate <n>           calls per second over all users (default 10)
  --duration <d>       how long, e.g. 30s, 2m (default 30s)
  --programs <a,b>     running programs to record for (default: every running program; with
                       none running, one is created as an admin); alias --boards
  --teams <n>          teams the users are spread over, of sizes 1:2:...:n (default 3; 0 for none)
  --prefix <text>      user id prefix (default sim-user-)
  --json               print the summary as JSON`;

function positiveNumber(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new UsageError(`--${name} must be a positive number, got "${text}"`);
  return value;
}

function wholeNumberOfTeams(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 26)
    throw new UsageError(`--teams must be a whole number from 0 to 26, got "${text}"`);
  return value;
}

function printSummary(summary: SimulationSummary, boards: readonly string[]): void {
  const lines = [
    '',
    `Simulation finished in ${(summary.elapsedMs / 1000).toFixed(1)} s: ${summary.sent} calls`,
    `  accepted  ${summary.accepted}`,
    `  refused   ${summary.refused}${
      Object.keys(summary.refusedByType).length
        ? `  (${Object.entries(summary.refusedByType)
            .map(([type, count]) => `${type} ${count}`)
            .join(', ')})`
        : ''
    }`,
    `  failed    ${summary.failed}`,
    `  retried   ${summary.retries} (ConcurrentModification: sent again with the same idempotency key)`,
    ...Object.entries(summary.failures).map(([reason, count]) => `            ${count} x ${reason}`),
    `  latency   p50 ${summary.latencyMs.p50.toFixed(0)} ms, p95 ${summary.latencyMs.p95.toFixed(0)} ms, max ${summary.latencyMs.max.toFixed(0)} ms`,
    '',
    `Boards touched: global, this week${boards.length ? `, ${boards.map((program) => `program:${program}`).join(', ')}` : ''}, and their team boards (team:<board>).`,
    'The rebuilder publishes the new rankings within seconds, on its next tick.',
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

runCli(async () => {
  const { values } = parseCommandLine(usage, {
    options: {
      users: { type: 'string' },
      rate: { type: 'string' },
      duration: { type: 'string' },
      programs: { type: 'string' },
      boards: { type: 'string' },
      teams: { type: 'string' },
      prefix: { type: 'string', default: 'sim-user-' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const userCount = Math.round(positiveNumber(values.users, 'users', 20));
  const ratePerSecond = positiveNumber(values.rate, 'rate', 10);
  const durationMs = durationArgument(values.duration ?? '30s');
  const requestedPrograms = values.programs ?? values.boards;

  const teamCount = values.teams === undefined ? 3 : wholeNumberOfTeams(values.teams);
  const stack = connectToStack();
  const { programs, created } = await programsForSimulation(
    stack,
    requestedPrograms === undefined ? null : commaSeparated(requestedPrograms),
  );
  if (created && !values.json) process.stderr.write(`no program was running: created ${programs[0]?.id}\n`);
  const width = String(userCount).length;
  const users: SimulatedUser[] = [];
  for (let index = 1; index <= userCount; index += 1) {
    const userId = `${values.prefix}${String(index).padStart(width, '0')}`;
    users.push({
      userId,
      token: await requestToken(stack, {
        sub: userId,
        name: `Simulated user ${index}`,
        ...(teamCount > 0 ? { team: simulatedTeam(index - 1, teamCount) } : {}),
      }),
    });
  }

  const interactive = process.stderr.isTTY && !values.json;
  const bar = interactive
    ? new SingleBar({
        format:
          'simulate |{bar}| {percentage}% | {value}/{total} answered | accepted {accepted} refused {refused} failed {failed}',
        hideCursor: true,
        stream: process.stderr,
      })
    : undefined;
  const planned = Math.max(1, Math.round((ratePerSecond * durationMs) / 1000));
  bar?.start(planned, 0, { accepted: 0, refused: 0, failed: 0 });
  if (!interactive && !values.json) {
    process.stderr.write(
      `simulating ${userCount} users, ${ratePerSecond} calls/s for ${durationMs / 1000} s against ${stack.graphqlUrl}\n`,
    );
  }
  let lastLine = 0;
  const summary = await runSimulation({
    graphqlUrl: stack.graphqlUrl,
    certificate: trustedCertificate(stack),
    users,
    ratePerSecond,
    durationMs,
    programs,
    onProgress: (progress) => {
      const answered = progress.accepted + progress.refused + progress.failed;
      if (bar) bar.update(answered, progress);
      else if (!values.json && Date.now() - lastLine > 5000) {
        lastLine = Date.now();
        process.stderr.write(
          `  ${answered}/${planned}: accepted ${progress.accepted}, refused ${progress.refused}, failed ${progress.failed}\n`,
        );
      }
    },
  });
  bar?.stop();
  if (values.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else
    printSummary(
      summary,
      programs.map((program) => program.id),
    );
  return summary.failed > 0 ? 1 : 0;
});
