/** Command-line parsing shared by the commands: anything malformed is a UsageError. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DurationFormatError, parseDuration } from './duration.ts';
import { UsageError } from './errors.ts';

/** Parses `process.argv` strictly; an error ends with the command's `usage`. */
export function parseCommandLine<const Config extends Omit<ParseArgsConfig, 'args' | 'strict'>>(
  usage: string,
  config: Config,
) {
  try {
    return parseArgs({ ...config, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${usage}`);
  }
}

/** A duration such as `30s` or `2m`, in milliseconds. */
export function durationArgument(text: string): number {
  try {
    return parseDuration(text);
  } catch (error) {
    if (error instanceof DurationFormatError) throw new UsageError(error.message);
    throw error;
  }
}

/** The non-blank items of a comma-separated list, trimmed. */
export function commaSeparated(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}
