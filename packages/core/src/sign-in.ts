/**
 * How people sign in, the same against the stage's user pool and the local issuer: the OAuth
 * 2.0 authorization code flow with PKCE (RFC 7636), asking for these scopes.
 */

/**
 * `openid` gets an ID token (the token the API is called with: it names the user), `email` and
 * `profile` put the address and the display name (`name`) in it. Never
 * `aws.cognito.signin.user.admin`: a token holding it could rewrite the user's own attributes.
 */
export const signInScopes = ['openid', 'email', 'profile'] as const;

/**
 * Where `pnpm sign-in` receives the code: a loopback listener (RFC 8252). A user pool matches
 * redirect URIs exactly, port included, and accepts plain http for `localhost` only, so the
 * stage's app client registers `http://localhost:<port>/callback` for each of these ports and
 * the command takes the first that is free. The local issuer accepts any loopback port.
 */
export const cliLoopbackRedirect = {
  host: 'localhost',
  ports: [53682, 53683, 53684],
  path: '/callback',
} as const;

export const cliRedirectUris: readonly string[] = cliLoopbackRedirect.ports.map(
  (port) => `http://${cliLoopbackRedirect.host}:${port}${cliLoopbackRedirect.path}`,
);
