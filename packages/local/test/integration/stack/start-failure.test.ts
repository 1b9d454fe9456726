/**
 * A stack whose start-up fails part-way leaves nothing running: servers that were still
 * starting beside the one that failed are stopped too, not left listening in the process.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startLocalStack } from '../../../src/stack/local-stack.ts';

const scratch = mkdtempSync(join(tmpdir(), 'stack-start-failure-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const listeningServers = (): number =>
  process.getActiveResourcesInfo().filter((resource) => resource === 'TCPServerWrap').length;

it('stops the servers started beside DynamoDB Local when DynamoDB Local fails to start', async () => {
  // A file where the data folder should be: DynamoDB Local fails at once, while the SQS
  // emulator and the issuer (started at the same time) are still coming up.
  const notAFolder = join(scratch, 'dynamodb');
  writeFileSync(notAFolder, '');
  const before = listeningServers();

  await expect(startLocalStack({ persist: true, dataDir: notAFolder, log: () => undefined })).rejects.toThrow(
    /EEXIST|ENOTDIR/,
  );

  // Long enough for a server left starting to finish and listen (key generation takes well under this).
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect(listeningServers()).toBe(before);
}, 30_000);
