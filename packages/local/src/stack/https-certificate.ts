/**
 * The certificate the API and the dashboard serve with `https`: one self-signed certificate
 * for both, so trusting it once covers the page and the API it calls. Its PEM is written to
 * the state folder, where the CLI and users find it to trust it; a kept one is reused while it
 * stays valid a while longer.
 */
import { X509Certificate } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createLocalCertificate } from 'appsync-local';

export interface ServedCertificate {
  readonly key: string;
  readonly cert: string;
  /** Where its PEM was written, if anywhere. */
  readonly file: string | undefined;
}

/** A kept certificate is replaced once it has less than this left to live. */
const minimumRemainingMs = 24 * 60 * 60 * 1000;

function stillValid(cert: string): boolean {
  try {
    return new Date(new X509Certificate(cert).validTo).getTime() - Date.now() > minimumRemainingMs;
  } catch {
    return false;
  }
}

/** `file`: where to write the PEM; a stack without a state folder of its own (a test's) writes none. */
export async function servedCertificate(
  file: string | undefined,
  kept: { readonly key: string; readonly cert: string } | undefined,
): Promise<ServedCertificate> {
  const { key, cert } = kept && stillValid(kept.cert) ? kept : await createLocalCertificate();
  if (file) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, cert);
  }
  return { key, cert, file };
}
