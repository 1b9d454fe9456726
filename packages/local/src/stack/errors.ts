/** A start-up failure the user can fix (port taken, Java missing, bundles not built): shown without a stack trace. */
export class LocalStackStartError extends Error {
  override readonly name = 'LocalStackStartError';
}
