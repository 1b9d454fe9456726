/** The harness refuses what the SST CLI refuses in sst.config.ts: imports outside `run()`. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasTopLevelImports } from './support/program-bundle.ts';
import { repositoryRoot } from './support/sst-platform.ts';

describe('sst.config.ts imports', () => {
  it('finds a top-level import, and lets dynamic and type-only imports through', () => {
    expect(hasTopLevelImports(`import { x } from './infra/settings.ts';\nexport default $config({});`)).toBe(
      true,
    );
    expect(hasTopLevelImports(`import type { X } from './x.ts';\nexport default $config({});`)).toBe(false);
    expect(
      hasTopLevelImports(`export default $config({ async run() { await import('./infra/api.ts'); } });`),
    ).toBe(false);
  });

  it('has none in the project’s config', () => {
    expect(hasTopLevelImports(readFileSync(join(repositoryRoot, 'sst.config.ts'), 'utf8'))).toBe(false);
  });
});
