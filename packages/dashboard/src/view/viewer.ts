/**
 * Whose screen this is: `?user=<userId>` highlights that user's row. The board is public, so
 * the highlight needs no credential and none goes into the address (where it would end up in
 * history and logs); an app that signed the user in links here with their user id.
 */
const maxUserIdLength = 128;

/** The user id asked for by `?user=`, or undefined when none (or an implausible one) is given. */
export function requestedUser(search: string): string | undefined {
  const user = new URLSearchParams(search).get('user')?.trim();
  if (!user || user.length > maxUserIdLength) return undefined;
  return user;
}
