import { describe, expect, it } from 'vitest';
import { enteringIds, flipOffsets } from '../../src/view/motion.ts';

describe('flipOffsets', () => {
  it('starts each moved row at its old place: the offset from its new top back to its old one', () => {
    const before = new Map([
      ['alice', 100],
      ['bob', 130],
      ['dave', 160],
    ]);
    const after = new Map([
      ['dave', 100],
      ['alice', 130],
      ['bob', 160],
    ]);
    expect(flipOffsets(before, after)).toEqual(
      new Map([
        ['dave', 60],
        ['alice', -30],
        ['bob', -30],
      ]),
    );
  });

  it('leaves rows that kept their place, and rows that entered, where they are', () => {
    const before = new Map([['alice', 100]]);
    const after = new Map([
      ['alice', 100.2],
      ['carol', 130],
    ]);
    expect(flipOffsets(before, after)).toEqual(new Map());
  });
});

describe('enteringIds', () => {
  it('names the rows on screen now that were not before', () => {
    const before = new Map([
      ['alice', 100],
      ['bob', 130],
    ]);
    const after = new Map([
      ['carol', 100],
      ['alice', 130],
    ]);
    expect(enteringIds(before, after)).toEqual(['carol']);
  });
});
