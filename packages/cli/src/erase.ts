/**
 * `pnpm erase --user <id> --reason <reference> [--by <admin>]`: erases a user from the running
 * local stack through the API, as an admin would: `eraseUser` batch after batch, each call going
 * on from the previous one's token, until nothing about the user is left.
 */
import { EraseUserDocument, type EraseUserMutation } from '@leaderboard/core/generated/operations';
import { parseCommandLine } from './command-line.ts';
import { CliError, UsageError } from './errors.ts';
import { executeGraphQL, type GraphQLOutcome } from './graphql-client.ts';
import { runCli } from './run-cli.ts';
import { connectToStack, trustedCertificate } from './stack-connection.ts';
import { requestToken } from './token-client.ts';

const usage = `Usage: pnpm erase --user <id> --reason <reference> [--by <admin id>]

Erases every item about <id> from the running local stack (\`pnpm start\`) through the API's
eraseUser, as an admin (default admin id: operator). The reason is kept in the audit trail, which
holds no personal data: give a reference such as a ticket number, not a name.`;

/** The API refused or failed: the message says which, as AppSync answered. */
export class ErasureFailedError extends CliError {
  override readonly name = 'ErasureFailedError';
}

runCli(async () => {
  const { values } = parseCommandLine(usage, {
    options: {
      user: { type: 'string', short: 'u' },
      reason: { type: 'string' },
      by: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const userId = values.user?.trim();
  const reason = values.reason?.trim();
  if (!userId || !reason) throw new UsageError(`--user and --reason are required\n\n${usage}`);
  const stack = connectToStack();
  const admin = values.by ?? 'operator';
  const token = await requestToken(stack, { sub: admin, name: 'Operator', groups: ['admins'] });
  let nextToken: string | null = null;
  let deleted = 0;
  for (;;) {
    const outcome: GraphQLOutcome<EraseUserMutation> = await executeGraphQL(
      stack.graphqlUrl,
      EraseUserDocument,
      { input: { userId, reason, nextToken } },
      { authorization: token },
      trustedCertificate(stack),
    );
    if (outcome.kind !== 'data') {
      const why =
        outcome.kind === 'failure'
          ? outcome.message
          : outcome.errors.map((error) => `${error.errorType}: ${error.message}`).join('; ');
      throw new ErasureFailedError(`eraseUser failed: ${why}`);
    }
    const batch: EraseUserMutation['eraseUser'] = outcome.data.eraseUser;
    deleted += batch.itemsDeleted;
    process.stderr.write(`  erasure ${batch.erasureId}: ${deleted} items deleted\n`);
    if (batch.done) {
      process.stdout.write(`erased: erasure ${batch.erasureId} (the audit trail names it, not the user)\n`);
      return 0;
    }
    nextToken = batch.nextToken ?? null;
  }
});
