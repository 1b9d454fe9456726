/**
 * The last sign-in, kept for the other commands: `.local/sign-in.json` (owner-only, ignored by
 * git; `LEADERBOARD_SIGN_IN_FILE` moves it). `currentIdToken` hands out the ID token, renewed
 * with the refresh token when it has less than a minute left.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { localStateDirectory } from '@leaderboard/local/stack/paths';
import { CliError } from './errors.ts';
import { refresh, type SignInTokens } from './login.ts';

export interface StoredSignIn extends SignInTokens {
  readonly issuer: string;
  readonly clientId: string;
}

export class NotSignedInError extends CliError {
  override readonly name = 'NotSignedInError';
}

export const signInFilePath = (): string =>
  process.env['LEADERBOARD_SIGN_IN_FILE'] ?? join(localStateDirectory, 'sign-in.json');

/** Owner-only: the file holds a refresh token. */
export function saveSignIn(signIn: StoredSignIn, path: string = signInFilePath()): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(signIn, null, 2)}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
}

export function loadSignIn(path: string = signInFilePath()): StoredSignIn {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new NotSignedInError('not signed in: run `pnpm sign-in` first');
    }
    throw error;
  }
  const stored = JSON.parse(text) as Partial<StoredSignIn>;
  if (
    typeof stored.idToken !== 'string' ||
    typeof stored.issuer !== 'string' ||
    typeof stored.clientId !== 'string'
  ) {
    throw new NotSignedInError(`${path} is not a sign-in this version wrote: run \`pnpm sign-in\` again`);
  }
  return stored as StoredSignIn;
}

const renewalMarginMs = 60_000;

/** A valid ID token of the last sign-in, renewed (and stored) when it is about to expire. */
export async function currentIdToken(
  path: string = signInFilePath(),
  now: number = Date.now(),
): Promise<string> {
  const stored = loadSignIn(path);
  if (stored.expiresAt - now > renewalMarginMs) return stored.idToken;
  if (!stored.refreshToken) throw new NotSignedInError('the sign-in has expired: run `pnpm sign-in` again');
  const renewed = await refresh(stored.issuer, stored.clientId, stored.refreshToken);
  saveSignIn({ ...stored, ...renewed }, path);
  return renewed.idToken;
}
