import type { StackFile } from '@leaderboard/local/stack/stack-file';
import { CliError } from './errors.ts';

export interface TokenRequest {
  readonly sub: string;
  readonly name?: string;
  readonly groups?: readonly string[];
  /** The team the token's team claim names. */
  readonly team?: string;
  readonly expiresInSeconds?: number;
}

/** A user token signed by the running stack's issuer (what a sign-in gives a user in the cloud). */
export async function requestToken(
  stack: Pick<StackFile, 'tokenService'>,
  request: TokenRequest,
): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`${stack.tokenService.url}/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.tokenService.secret}` },
      body: JSON.stringify(request),
    });
  } catch (error) {
    throw new CliError(
      `cannot reach the local token service at ${stack.tokenService.url} (${(error as Error).message}): is \`pnpm start\` still running?`,
    );
  }
  const body = (await response.json().catch(() => ({}))) as { token?: string; error?: string };
  if (!response.ok || !body.token) {
    throw new CliError(`the token service refused: ${body.error ?? `HTTP ${response.status}`}`);
  }
  return body.token;
}
