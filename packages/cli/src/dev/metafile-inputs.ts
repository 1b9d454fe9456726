import { resolve } from 'node:path';
import type { Metafile } from 'esbuild';

/** The project's own source files in an esbuild metafile, as absolute paths (esbuild names them from the working directory). */
export function inputFiles(metafile: Metafile | undefined, only?: string): ReadonlySet<string> {
  const inputs = only
    ? Object.keys(metafile?.outputs[only]?.inputs ?? {})
    : Object.keys(metafile?.inputs ?? {});
  return new Set(
    inputs
      .filter((path) => !path.includes(':') && !path.includes('node_modules'))
      .map((path) => resolve(path)),
  );
}
