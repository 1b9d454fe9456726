/** A start-up failure the user can fix (port taken, Java missing, bundles not built): shown without a stack trace. */
export class LocalStackStartError extends Error {
  override readonly name = 'LocalStackStartError';
}

/** A data source's role may not invoke its function: AppSync's call would fail the same way. */
export class DataSourceAccessDeniedError extends Error {
  override readonly name = 'AccessDeniedException';
}
