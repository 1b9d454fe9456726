/** `pnpm dlq [list|redrive]`: shows the dead letters of the running stack, or sends them back to be processed. */
import { parseCommandLine } from './command-line.ts';
import { UsageError } from './errors.ts';
import { listDeadLetters, redriveDeadLetters, sqsClientFor } from './dead-letters.ts';
import { runCli } from './run-cli.ts';
import { connectToStack } from './stack-connection.ts';

const usage = `Usage: pnpm dlq [list|redrive] [--json]

  list      show the messages in the dead-letter queue (default)
  redrive   move them back to the activities queue, to be processed again`;

runCli(async () => {
  const parsed = parseCommandLine(usage, {
    options: {
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
  });
  if (parsed.values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const [command = 'list', ...extra] = parsed.positionals;
  if (extra.length > 0 || (command !== 'list' && command !== 'redrive')) {
    throw new UsageError(`unknown command "${parsed.positionals.join(' ')}"\n\n${usage}`);
  }
  const stack = connectToStack();
  const sqs = sqsClientFor(stack);
  try {
    if (command === 'redrive') {
      const moved = await redriveDeadLetters(sqs, stack);
      process.stdout.write(
        `moved ${moved} message(s) from ${stack.queues.deadLetter.name} back to ${stack.queues.activities.name}\n`,
      );
      return 0;
    }
    const letters = await listDeadLetters(sqs, stack);
    if (parsed.values.json) {
      process.stdout.write(`${JSON.stringify(letters, null, 2)}\n`);
      return 0;
    }
    if (letters.length === 0) {
      process.stdout.write(`${stack.queues.deadLetter.name} is empty\n`);
      return 0;
    }
    process.stdout.write(`${letters.length} message(s) in ${stack.queues.deadLetter.name}:\n\n`);
    for (const letter of letters) {
      process.stdout.write(
        `  ${letter.messageId}  sent ${letter.sentAt?.toISOString() ?? '?'}  ${letter.summary}\n`,
      );
    }
    process.stdout.write('\nSend them back with `pnpm dlq redrive` once the cause is fixed.\n');
    return 0;
  } finally {
    sqs.destroy();
  }
});
