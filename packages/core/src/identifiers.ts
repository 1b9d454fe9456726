/**
 * Character rules for ids that end up inside DynamoDB keys (`ACT#<userId>#<key>`): a `#`
 * or a space there could make two different inputs share one key. Written without regular
 * expressions, which APPSYNC_JS refuses in some positions.
 */
const identifierCharacters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const keyCharacters = `${identifierCharacters}.:`;

function onlyCharacters(text: string, allowed: string): boolean {
  for (const character of text.split('')) {
    if (allowed.indexOf(character) < 0) return false;
  }
  return true;
}

/** Program ids: letters, digits, `-` and `_`. */
export const isIdentifier = (text: string, maxLength: number): boolean =>
  text.length > 0 && text.length <= maxLength && onlyCharacters(text, identifierCharacters);

/** Idempotency keys: identifier characters plus `.` and `:` (so ULIDs, UUIDs and `client:123` fit). */
export const isKeyText = (text: string, maxLength: number): boolean =>
  text.length > 0 && text.length <= maxLength && onlyCharacters(text, keyCharacters);

export const isDigits = (text: string): boolean => text.length > 0 && onlyCharacters(text, '0123456789');

/** User ids come from the token (`sub`); refuse the separator so keys stay unambiguous. */
export const isUsableUserId = (text: string, maxLength: number): boolean =>
  text.length > 0 && text.length <= maxLength && text.indexOf('#') < 0;

/** The value of a string of decimal digits (checked with `isDigits` first); no reliance on `Number()` parsing. */
export function digitsValue(text: string): number {
  let value = 0;
  for (const character of text.split('')) value = value * 10 + '0123456789'.indexOf(character);
  return value;
}
