/**
 * `pnpm token --user alice [--name "Alice Doe"] [--groups admins,coaches] [--expires-in 1h]`:
 * prints a user token signed by the running stack's issuer, for the Authorization header.
 */
import { parseArgs } from 'node:util';
import { parseDuration, DurationFormatError } from '@leaderboard/local/cli/duration';
import { UsageError } from './errors.ts';
import { runCli } from './run-cli.ts';
import { connectToStack } from './stack-connection.ts';
import { requestToken } from './token-client.ts';

const usage = `Usage: pnpm token --user <id> [--name <display name>] [--groups <a,b>] [--expires-in <duration>]

Prints a JWT for <id> from the local stack's issuer (start it with \`pnpm start\`).
  curl -H "Authorization: $(pnpm -s token --user alice)" ...`;

runCli(async () => {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        user: { type: 'string', short: 'u' },
        name: { type: 'string' },
        groups: { type: 'string' },
        'expires-in': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${usage}`);
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const user = values.user?.trim();
  if (!user) throw new UsageError(`--user is required\n\n${usage}`);
  let expiresInSeconds: number | undefined;
  try {
    expiresInSeconds = values['expires-in']
      ? Math.round(parseDuration(values['expires-in']) / 1000)
      : undefined;
  } catch (error) {
    if (error instanceof DurationFormatError) throw new UsageError(error.message);
    throw error;
  }
  const groups = values.groups
    ?.split(',')
    .map((group) => group.trim())
    .filter((group) => group.length > 0);
  const stack = connectToStack();
  const token = await requestToken(stack, {
    sub: user,
    ...(values.name ? { name: values.name } : {}),
    ...(groups ? { groups } : {}),
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
