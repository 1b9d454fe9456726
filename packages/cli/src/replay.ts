/**
 * `pnpm replay [--reason <why>] [--by <name>] [--resume <runId>]`: rebuilds every aggregate of
 * the running local stack from its Activities log, page by page, while the stack keeps serving.
 * The same code as the deployed replay job; a run stopped halfway goes on with `--resume`.
 */
import { userInfo } from 'node:os';
import { serviceConfig } from '@leaderboard/core/config';
import { activitiesTable, scoresTable } from '@leaderboard/core/tables';
import { BoardChangeMarker } from '@leaderboard/functions/aggregation/board-changes';
import { operatorDocumentClient } from '@leaderboard/functions/operations/document-client';
import { ReplayRunNotFoundError } from '@leaderboard/functions/operations/errors';
import {
  continueReplay,
  readReplayRun,
  startReplay,
  type ReplayDependencies,
} from '@leaderboard/functions/operations/replay';
import { parseCommandLine } from './command-line.ts';
import { CliError } from './errors.ts';
import { runCli } from './run-cli.ts';
import { connectToStack } from './stack-connection.ts';

const usage = `Usage: pnpm replay [--reason <why>] [--by <name>] [--rescore] [--resume <runId>] [--json]

Rebuilds every total, progress, team counter and score histogram of the running local stack
(\`pnpm start\`) from its Activities log, while it keeps serving. Boards change at the next rebuild.
  --reason   kept in the audit trail (default: "Replay from the command line")
  --by       who runs it, for the audit trail (default: your login name)
  --rescore  first score every applied activity again by the current catalog and daily caps
             (after a scoring rule was corrected), writing the new points to the log
  --resume   go on with a run that stopped, from the page it had reached`;

runCli(async () => {
  const { values } = parseCommandLine(usage, {
    options: {
      reason: { type: 'string' },
      by: { type: 'string' },
      resume: { type: 'string' },
      rescore: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const stack = connectToStack();
  // The operator's own connection, as on AWS their own credentials (the stack's, locally).
  const { documentClient, close } = operatorDocumentClient({
    endpoint: stack.dynamoEndpoint,
    region: stack.region,
    credentials: stack.credentials,
  });
  const deps: ReplayDependencies = {
    documentClient,
    tables: { activities: activitiesTable.name, scores: scoresTable.name },
    config: serviceConfig,
    boardChanges: new BoardChangeMarker({
      documentClient,
      scoresTable: scoresTable.name,
      ttlSeconds: serviceConfig.boardChangeTtlSeconds,
    }),
  };
  try {
    const runId =
      values.resume ??
      (
        await startReplay(deps, {
          startedBy: values.by ?? userInfo().username,
          reason: values.reason ?? 'Replay from the command line',
          rescore: values.rescore,
        })
      ).runId;
    // A run to resume must exist before anything is said about it.
    if (values.resume) await readReplayRun(deps, runId);
    if (!values.json)
      process.stderr.write(`${values.resume ? 'resuming replay run' : 'replay run'} ${runId}\n`);
    const run = await continueReplay(deps, runId, (progress) => {
      if (!values.json && progress.pages > 0)
        process.stderr.write(
          `  page ${progress.pages}: ${progress.usersReplayed} users replayed, ${progress.usersChanged} changed\n`,
        );
      return true;
    });
    process.stdout.write(
      values.json
        ? `${JSON.stringify(run)}\n`
        : `done: ${run.usersReplayed} users replayed over ${run.pages} pages, ${run.usersChanged} of them changed` +
            `${run.rescore ? `, ${run.activitiesRescored} activities rescored` : ''}\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ReplayRunNotFoundError)
      throw new CliError(`${error.message}: check the id given to --resume`);
    throw error;
  } finally {
    close();
  }
});
