/**
 * Java `java.util.regex.Pattern` syntax on JavaScript's `RegExp`, for `util.matches` and for
 * `String.prototype.replace/replaceAll`, whose pattern APPSYNC_JS reads as a Java regular
 * expression. Written by hand: no npm package translates Java regex syntax. The common
 * constructs are shared; Java-only ones are translated (`\Q...\E`, leading inline flags,
 * `\A`, `\z`, `\Z`, POSIX `\p{Alpha}` classes, escaped punctuation) and the few JavaScript
 * cannot express (possessive quantifiers, atomic groups, class intersections) are refused.
 */

/** A pattern this runtime cannot run, as Java's `PatternSyntaxException` would report it. */
export class JavaPatternError extends SyntaxError {
  override readonly name = 'JavaPatternError';
}

const posixClasses: Record<string, string> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: ' \\t\\n\\x0B\\f\\r',
};

const javaScriptSyntax = new Set('^$\\.*+?()[]{}|/');
/** `character` matched literally; `-` needs its escape only inside a class (unicode mode refuses it outside). */
const literal = (character: string, inClass: boolean): string =>
  javaScriptSyntax.has(character) || (inClass && character === '-') ? `\\${character}` : character;

interface Translation {
  source: string;
  flags: string;
}

/** Leading `(?i)`-style flags, which JavaScript only takes as `RegExp` flags. */
function leadingFlags(pattern: string): { rest: string; flags: string } {
  const match = /^\(\?([a-zA-Z]+)\)/.exec(pattern);
  if (!match) return { rest: pattern, flags: '' };
  const letters = match[1] as string;
  const unknown = [...letters].filter((letter) => !'imsu'.includes(letter));
  if (unknown.length > 0)
    throw new JavaPatternError(`unsupported inline flag "${unknown.join('')}" in "${pattern}"`);
  return { rest: pattern.slice(match[0].length), flags: [...new Set(letters.replace('u', ''))].join('') };
}

/** One escape sequence starting at `index` (the backslash): its JavaScript text and length. */
function translateEscape(pattern: string, index: number, inClass: boolean): [string, number] {
  const next = pattern[index + 1];
  if (next === undefined) throw new JavaPatternError(`unexpected end of pattern "${pattern}"`);
  if (next === 'Q') {
    const end = pattern.indexOf('\\E', index + 2);
    const quoted = pattern.slice(index + 2, end < 0 ? pattern.length : end);
    return [
      [...quoted].map((character) => literal(character, inClass)).join(''),
      (end < 0 ? pattern.length : end + 2) - index,
    ];
  }
  if (next === 'A') return ['(?<![\\s\\S])', 2];
  if (next === 'z') return ['(?![\\s\\S])', 2];
  if (next === 'Z') return ['(?=\\n?(?![\\s\\S]))', 2];
  const posix = /^p\{(\w+)\}/.exec(pattern.slice(index + 1));
  if (posix && posixClasses[posix[1] as string] !== undefined) {
    const ranges = posixClasses[posix[1] as string] as string;
    return [inClass ? ranges : `[${ranges}]`, posix[0].length + 1];
  }
  // Java lets any punctuation be escaped; JavaScript's unicode mode only its syntax characters.
  if (!/[A-Za-z0-9]/.test(next)) return [literal(next, inClass), 2];
  return [`\\${next}`, 2];
}

function translate(pattern: string): Translation {
  const { rest, flags } = leadingFlags(pattern);
  let source = '';
  let classDepth = 0;
  let index = 0;
  while (index < rest.length) {
    const character = rest[index] as string;
    if (character === '\\') {
      const [text, length] = translateEscape(rest, index, classDepth > 0);
      source += text;
      index += length;
      continue;
    }
    const pair = rest.slice(index, index + 2);
    if (classDepth > 0 && pair === '&&')
      throw new JavaPatternError(`class intersections are not supported: "${pattern}"`);
    if (classDepth === 0 && /^[*+?}]\+$/.test(pair))
      throw new JavaPatternError(`possessive quantifiers are not supported: "${pattern}"`);
    if (rest.startsWith('(?>', index))
      throw new JavaPatternError(`atomic groups are not supported: "${pattern}"`);
    if (character === '[') classDepth += 1;
    if (character === ']' && classDepth > 0) classDepth -= 1;
    source += character;
    index += 1;
  }
  return { source, flags };
}

/** A JavaScript `RegExp` that matches what the Java pattern matches. */
export function javaRegExp(pattern: string, extraFlags = ''): RegExp {
  const { source, flags } = translate(pattern);
  try {
    return new RegExp(source, `${flags}${extraFlags}u`);
  } catch (error) {
    throw new JavaPatternError(
      `invalid pattern "${pattern}": ${(error as Error).message.replace(/^.*: /, '')}`,
    );
  }
}

/** `util.matches`: Java `String.matches` semantics, the pattern must match the whole value. */
export function matches(pattern: unknown, value: unknown): boolean {
  if (typeof pattern !== 'string' || typeof value !== 'string') return false;
  const whole = javaRegExp(pattern);
  return new RegExp(`^(?:${whole.source})$`, whole.flags).test(value);
}

/** Expands a Java replacement string (`$1`, `${name}`, `\$`) for one match. */
function expandReplacement(
  replacement: string,
  groups: (string | undefined)[],
  named: Record<string, string | undefined>,
): string {
  let output = '';
  let index = 0;
  while (index < replacement.length) {
    const character = replacement[index] as string;
    if (character === '\\') {
      if (index + 1 >= replacement.length) throw new JavaPatternError('character to be escaped is missing');
      output += replacement[index + 1];
      index += 2;
    } else if (character === '$') {
      const reference = /^\$(?:\{(\w+)\}|(\d))/.exec(replacement.slice(index));
      if (!reference) throw new JavaPatternError('Illegal group reference');
      if (reference[1] !== undefined) {
        if (!(reference[1] in named)) throw new JavaPatternError(`No group with name {${reference[1]}}`);
        output += named[reference[1]] ?? '';
        index += reference[0].length;
        continue;
      }
      // Java reads further digits only while they still name an existing group.
      let number = Number(reference[2]);
      index += 2;
      while (
        /\d/.test(replacement[index] ?? '') &&
        number * 10 + Number(replacement[index]) < groups.length
      ) {
        number = number * 10 + Number(replacement[index]);
        index += 1;
      }
      if (number >= groups.length) throw new JavaPatternError(`No group ${number}`);
      output += groups[number] ?? '';
    } else {
      output += character;
      index += 1;
    }
  }
  return output;
}

/** Java's `replaceFirst`/`replaceAll` on `text`, with `pattern` a Java regular expression. */
export function javaReplace(text: string, pattern: string, replacement: string, all: boolean): string {
  const regex = javaRegExp(pattern, all ? 'g' : '');
  return text.replace(regex, (...match: unknown[]) => {
    const last = match[match.length - 1];
    const hasNamed = typeof last === 'object' && last !== null;
    const named = (hasNamed ? last : {}) as Record<string, string | undefined>;
    const groups = match.slice(0, hasNamed ? -3 : -2) as (string | undefined)[];
    return expandReplacement(replacement, groups, named);
  });
}
