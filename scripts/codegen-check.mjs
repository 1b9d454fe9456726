// Fails when the committed generated files differ from what codegen.yml produces now.
import { execFileSync } from 'node:child_process';

const generated = 'packages/core/src/generated';
execFileSync('pnpm', ['run', '--silent', 'codegen'], { stdio: 'inherit' });
const diff = execFileSync('git', ['status', '--porcelain', '--', generated], { encoding: 'utf8' });
if (diff.trim() !== '') {
  console.error(`Generated files are stale; run \`pnpm codegen\` and commit:\n${diff}`);
  process.exit(1);
}
console.log('codegen: generated files are up to date');
