/** `util.base64Encode/Decode`, `util.urlEncode/Decode`, `util.escapeJavaScript`. */

export const base64Encode = (value: unknown): string =>
  Buffer.from(String(value ?? ''), 'utf8').toString('base64');

export const base64Decode = (value: unknown): string =>
  Buffer.from(String(value ?? ''), 'base64').toString('utf8');

/** `application/x-www-form-urlencoded`, as Java's URLEncoder writes it (space as `+`). */
export function urlEncode(value: unknown): string {
  return encodeURIComponent(String(value ?? ''))
    .replace(/[!'()~]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

export const urlDecode = (value: unknown): string =>
  decodeURIComponent(String(value ?? '').replace(/\+/g, ' '));

const escapes: Record<string, string> = {
  '"': '\\"',
  "'": "\\'",
  '\\': '\\\\',
  '/': '\\/',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** Escapes a string for a JavaScript string literal, as Apache Commons' `escapeEcmaScript` does. */
export function escapeJavaScript(value: unknown): string {
  let escaped = '';
  for (const character of String(value ?? '')) {
    const code = character.codePointAt(0) ?? 0;
    const simple = escapes[character];
    if (simple) escaped += simple;
    else if (code < 0x20 || code > 0x7e) {
      for (const unit of character.split('')) {
        escaped += `\\u${unit.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      }
    } else escaped += character;
  }
  return escaped;
}
