/**
 * AWS_IAM: verifies a Signature Version 4 signed request by recomputing its signature with
 * the configured local credentials (`@smithy/signature-v4`, the signer the AWS SDK uses) over
 * exactly the headers the caller says it signed, and checks the date, scope and payload hash.
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { createHash, timingSafeEqual } from 'node:crypto';
import { InvalidSignatureError, MissingAuthorizationError, UnrecognizedClientError } from '../errors.ts';
import type { IamConfig, IamCredential } from './modes.ts';

/** AWS refuses signatures dated more than this far from its clock. */
const allowedClockSkewMs = 5 * 60 * 1000;

export interface SignedRequest {
  readonly method: string;
  /** Request path, e.g. `/graphql` or `/graphql/connect`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

interface ParsedAuthorization {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

const authorizationPattern =
  /^AWS4-HMAC-SHA256\s+Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/;

function parseAuthorization(header: string): ParsedAuthorization {
  const match = authorizationPattern.exec(header.trim());
  if (!match)
    throw new InvalidSignatureError('Authorization header requires Credential, SignedHeaders and Signature.');
  const [, accessKeyId, date, region, service, signedHeaders, signature] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return { accessKeyId, date, region, service, signedHeaders: signedHeaders.split(';'), signature };
}

/** `20240101T120000Z` → Date, or null when malformed. */
function parseAmzDate(value: string): Date | null {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
}

const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Returns the credential that signed the request, or throws AppSync's refusal. */
export async function verifySigV4(
  request: SignedRequest,
  config: IamConfig,
  now: Date = new Date(),
): Promise<IamCredential> {
  const header = request.headers['authorization'];
  if (!header) throw new MissingAuthorizationError();
  const parsed = parseAuthorization(header);
  const credential = config.credentials.find((candidate) => candidate.accessKeyId === parsed.accessKeyId);
  if (!credential) throw new UnrecognizedClientError();
  if (parsed.service !== 'appsync') {
    throw new InvalidSignatureError(`Credential should be scoped to correct service: 'appsync'.`);
  }
  if (parsed.region !== config.region) {
    throw new InvalidSignatureError(`Credential should be scoped to a valid region, not '${parsed.region}'.`);
  }
  for (const required of ['host', 'x-amz-date']) {
    if (!parsed.signedHeaders.includes(required)) {
      throw new InvalidSignatureError(`'${required}' must be a signed header.`);
    }
  }
  const amzDate = request.headers['x-amz-date'] ?? '';
  const signingDate = parseAmzDate(amzDate);
  if (!signingDate || amzDate.slice(0, 8) !== parsed.date) {
    throw new InvalidSignatureError(
      'Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date.',
    );
  }
  const skew = signingDate.getTime() - now.getTime();
  if (Math.abs(skew) > allowedClockSkewMs) {
    const limit = new Date(now.getTime() + Math.sign(skew) * allowedClockSkewMs);
    const format = (date: Date) => date.toISOString().replace(/[-:]|\.\d{3}/g, '');
    throw new InvalidSignatureError(
      skew < 0
        ? `Signature expired: ${amzDate} is now earlier than ${format(limit)} (${format(now)} - 5 min.)`
        : `Signature not yet current: ${amzDate} is still later than ${format(limit)} (${format(now)} + 5 min.)`,
    );
  }
  // A client-supplied payload hash is what gets signed: it must be the body's real hash.
  const declaredPayloadHash = request.headers['x-amz-content-sha256'];
  if (declaredPayloadHash !== undefined && declaredPayloadHash !== sha256Hex(request.body)) {
    throw new InvalidSignatureError(
      'The provided x-amz-content-sha256 header does not match what was computed.',
    );
  }

  const signedHeaders: Record<string, string> = {};
  for (const name of parsed.signedHeaders) {
    const value = request.headers[name];
    if (value === undefined)
      throw new InvalidSignatureError(`Signed header '${name}' is missing from the request.`);
    signedHeaders[name] = value;
  }
  const signer = new SignatureV4({
    service: parsed.service,
    region: parsed.region,
    sha256: Sha256,
    credentials: { accessKeyId: credential.accessKeyId, secretAccessKey: credential.secretAccessKey },
    applyChecksum: false,
  });
  const recomputed = await signer.sign(
    new HttpRequest({
      method: request.method,
      protocol: 'https:',
      hostname: signedHeaders['host'] ?? '',
      path: request.path,
      query: request.query ?? {},
      headers: signedHeaders,
      body: request.body,
    }),
    { signingDate, signableHeaders: new Set(parsed.signedHeaders) },
  );
  const expected = /Signature=([0-9a-f]{64})/.exec(String(recomputed.headers['authorization']))?.[1] ?? '';
  if (
    expected.length !== parsed.signature.length ||
    !timingSafeEqual(Buffer.from(expected), Buffer.from(parsed.signature))
  ) {
    throw new InvalidSignatureError();
  }
  return credential;
}
