/**
 * When the public API key expires, for the deploy that creates it and the daily renewal that
 * pushes it forward. No AWS SDK here: the SST program imports it too.
 */

/** AppSync accepts an expiry at most 365 days ahead; a day less leaves room for clock skew. */
export const apiKeyLifetimeDays = 364;

/** The expiry of a key (re)newed at `nowMs`, in epoch seconds on the hour, as AppSync stores it. */
export function apiKeyExpiry(nowMs: number): number {
  return Math.floor((nowMs + apiKeyLifetimeDays * 86_400_000) / 3_600_000) * 3600;
}
