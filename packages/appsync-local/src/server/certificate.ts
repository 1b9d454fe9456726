/**
 * A self-signed certificate for 127.0.0.1 and localhost, made at start-up so the local API can
 * serve HTTPS and WSS (Amplify's client always upgrades the real-time URL to `wss://`).
 * Node's crypto makes key pairs but not X.509 certificates, so the `selfsigned` library
 * (maintained, WebCrypto-based) builds the certificate.
 */
import { generate } from 'selfsigned';

export interface LocalCertificate {
  readonly key: string;
  readonly cert: string;
  readonly fingerprint: string;
}

export async function createLocalCertificate(): Promise<LocalCertificate> {
  const now = new Date();
  const result = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: new Date(now.getTime() + 30 * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { key: result.private, cert: result.cert, fingerprint: result.fingerprint };
}
