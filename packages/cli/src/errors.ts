/** An error the user can act on: printed as one line, without a stack trace. */
export class CliError extends Error {
  override readonly name: string = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export class StackNotRunningError extends CliError {
  override readonly name = 'StackNotRunningError';
}

export class UsageError extends CliError {
  override readonly name = 'UsageError';
  constructor(message: string) {
    super(message, 2);
  }
}

/** A dead-letter redrive that failed or did not finish in time: the messages stay where SQS left them. */
export class RedriveError extends CliError {
  override readonly name = 'RedriveError';
}

/** The resolver sources do not build; esbuild has printed why. */
export class ResolverBuildError extends CliError {
  override readonly name = 'ResolverBuildError';
}

/** The certificate a stack serves with `--https` cannot be read, so the API cannot be trusted. */
export class CertificateTrustError extends CliError {
  override readonly name = 'CertificateTrustError';
}
