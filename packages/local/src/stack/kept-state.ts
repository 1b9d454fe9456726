/**
 * What `--persist` keeps besides the data, so that clients keep working across restarts: the
 * API key (dashboards hold it), the issuer's signing key and port (a token names its issuer by
 * URL and is checked against its key), and the HTTPS certificate (browsers and the CLI trust
 * it). One file readable by its owner only, in the state folder (`.local/`, ignored by git).
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { IssuerSigningKey } from 'appsync-local/issuer';
import { LocalStackStartError } from './errors.ts';

export interface KeptState {
  readonly apiKey?: string;
  readonly issuer?: { readonly port: number; readonly signingKey: IssuerSigningKey };
  readonly certificate?: { readonly key: string; readonly cert: string };
}

interface KeptStateFile extends KeptState {
  readonly version: 1;
}

/** The kept state, or nothing kept yet. */
export function readKeptState(file: string): KeptState {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  let parsed: Partial<KeptStateFile>;
  try {
    parsed = JSON.parse(text) as Partial<KeptStateFile>;
  } catch {
    parsed = {};
  }
  if (parsed.version !== 1) {
    throw new LocalStackStartError(
      `${file} cannot be read: delete it to start with a new API key and signing key`,
    );
  }
  const { version: _version, ...state } = parsed;
  return state;
}

export function writeKeptState(file: string, state: KeptState): void {
  mkdirSync(dirname(file), { recursive: true });
  const content: KeptStateFile = { version: 1, ...state };
  writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}
