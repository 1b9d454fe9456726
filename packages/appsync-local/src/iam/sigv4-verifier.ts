/**
 * Verifies a SigV4-signed AWS request: the credential scope names a known access key, the
 * endpoint's region and the service the request is for; the date is within AWS's allowed skew;
 * and recomputing the signature with the key's secret (`@smithy/signature-v4`, the AWS SDK's own
 * signer) over exactly the headers the caller signed gives the caller's signature. A refusal is a
 * `SignatureRefusal` saying why; each endpoint answers it in its own service's words (the API's
 * AWS_IAM mode as AppSync, a local AWS service stand-in as that service).
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { createHash, timingSafeEqual } from 'node:crypto';
import { SignatureRefusal } from './errors.ts';

const missing = () => new SignatureRefusal('missing', 'Request is missing Authentication Token');
const unknownKey = () =>
  new SignatureRefusal('unknown-key', 'The security token included in the request is invalid.');
const invalid = (
  message = 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
) => new SignatureRefusal('invalid', message);

/** AWS refuses signatures dated more than this far from its clock. */
const allowedClockSkewMs = 5 * 60 * 1000;

export interface SignedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string | string[]>>;
  /** Lower-case header names; repeated headers joined with `,`. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer | string;
}

interface CredentialScope {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

const authorizationPattern =
  /^AWS4-HMAC-SHA256\s+Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/;

export class SignatureVerifier {
  /** One signer per access key and service: each caches its derived signing keys. */
  private readonly signers = new Map<string, SignatureV4>();

  constructor(
    private readonly secretOf: (accessKeyId: string) => string | undefined,
    private readonly region: string,
  ) {}

  /** The access key id that signed the request, or the refusal AWS gives. */
  async verify(request: SignedRequest, service: string, now: Date = new Date()): Promise<string> {
    const header = request.headers['authorization'];
    if (!header) throw missing();
    const scope = parseAuthorization(header);
    const secret = this.secretOf(scope.accessKeyId);
    if (secret === undefined) throw unknownKey();
    this.checkScope(scope, service);
    const signingDate = checkDate(request, scope, now);
    checkPayloadHash(request);
    const expected = await this.signature(request, scope, secret, signingDate);
    const given = Buffer.from(scope.signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
    return scope.accessKeyId;
  }

  private checkScope(scope: CredentialScope, service: string): void {
    if (scope.region !== this.region) {
      throw invalid(`Credential should be scoped to a valid region, not '${scope.region}'.`);
    }
    if (scope.service !== service) {
      throw invalid(`Credential should be scoped to correct service: '${service}'.`);
    }
    for (const required of ['host', 'x-amz-date']) {
      if (!scope.signedHeaders.includes(required)) {
        throw invalid(`'${required}' must be a signed header.`);
      }
    }
  }

  private async signature(
    request: SignedRequest,
    scope: CredentialScope,
    secret: string,
    signingDate: Date,
  ): Promise<Buffer> {
    const signedHeaders: Record<string, string> = {};
    for (const name of scope.signedHeaders) {
      const value = request.headers[name];
      if (value === undefined) throw invalid(`Signed header '${name}' is missing from the request.`);
      signedHeaders[name] = value;
    }
    const signed = await this.signerFor(scope.accessKeyId, secret, scope.service).sign(
      new HttpRequest({
        method: request.method,
        protocol: 'http:',
        hostname: signedHeaders['host'] ?? '',
        path: request.path,
        query: request.query,
        headers: signedHeaders,
        body: request.body,
      }),
      { signingDate, signableHeaders: new Set(scope.signedHeaders) },
    );
    return Buffer.from(/Signature=([0-9a-f]{64})/.exec(String(signed.headers['authorization']))?.[1] ?? '');
  }

  private signerFor(accessKeyId: string, secretAccessKey: string, service: string): SignatureV4 {
    const key = `${accessKeyId}/${service}`;
    let signer = this.signers.get(key);
    if (!signer) {
      signer = new SignatureV4({
        service,
        region: this.region,
        sha256: Sha256,
        credentials: { accessKeyId, secretAccessKey },
        applyChecksum: false,
      });
      this.signers.set(key, signer);
    }
    return signer;
  }
}

function parseAuthorization(header: string): CredentialScope {
  const match = authorizationPattern.exec(header.trim());
  if (!match) {
    throw new SignatureRefusal(
      'incomplete',
      "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters of an AWS4-HMAC-SHA256 signature.",
    );
  }
  const [, accessKeyId, date, region, service, signedHeaders, signature] = match as unknown as string[];
  return {
    accessKeyId: accessKeyId!,
    date: date!,
    region: region!,
    service: service!,
    signedHeaders: signedHeaders!.split(';'),
    signature: signature!,
  };
}

function checkDate(request: SignedRequest, scope: CredentialScope, now: Date): Date {
  const amzDate = request.headers['x-amz-date'] ?? '';
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (!match || amzDate.slice(0, 8) !== scope.date) {
    throw invalid('Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date.');
  }
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const signingDate = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
  const skew = signingDate.getTime() - now.getTime();
  if (Math.abs(skew) > allowedClockSkewMs) {
    const limit = new Date(now.getTime() + Math.sign(skew) * allowedClockSkewMs);
    throw invalid(
      skew < 0
        ? `Signature expired: ${amzDate} is now earlier than ${basicIso(limit)} (${basicIso(now)} - 5 min.)`
        : `Signature not yet current: ${amzDate} is still later than ${basicIso(limit)} (${basicIso(now)} + 5 min.)`,
    );
  }
  return signingDate;
}

/** A client-supplied payload hash is what the signer signs: it must be the body's real hash. */
function checkPayloadHash(request: SignedRequest): void {
  const declared = request.headers['x-amz-content-sha256'];
  if (declared !== undefined && declared !== createHash('sha256').update(request.body).digest('hex')) {
    throw invalid('The provided x-amz-content-sha256 header does not match what was computed.');
  }
}

const basicIso = (date: Date): string => date.toISOString().replace(/[-:]|\.\d{3}/g, '');
