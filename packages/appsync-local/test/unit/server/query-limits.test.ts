import { describe, expect, it } from 'vitest';
import { DocumentNestingError, QueryDepthLimitError } from '../../../src/server/errors.ts';
import { assertParsableNesting } from '../../../src/server/query-limits.ts';

describe('nesting before parsing', () => {
  const limits = { queryDepthLimit: 2, resolverCountLimit: 10_000 };

  it('counts fields, not the braces of input values or arguments', () => {
    expect(() =>
      assertParsableNesting('{ a(x: { y: { z: [[{ w: 1 }]] } }) { b(v: [1]) } }', limits),
    ).not.toThrow();
    expect(() => assertParsableNesting('{ a { b { c } } }', limits)).toThrow(QueryDepthLimitError);
  });

  it('counts an inline fragment as no level, however its head is written', () => {
    for (const head of ['...', '... on T', '... @include(if: $x)', '... on T @skip(if: false) @d(a: [1])'])
      expect(() => assertParsableNesting(`{ a { ${head} { b } } }`, limits), head).not.toThrow();
    expect(() => assertParsableNesting('{ a @include(if: true) { b { c } } }', limits)).toThrow(
      QueryDepthLimitError,
    );
    expect(() => assertParsableNesting('{ on { on { on } } }', limits)).toThrow(QueryDepthLimitError);
    expect(() => assertParsableNesting('{ a(x: 1) { ...F } } fragment F on T { b }', limits)).not.toThrow();
  });

  it('bounds input values nested beyond what the parser takes', () => {
    const deepValue = `{ a(x: ${'['.repeat(300)}1${']'.repeat(300)}) }`;
    expect(() => assertParsableNesting(deepValue, limits)).toThrow(DocumentNestingError);
  });

  it('leaves syntax errors to the parser', () => {
    expect(() => assertParsableNesting('{ a(x: "unterminated }', limits)).not.toThrow();
    expect(() => assertParsableNesting('} } ] { a }', limits)).not.toThrow();
  });
});
