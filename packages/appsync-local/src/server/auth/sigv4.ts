/**
 * AWS_IAM: a Signature Version 4 signed request, verified with the configured local credentials
 * by the shared verifier (`iam/sigv4-verifier.ts`) and refused in AppSync's words.
 */
import { SignatureRefusal, type SignatureRefusalReason } from '../../iam/errors.ts';
import { SignatureVerifier } from '../../iam/sigv4-verifier.ts';
import { InvalidSignatureError, MissingAuthorizationError, UnrecognizedClientError } from '../errors.ts';
import type { IamConfig, IamCredential } from './modes.ts';

export interface SignedRequest {
  readonly method: string;
  /** Request path, e.g. `/graphql` or `/graphql/connect`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A refused signature in AppSync's words. */
const appSyncRefusalFor: Readonly<Record<SignatureRefusalReason, (message: string) => Error>> = {
  missing: () => new MissingAuthorizationError(),
  incomplete: () =>
    new InvalidSignatureError('Authorization header requires Credential, SignedHeaders and Signature.'),
  'unknown-key': () => new UnrecognizedClientError(),
  invalid: (message) => new InvalidSignatureError(message),
};

/** One verifier per configuration: it keeps each key's derived signing keys. */
const verifiers = new WeakMap<IamConfig, SignatureVerifier>();

function verifierFor(config: IamConfig): SignatureVerifier {
  let verifier = verifiers.get(config);
  if (!verifier) {
    const secrets = new Map(
      config.credentials.map((credential) => [credential.accessKeyId, credential.secretAccessKey]),
    );
    verifier = new SignatureVerifier((accessKeyId) => secrets.get(accessKeyId), config.region);
    verifiers.set(config, verifier);
  }
  return verifier;
}

/** Returns the credential that signed the request, or throws AppSync's refusal. */
export async function verifySigV4(
  request: SignedRequest,
  config: IamConfig,
  now: Date = new Date(),
): Promise<IamCredential> {
  const accessKeyId = await verifierFor(config)
    .verify({ ...request, query: request.query ?? {} }, 'appsync', now)
    .catch((error: unknown) => {
      throw error instanceof SignatureRefusal ? appSyncRefusalFor[error.reason](error.message) : error;
    });
  return config.credentials.find((credential) => credential.accessKeyId === accessKeyId)!;
}
