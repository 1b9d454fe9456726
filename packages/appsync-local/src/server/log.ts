/**
 * Structured logs of the local API: one JSON object per line. Quiet by default (start, stop,
 * errors); verbose adds each operation, each resolver's timing and each GraphQL error.
 */

export interface LogEntry {
  readonly time: string;
  readonly level: 'info' | 'debug' | 'error';
  readonly event: string;
  readonly [field: string]: unknown;
}

export type LogSink = (entry: LogEntry) => void;

export const stdoutSink: LogSink = (entry) => {
  process.stdout.write(`${JSON.stringify(entry)}\n`);
};

export class ServerLog {
  constructor(
    private readonly sink: LogSink,
    readonly verbose: boolean,
  ) {}

  info(event: string, fields: Record<string, unknown> = {}): void {
    this.sink({ time: new Date().toISOString(), level: 'info', event, ...fields });
  }

  /** Logged only in verbose mode. */
  debug(event: string, fields: Record<string, unknown> = {}): void {
    if (this.verbose) this.sink({ time: new Date().toISOString(), level: 'debug', event, ...fields });
  }

  error(event: string, error: unknown, fields: Record<string, unknown> = {}): void {
    const detail =
      error instanceof Error
        ? { error: error.message, errorName: error.name, stack: error.stack }
        : { error: String(error) };
    this.sink({ time: new Date().toISOString(), level: 'error', event, ...fields, ...detail });
  }
}
