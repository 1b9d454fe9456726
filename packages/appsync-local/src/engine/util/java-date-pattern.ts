/**
 * Java `DateTimeFormatter.ofPattern` patterns, read into tokens for `java-date-format.ts` and
 * `java-date-parse.ts`. Written by hand because no npm library reads Java patterns without
 * extra locale data: Luxon's tokens differ (no optional sections, `XXX` never prints `Z`,
 * fraction widths) and js-joda needs @js-joda/locale with CLDR data for `EEE`, `MMM` or `a`.
 */

/** A pattern Java's `DateTimeFormatter.ofPattern` would refuse, or one this runtime cannot use. */
export class JavaDatePatternError extends RangeError {
  override readonly name = 'JavaDatePatternError';
}

export type PatternToken =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'field'; readonly letter: string; readonly count: number }
  | { readonly kind: 'optional'; readonly tokens: PatternToken[] };

/** The most letters Java accepts in a row for each pattern letter. */
const maxCounts: Record<string, number> = {
  G: 5,
  u: 19,
  y: 19,
  Y: 19,
  Q: 5,
  q: 5,
  M: 5,
  L: 5,
  w: 2,
  W: 1,
  d: 2,
  D: 3,
  F: 1,
  E: 5,
  e: 5,
  c: 5,
  a: 1,
  h: 2,
  K: 2,
  k: 2,
  H: 2,
  m: 2,
  s: 2,
  S: 9,
  A: 19,
  n: 19,
  N: 19,
  V: 2,
  z: 4,
  O: 4,
  X: 5,
  x: 5,
  Z: 5,
};

function checkField(letter: string, count: number): void {
  const max = maxCounts[letter];
  if (max === undefined) throw new JavaDatePatternError(`Unknown pattern letter: ${letter}`);
  if (count > max) throw new JavaDatePatternError(`Too many pattern letters: ${letter}`);
  if (
    (letter === 'V' && count !== 2) ||
    (letter === 'O' && count !== 1 && count !== 4) ||
    (letter === 'c' && count === 2)
  )
    throw new JavaDatePatternError(
      `Pattern letter count must be valid for ${letter}: ${letter.repeat(count)}`,
    );
}

/** Reads a quoted literal starting at the opening quote; `''` is one quote. */
function readQuoted(pattern: string, start: number): [string, number] {
  if (pattern[start + 1] === "'") return ["'", start + 2];
  let text = '';
  let index = start + 1;
  while (index < pattern.length) {
    if (pattern[index] === "'" && pattern[index + 1] === "'") {
      text += "'";
      index += 2;
    } else if (pattern[index] === "'") {
      return [text, index + 1];
    } else {
      text += pattern[index];
      index += 1;
    }
  }
  throw new JavaDatePatternError(`Pattern ends with an incomplete string literal: ${pattern}`);
}

export function tokenize(pattern: string): PatternToken[] {
  const root: PatternToken[] = [];
  const open: PatternToken[][] = [root];
  const current = (): PatternToken[] => open[open.length - 1] as PatternToken[];
  let index = 0;
  while (index < pattern.length) {
    const character = pattern[index] as string;
    if (/[A-Za-z]/.test(character)) {
      let end = index;
      while (pattern[end] === character) end += 1;
      if (character === 'p') throw new JavaDatePatternError(`Pad letter "p" is not supported: ${pattern}`);
      checkField(character, end - index);
      current().push({ kind: 'field', letter: character, count: end - index });
      index = end;
    } else if (character === "'") {
      const [text, next] = readQuoted(pattern, index);
      current().push({ kind: 'literal', text });
      index = next;
    } else if (character === '[') {
      const tokens: PatternToken[] = [];
      current().push({ kind: 'optional', tokens });
      open.push(tokens);
      index += 1;
    } else if (character === ']') {
      if (open.length === 1)
        throw new JavaDatePatternError('Pattern invalid as it contains ] without previous [');
      open.pop();
      index += 1;
    } else if ('{}#'.includes(character)) {
      throw new JavaDatePatternError(`Pattern includes reserved character: '${character}'`);
    } else {
      current().push({ kind: 'literal', text: character });
      index += 1;
    }
  }
  return root;
}
