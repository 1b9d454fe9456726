/** Runs the load generator (`ingest-load.ts`) in a process of its own and reads its result. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { LoadRequest, LoadResult } from './ingest-load.ts';

export function runLoadProcess(load: LoadRequest): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'ingest-load.ts'), JSON.stringify(load)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      },
    );
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = output.trim().split('\n').pop();
      if (code !== 0 || !line) {
        reject(new Error(`load generator exited with ${code}: ${errors.slice(-2000)}`));
        return;
      }
      // A bad line must reject, not throw here: the caller's cleanup (stopping DynamoDB Local) depends on it.
      try {
        resolve(JSON.parse(line) as LoadResult);
      } catch (error) {
        reject(new Error(`the load generator's result is not JSON: ${(error as Error).message}`));
      }
    });
  });
}
