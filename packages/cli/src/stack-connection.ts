import { stackFilePath } from '@leaderboard/local/stack/paths';
import {
  isProcessAlive,
  readStackFile,
  StackFileError,
  type StackFile,
} from '@leaderboard/local/stack/stack-file';
import { readFileSync } from 'node:fs';
import { CertificateTrustError, CliError, StackNotRunningError } from './errors.ts';

/** The running local stack's coordinates, from `.local/stack.json`. */
export function connectToStack(path: string = stackFilePath()): StackFile {
  let stack: StackFile | undefined;
  try {
    stack = readStackFile(path);
  } catch (error) {
    if (error instanceof StackFileError) throw new CliError(error.message);
    throw error;
  }
  if (!stack) {
    throw new StackNotRunningError(
      `the local stack is not running (no ${path}): start it with \`pnpm start\` in another terminal`,
    );
  }
  if (!isProcessAlive(stack.pids.stack)) {
    throw new StackNotRunningError(
      `the local stack recorded in ${path} (pid ${stack.pids.stack}) is no longer running: start it with \`pnpm start\``,
    );
  }
  return stack;
}

/** The certificate a stack started with `--https` serves (its PEM), for clients to trust; none over HTTP. */
export function trustedCertificate(stack: Pick<StackFile, 'certificateFile'>): string | undefined {
  if (!stack.certificateFile) return undefined;
  try {
    return readFileSync(stack.certificateFile, 'utf8');
  } catch (error) {
    throw new CertificateTrustError(
      `cannot read the certificate the local stack serves (${stack.certificateFile}: ${(error as NodeJS.ErrnoException).code}): start it again with \`pnpm start --https\``,
    );
  }
}
