import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifySigV4, type SignedRequest } from '../../../src/server/auth/sigv4.ts';
import {
  InvalidSignatureError,
  MissingAuthorizationError,
  UnrecognizedClientError,
} from '../../../src/server/errors.ts';

const config = {
  region: 'eu-west-1',
  accountId: '111122223333',
  credentials: [{ accessKeyId: 'AKIATEST', secretAccessKey: 'test-secret' }],
};
const signedAt = new Date('2026-11-21T10:00:00Z');
const body = JSON.stringify({ query: '{ ticket { id } }' });

async function sign(
  overrides: {
    region?: string;
    service?: string;
    secret?: string;
    headers?: Record<string, string>;
    body?: string;
  } = {},
): Promise<SignedRequest> {
  const signer = new SignatureV4({
    service: overrides.service ?? 'appsync',
    region: overrides.region ?? config.region,
    sha256: Sha256,
    credentials: { accessKeyId: 'AKIATEST', secretAccessKey: overrides.secret ?? 'test-secret' },
  });
  const signed = await signer.sign(
    new HttpRequest({
      method: 'POST',
      protocol: 'https:',
      hostname: 'api.local',
      path: '/graphql',
      headers: { host: 'api.local', 'content-type': 'application/json', ...overrides.headers },
      body: overrides.body ?? body,
    }),
    { signingDate: signedAt },
  );
  const headers = Object.fromEntries(
    Object.entries(signed.headers).map(([name, value]) => [name.toLowerCase(), String(value)]),
  );
  return { method: 'POST', path: '/graphql', headers, body };
}

describe('SigV4 verification', () => {
  it('accepts a request signed with a configured credential', async () => {
    await expect(verifySigV4(await sign(), config, signedAt)).resolves.toEqual(config.credentials[0]);
  });

  it('accepts a signed x-amz-content-sha256 that is the body’s hash', async () => {
    const hash = createHash('sha256').update(body).digest('hex');
    const request = await sign({ headers: { 'x-amz-content-sha256': hash } });
    await expect(verifySigV4(request, config, signedAt)).resolves.toBeDefined();
  });

  it('refuses a wrong secret, a changed body, a changed signed header', async () => {
    await expect(verifySigV4(await sign({ secret: 'other' }), config, signedAt)).rejects.toThrow(
      InvalidSignatureError,
    );
    const request = await sign();
    await expect(verifySigV4({ ...request, body: '{}' }, config, signedAt)).rejects.toThrow(
      InvalidSignatureError,
    );
    await expect(
      verifySigV4({ ...request, headers: { ...request.headers, host: 'evil.local' } }, config, signedAt),
    ).rejects.toThrow(InvalidSignatureError);
  });

  it('refuses a declared payload hash that is not the body’s', async () => {
    const request = await sign({ headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } });
    await expect(verifySigV4(request, config, signedAt)).rejects.toThrow(/x-amz-content-sha256/);
  });

  it('refuses signatures more than 5 minutes from the clock', async () => {
    const request = await sign();
    await expect(
      verifySigV4(request, config, new Date(signedAt.getTime() + 4 * 60_000)),
    ).resolves.toBeDefined();
    await expect(verifySigV4(request, config, new Date(signedAt.getTime() + 6 * 60_000))).rejects.toThrow(
      'Signature expired: 20261121T100000Z is now earlier than 20261121T100100Z (20261121T100600Z - 5 min.)',
    );
    await expect(verifySigV4(request, config, new Date(signedAt.getTime() - 6 * 60_000))).rejects.toThrow(
      /^Signature not yet current/,
    );
  });

  it('refuses another region or service scope, unknown keys and missing headers', async () => {
    await expect(verifySigV4(await sign({ region: 'us-east-1' }), config, signedAt)).rejects.toThrow(
      /region/,
    );
    await expect(verifySigV4(await sign({ service: 'execute-api' }), config, signedAt)).rejects.toThrow(
      /service/,
    );
    await expect(
      verifySigV4(
        await sign(),
        { ...config, credentials: [{ accessKeyId: 'AKIAOTHER', secretAccessKey: 'x' }] },
        signedAt,
      ),
    ).rejects.toThrow(UnrecognizedClientError);
    await expect(
      verifySigV4({ method: 'POST', path: '/graphql', headers: {}, body }, config, signedAt),
    ).rejects.toThrow(MissingAuthorizationError);
    const request = await sign();
    const { 'x-amz-date': _date, ...withoutDate } = request.headers;
    await expect(verifySigV4({ ...request, headers: withoutDate }, config, signedAt)).rejects.toThrow(
      InvalidSignatureError,
    );
  });
});
