/**
 * `pnpm issue-token --user alice [--name "Alice Doe"] [--groups admins,coaches] [--team blue] [--expires-in 1h]`:
 * prints a user token signed by the running stack's issuer, for the Authorization header.
 */
import { commaSeparated, durationArgument, parseCommandLine } from './command-line.ts';
import { UsageError } from './errors.ts';
import { runCli } from './run-cli.ts';
import { connectToStack } from './stack-connection.ts';
import { requestToken } from './token-client.ts';

const usage = `Usage: pnpm issue-token --user <id> [--name <display name>] [--groups <a,b>] [--team <id>] [--expires-in <duration>]

Prints a JWT for <id> from the local stack's issuer (start it with \`pnpm start\`).
  curl -H "Authorization: $(pnpm -s issue-token --user alice)" ...`;

runCli(async () => {
  const { values } = parseCommandLine(usage, {
    options: {
      user: { type: 'string', short: 'u' },
      name: { type: 'string' },
      groups: { type: 'string' },
      team: { type: 'string' },
      'expires-in': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const user = values.user?.trim();
  if (!user) throw new UsageError(`--user is required\n\n${usage}`);
  const expiresInSeconds = values['expires-in']
    ? Math.round(durationArgument(values['expires-in']) / 1000)
    : undefined;
  const groups = values.groups === undefined ? undefined : commaSeparated(values.groups);
  const stack = connectToStack();
  const token = await requestToken(stack, {
    sub: user,
    ...(values.name ? { name: values.name } : {}),
    ...(groups ? { groups } : {}),
    ...(values.team ? { team: values.team } : {}),
    ...(expiresInSeconds ? { expiresInSeconds } : {}),
  });
  process.stdout.write(`${token}\n`);
  if (process.stderr.isTTY) {
    process.stderr.write(
      `\nToken for "${user}" from ${stack.issuerUrl}. Send it as the Authorization header to ${stack.graphqlUrl}\n`,
    );
  }
  return 0;
});
