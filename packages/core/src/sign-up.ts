/**
 * Who may get an account and what name boards show for them, decided once: the user pool's
 * pre-sign-up trigger applies these rules to every account Cognito creates (self sign-up, an
 * admin's AdminCreateUser, a first federated sign-in), and the stage settings are checked
 * against them before a deploy. Boards show the display name to everyone who can read a board
 * (the public dashboard included), so it is the user's name as a colleague would write it, and
 * nothing a user can turn into a link, an e-mail address or a claim to speak for the service.
 */

export const displayNameLimits = { minLength: 2, maxLength: 64 } as const;

/** Names that would read as the service or its operators on a public board. */
const reservedDisplayNames = [
  'admin',
  'admins',
  'administrator',
  'moderator',
  'support',
  'system',
  'leaderboard',
];

/**
 * Letters of any script (with their combining marks), digits, spaces and the punctuation real
 * names carry: `O'Brien`, `Anne-Marie`, `J. R.`, `Doe, Jane`, `Ng (Finance)`.
 */
const displayNameCharacters = /^[\p{L}\p{M}\p{Nd} '’.,()-]+$/u;

/** Why `name` cannot be a display name, or null when it can; `name` is taken as given (untrimmed). */
export function displayNameProblem(name: string): string | null {
  const length = [...name].length;
  if (name.trim() !== name || name.includes('  ')) {
    return 'must not start or end with a space or hold two spaces in a row';
  }
  if (length < displayNameLimits.minLength || length > displayNameLimits.maxLength) {
    return `must be ${displayNameLimits.minLength} to ${displayNameLimits.maxLength} characters`;
  }
  if (!displayNameCharacters.test(name)) {
    return "may hold letters, digits, spaces and . , ' - ( ) only";
  }
  if (!/\p{L}/u.test(name)) return 'must hold at least one letter';
  if (reservedDisplayNames.includes(name.toLowerCase().replace(/[^\p{L}]/gu, ''))) {
    return 'is reserved';
  }
  return null;
}

/** The domain of an e-mail address in lower case (a trailing dot dropped), or null for no address. */
export function emailDomainOf(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 1 || at === email.length - 1) return null;
  const domain = normalizedDomain(email.slice(at + 1));
  return isDomainName(domain) ? domain : null;
}

const normalizedDomain = (domain: string): string => domain.trim().toLowerCase().replace(/\.$/, '');

/** A DNS name of two or more labels (letters, digits, inner hyphens), as e-mail domains are. */
export function isDomainName(domain: string): boolean {
  const labels = domain.split('.');
  return (
    domain.length <= 253 &&
    labels.length >= 2 &&
    labels.every((label) => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(label))
  );
}

/**
 * Whether an address belongs to one of the allowed domains: the domain itself, never a
 * subdomain (`corp.example.com` does not admit `mail.corp.example.com`; list it if it should).
 */
export function isEmailDomainAllowed(email: string, allowedDomains: readonly string[]): boolean {
  const domain = emailDomainOf(email);
  return domain !== null && allowedDomains.some((allowed) => normalizedDomain(allowed) === domain);
}
