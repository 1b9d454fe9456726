import { describe, expect, it } from 'vitest';
import {
  displayNameLimits,
  displayNameProblem,
  emailDomainOf,
  isDomainName,
  isEmailDomainAllowed,
} from '../../src/sign-up.ts';

describe('displayNameProblem', () => {
  it.each([
    'Ada Lovelace',
    "Seán O'Brien",
    'Anne-Marie Dupont',
    'J. R. Smith',
    'Doe, Jane',
    'Ng (Finance)',
    'Zoë Łukasiewicz',
    '王小明',
    'Ana 2',
  ])('accepts a name as colleagues write it: %s', (name) => {
    expect(displayNameProblem(name)).toBeNull();
  });

  it.each([
    ['jane@example.com', /letters, digits/],
    ['https://example.com', /letters, digits/],
    ['<b>Jane</b>', /letters, digits/],
    ['Jane 🏃', /letters, digits/],
    ['Jane\u202eDoe', /letters, digits/],
    [' Jane', /space/],
    ['Jane  Doe', /space/],
    ['J', /2 to 64/],
    ['x'.repeat(displayNameLimits.maxLength + 1), /2 to 64/],
    ['1234', /one letter/],
    ['Admin', /reserved/],
    ['Leader-Board', /reserved/],
    ['S.u.p.p.o.r.t', /reserved/],
  ])('refuses %j', (name, reason) => {
    expect(displayNameProblem(name)).toMatch(reason);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(displayNameProblem('𝔄'.repeat(displayNameLimits.maxLength))).toBeNull();
  });
});

describe('e-mail domains', () => {
  it('takes the domain after the last @, in lower case', () => {
    expect(emailDomainOf('Jane.Doe@Corp.Example.COM')).toBe('corp.example.com');
    expect(emailDomainOf('"odd@local"@example.com')).toBe('example.com');
    expect(emailDomainOf('jane@example.com.')).toBe('example.com');
  });

  it('finds no domain in what is not an address', () => {
    for (const text of ['', 'jane', '@example.com', 'jane@', 'jane@localhost', 'jane@exa mple.com']) {
      expect(emailDomainOf(text), text).toBeNull();
    }
  });

  it('admits the allowed domains themselves, never their subdomains or look-alikes', () => {
    const allowed = ['example.com', 'Corp.Example.org'];
    expect(isEmailDomainAllowed('jane@example.com', allowed)).toBe(true);
    expect(isEmailDomainAllowed('JANE@EXAMPLE.COM', allowed)).toBe(true);
    expect(isEmailDomainAllowed('jo@corp.example.org', allowed)).toBe(true);
    expect(isEmailDomainAllowed('jane@mail.example.com', allowed)).toBe(false);
    expect(isEmailDomainAllowed('jane@example.com.evil.net', allowed)).toBe(false);
    expect(isEmailDomainAllowed('jane@notexample.com', allowed)).toBe(false);
    expect(isEmailDomainAllowed('jane@example.org', allowed)).toBe(false);
    expect(isEmailDomainAllowed('jane@example.com', [])).toBe(false);
  });

  it('knows a domain name from other text', () => {
    expect(isDomainName('example.com')).toBe(true);
    expect(isDomainName('xn--bcher-kva.example')).toBe(true);
    for (const text of ['example', '-example.com', 'exa_mple.com', 'example..com', '*.example.com']) {
      expect(isDomainName(text), text).toBe(false);
    }
  });
});
