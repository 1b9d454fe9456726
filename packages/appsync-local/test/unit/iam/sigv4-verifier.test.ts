import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import type { SignatureRefusalReason } from '../../../src/iam/errors.ts';
import { SignatureVerifier, type SignedRequest } from '../../../src/iam/sigv4-verifier.ts';

const refused = (reason: SignatureRefusalReason) =>
  expect.objectContaining({ name: 'SignatureRefusal', reason });

const secrets: Record<string, string> = { AKIDWORKER: 'worker-secret' };
const verifier = new SignatureVerifier((id) => secrets[id], 'us-east-1');
const now = new Date('2026-03-01T12:00:00Z');

/** A request signed the way the AWS SDK signs a DynamoDB call. */
async function signed(
  options: { secret?: string; service?: string; region?: string; date?: Date; body?: string } = {},
): Promise<SignedRequest> {
  const body = options.body ?? '{"TableName":"Scores"}';
  const signer = new SignatureV4({
    service: options.service ?? 'dynamodb',
    region: options.region ?? 'us-east-1',
    sha256: Sha256,
    credentials: { accessKeyId: 'AKIDWORKER', secretAccessKey: options.secret ?? 'worker-secret' },
  });
  const request = await signer.sign(
    new HttpRequest({
      method: 'POST',
      protocol: 'http:',
      hostname: '127.0.0.1:8000',
      path: '/',
      headers: {
        host: '127.0.0.1:8000',
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'DynamoDB_20120810.GetItem',
      },
      body,
    }),
    { signingDate: options.date ?? now },
  );
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
  return { method: 'POST', path: '/', query: {}, headers, body: Buffer.from(body) };
}

describe('SignatureVerifier', () => {
  it('returns the access key of a correctly signed request', async () => {
    expect(await verifier.verify(await signed(), 'dynamodb', now)).toBe('AKIDWORKER');
  });

  it('refuses a signature made with another secret', async () => {
    await expect(verifier.verify(await signed({ secret: 'wrong' }), 'dynamodb', now)).rejects.toEqual(
      refused('invalid'),
    );
  });

  it('refuses a body changed after signing', async () => {
    const request = await signed();
    await expect(
      verifier.verify({ ...request, body: Buffer.from('{"TableName":"Activities"}') }, 'dynamodb', now),
    ).rejects.toEqual(refused('invalid'));
  });

  it('refuses an unknown access key, a missing or malformed Authorization header', async () => {
    const request = await signed();
    const authorization = request.headers['authorization']!.replace('AKIDWORKER', 'AKIDSTRANGER');
    await expect(
      verifier.verify({ ...request, headers: { ...request.headers, authorization } }, 'dynamodb', now),
    ).rejects.toEqual(refused('unknown-key'));
    const { authorization: _, ...unsigned } = request.headers;
    await expect(verifier.verify({ ...request, headers: unsigned }, 'dynamodb', now)).rejects.toEqual(
      refused('missing'),
    );
    await expect(
      verifier.verify(
        { ...request, headers: { ...request.headers, authorization: 'AWS4-HMAC-SHA256 nonsense' } },
        'dynamodb',
        now,
      ),
    ).rejects.toEqual(refused('incomplete'));
  });

  it('refuses a credential scoped to another service or region', async () => {
    await expect(verifier.verify(await signed({ service: 'sqs' }), 'dynamodb', now)).rejects.toThrow(
      "Credential should be scoped to correct service: 'dynamodb'.",
    );
    await expect(verifier.verify(await signed({ region: 'eu-west-1' }), 'dynamodb', now)).rejects.toEqual(
      refused('invalid'),
    );
  });

  it('refuses a signature older than five minutes', async () => {
    const request = await signed({ date: new Date(now.getTime() - 6 * 60 * 1000) });
    await expect(verifier.verify(request, 'dynamodb', now)).rejects.toThrow(/^Signature expired/);
  });
});
