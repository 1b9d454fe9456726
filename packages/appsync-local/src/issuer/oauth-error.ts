/** An OAuth error answered as RFC 6749 says: JSON from the token endpoint, a redirect from /authorize. */
export class OAuthError extends Error {
  override readonly name = 'OAuthError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
