/**
 * Maps a position in an esbuild bundle back to the resolver's own source through the inline
 * source map the build emits, so refusals and runtime errors name `src/Mutation.x.ts:LINE`.
 */
import { SourceMap, type SourceMapPayload } from 'node:module';
import { dirname, isAbsolute, relative, resolve } from 'node:path';

const inlineMapPrefix = '//# sourceMappingURL=data:application/json;base64,';

export interface SourcePositionMapper {
  /** `line` is 1-based, `column` 0-based, as acorn reports them. */
  describe(line: number, column: number): string;
}

export function createSourcePositionMapper(bundleFile: string, code: string): SourcePositionMapper {
  const sourceMap = readInlineSourceMap(code);
  const bundleLabel = displayPath(bundleFile);
  return {
    describe(line, column) {
      const bundlePosition = `${bundleLabel}:${line}:${column + 1}`;
      if (!sourceMap) return bundlePosition;
      // Node 20 answers `{}` for a position before any mapping, later versions `undefined`.
      const entry = (sourceMap.findEntry(line - 1, column) ?? {}) as Partial<{
        originalSource: string;
        originalLine: number;
        originalColumn: number;
      }>;
      if (entry.originalSource === undefined || entry.originalLine === undefined) return bundlePosition;
      const source = entry.originalSource.startsWith('file://')
        ? new URL(entry.originalSource).pathname
        : entry.originalSource;
      const sourcePath = isAbsolute(source) ? source : resolve(dirname(bundleFile), source);
      return `${displayPath(sourcePath)}:${entry.originalLine + 1}:${(entry.originalColumn ?? 0) + 1}`;
    },
  };
}

function readInlineSourceMap(code: string): SourceMap | undefined {
  const start = code.lastIndexOf(inlineMapPrefix);
  if (start < 0) return undefined;
  const base64 = code.slice(start + inlineMapPrefix.length).trim();
  try {
    const payload = JSON.parse(Buffer.from(base64, 'base64').toString('utf8')) as SourceMapPayload;
    return new SourceMap(payload);
  } catch {
    return undefined;
  }
}

/** A path relative to the working directory when it lies below it. */
function displayPath(file: string): string {
  if (file.startsWith('file://')) return displayPath(new URL(file).pathname);
  const fromCwd = relative(process.cwd(), file);
  return fromCwd.startsWith('..') ? file : fromCwd;
}
