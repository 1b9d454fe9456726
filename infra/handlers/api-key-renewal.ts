/**
 * Daily job: pushes the public API key's expiry a year ahead (same key, same value), so the key
 * lives as long as the stack does, deployed or not. Infra schedules it with the API's and the
 * key's ids as the event.
 */
import { AppSyncClient, UpdateApiKeyCommand } from '@aws-sdk/client-appsync';
import { apiKeyExpiry } from './api-key-expiry.ts';

export interface ApiKeyRenewalEvent {
  readonly apiId: string;
  readonly keyId: string;
}

export interface ApiKeyRenewalResult {
  readonly apiId: string;
  readonly keyId: string;
  /** The new expiry, ISO 8601. */
  readonly expires: string;
}

export class InvalidApiKeyRenewalEventError extends Error {
  override readonly name = 'InvalidApiKeyRenewalEventError';
}

const appsync = new AppSyncClient({});

export async function handler(event: ApiKeyRenewalEvent): Promise<ApiKeyRenewalResult> {
  for (const field of ['apiId', 'keyId'] as const) {
    if (typeof event[field] !== 'string' || event[field] === '') {
      throw new InvalidApiKeyRenewalEventError(`${field} is required`);
    }
  }
  const expires = apiKeyExpiry(Date.now());
  await appsync.send(new UpdateApiKeyCommand({ apiId: event.apiId, id: event.keyId, expires }));
  return { apiId: event.apiId, keyId: event.keyId, expires: new Date(expires * 1000).toISOString() };
}
