/** `util.autoId`, `util.autoUlid`, `util.autoKsuid`. */
import { randomBytes, randomUUID } from 'node:crypto';
import { ulid } from 'ulid';

export const autoId = (): string => randomUUID();

export const autoUlid = (): string => ulid();

const base62Alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ksuidEpochSeconds = 1_400_000_000;

/**
 * A KSUID (4-byte timestamp since 2014-05-13 + 16 random bytes, base62, 27 chars). Written
 * here because the npm `ksuid` packages are unmaintained and the format is a few lines.
 */
export function autoKsuid(now: number = Date.now()): string {
  const bytes = Buffer.alloc(20);
  bytes.writeUInt32BE(Math.floor(now / 1000) - ksuidEpochSeconds, 0);
  randomBytes(16).copy(bytes, 4);
  let value = BigInt(`0x${bytes.toString('hex')}`);
  let encoded = '';
  for (let index = 0; index < 27; index += 1) {
    encoded = base62Alphabet[Number(value % 62n)] + encoded;
    value /= 62n;
  }
  return encoded;
}
