/** A resolver bundle uses something APPSYNC_JS refuses; `violations` name file:line for each. */
export class SandboxViolationError extends Error {
  override readonly name = 'SandboxViolationError';
  constructor(
    readonly file: string,
    readonly violations: readonly SandboxViolation[],
  ) {
    super(
      `${file} cannot run on APPSYNC_JS:\n` +
        violations.map((violation) => `  ${violation.location}: ${violation.message}`).join('\n'),
    );
  }
}

export interface SandboxViolation {
  /** `src/Mutation.x.ts:12:4` when the bundle's source map knows the line, else the bundle position. */
  readonly location: string;
  readonly message: string;
}

/** A bundle that cannot be read or parsed, or that lacks the handlers its role needs. */
export class ResolverLoadError extends Error {
  override readonly name = 'ResolverLoadError';
}

/** A data source was asked for an operation it does not support, or is missing. */
export class DataSourceRequestError extends Error {
  override readonly name = 'DataSourceRequestError';
  constructor(
    message: string,
    readonly type: string,
  ) {
    super(message);
  }
}
