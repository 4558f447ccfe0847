import { describe, expect, it } from 'vitest';

import { seededRandom } from '../../../src/demo/seeded-random.js';
import {
  dnEquals,
  isDnWithin,
  normalizeDn,
  normalizeDnByParsing,
  parentDn,
  rdnPath,
} from '../../../src/ldap/dn-normalize.js';

describe('normalizeDn', () => {
  it('lower-cases types and values and drops spaces around separators', () => {
    expect(normalizeDn('CN=John Smith , OU=People,  DC=Example,DC=COM')).toBe(
      'cn=john smith,ou=people,dc=example,dc=com',
    );
  });

  it('collapses inner white space and drops leading/trailing (also escaped) spaces, like caseIgnoreMatch', () => {
    expect(normalizeDn('cn=John   Smith')).toBe('cn=john smith');
    expect(normalizeDn('cn=\\ John\\ ')).toBe('cn=john');
    expect(normalizeDn('cn=\\20\\20')).toBe('cn=\\ ');
  });

  it('gives one form for every spelling of escaped characters', () => {
    const expected = 'cn=smith\\, john,dc=x';
    expect(normalizeDn('cn=Smith\\, John,dc=x')).toBe(expected);
    expect(normalizeDn('cn=Smith\\2c John,dc=x')).toBe(expected);
    expect(normalizeDn('cn=Smith\\2C John,dc=x')).toBe(expected);
    expect(normalizeDn('cn=a\\=b')).toBe('cn=a=b');
    expect(normalizeDn('cn=\\#x')).toBe('cn=\\#x');
    expect(normalizeDn('cn=x\\#')).toBe('cn=x#');
  });

  it('keeps non-ASCII text literal, NFKC-normalized and case-folded', () => {
    expect(normalizeDn('cn=M\\C3\\BCLLER')).toBe('cn=müller');
    expect(normalizeDn('cn=Mu\u0308ller')).toBe('cn=müller');
    expect(normalizeDn('CN=ÅSA')).toBe('cn=åsa');
  });

  it('sorts the parts of a multi-valued RDN', () => {
    expect(normalizeDn('uid=jdoe+cn=John,dc=x')).toBe('cn=john+uid=jdoe,dc=x');
    expect(normalizeDn('cn=John+uid=jdoe,dc=x')).toBe('cn=john+uid=jdoe,dc=x');
    expect(normalizeDn('cn=b+cn=a')).toBe('cn=a+cn=b');
  });

  it('maps well-known OIDs to their names and lower-cases hex strings', () => {
    expect(normalizeDn('2.5.4.3=John,0.9.2342.19200300.100.1.25=com')).toBe('cn=john,dc=com');
    expect(normalizeDn('1.2.3.4=X')).toBe('1.2.3.4=x');
    expect(normalizeDn('cn=#04024869')).toBe('cn=#04024869');
    expect(normalizeDn('cn=#0402AB69')).toBe('cn=#0402ab69');
  });

  it('keeps the root DSE empty', () => {
    expect(normalizeDn('')).toBe('');
  });

  it('is idempotent', () => {
    for (const dn of ['CN=Smith\\, John+UID=x,OU=A\\+B,DC=ex', 'cn=\\#1\\ ,dc=x', 'cn=M\\C3\\BCller']) {
      expect(normalizeDn(normalizeDn(dn))).toBe(normalizeDn(dn));
    }
  });
});

describe('normalizeDn shortcuts', () => {
  // DNs built from plain ASCII pieces and from pieces that need parsing (spaces at edges, escapes, '+',
  // OIDs, hex, quotes, non-ASCII): the shortcut path and the cache must agree with a full parse.
  const types = ['cn', 'OU', 'dc', 'uid', 'x-Y', '2.5.4.3', ' cn', '1x'];
  const valueParts = [
    'a',
    'Z',
    '9',
    '.',
    '-',
    '_',
    '@',
    ' ',
    '  ',
    'x y',
    'Smith',
    '\\,',
    '\\2C',
    '\\ ',
    'é',
    'Ä',
    '"',
    '#04',
    '=',
  ];
  const separators = [',', ',', ',', ' , ', '+', ', '];

  function randomDn(random: ReturnType<typeof seededRandom>): string {
    const pick = (list: readonly string[]): string => list[random.below(list.length)] ?? '';
    const rdns = 1 + random.below(4);
    let dn = '';
    for (let rdn = 0; rdn < rdns; rdn++) {
      if (rdn > 0) dn += pick(separators);
      dn += `${pick(types)}=`;
      const parts = 1 + random.below(4);
      for (let part = 0; part < parts; part++)
        dn += random.below(3) === 0 ? pick(valueParts) : pick(['a', 'Bc', 'd1']);
    }
    return dn;
  }

  it('gives exactly what a full parse gives, for valid and invalid DNs alike', () => {
    const random = seededRandom(7, 1);
    const seen = { valid: 0, invalid: 0 };
    for (let sample = 0; sample < 20_000; sample++) {
      const dn = randomDn(random);
      const outcome = (normalize: (text: string) => string): string => {
        try {
          return `ok:${normalize(dn)}`;
        } catch {
          return 'invalid';
        }
      };
      const expected = outcome(normalizeDnByParsing);
      seen[expected === 'invalid' ? 'invalid' : 'valid']++;
      // Twice: the second answer may come from the cache.
      expect(outcome(normalizeDn), dn).toBe(expected);
      expect(outcome(normalizeDn), dn).toBe(expected);
    }
    expect(seen.valid).toBeGreaterThan(5_000);
    expect(seen.invalid).toBeGreaterThan(500);
  });

  it('lower-cases plain ASCII DNs, inner single spaces kept', () => {
    expect(normalizeDn('CN=John Smith,OU=Sales-EU,DC=Example,DC=com')).toBe(
      'cn=john smith,ou=sales-eu,dc=example,dc=com',
    );
    expect(normalizeDn('uid=j.doe@x,dc=x')).toBe('uid=j.doe@x,dc=x');
  });
});

describe('dnEquals', () => {
  it('compares in normalized form', () => {
    expect(dnEquals('CN=Smith\\2C John,DC=X', 'cn=smith\\, john , dc=x')).toBe(true);
    expect(dnEquals('cn=a+uid=b', 'uid=b+cn=a')).toBe(true);
    expect(dnEquals('cn=a,dc=x', 'cn=a,dc=y')).toBe(false);
    expect(dnEquals('cn=a\\,b', 'cn=a,cn=b')).toBe(false);
  });
});

describe('isDnWithin', () => {
  it('is true for the base itself and anything below it', () => {
    expect(isDnWithin('dc=example,dc=com', 'DC=Example,DC=com')).toBe(true);
    expect(isDnWithin('uid=x,ou=People,dc=example,dc=com', 'dc=example,dc=com')).toBe(true);
    expect(isDnWithin('anything=x', '')).toBe(true);
  });

  it('is false for siblings, parents and look-alike suffixes', () => {
    expect(isDnWithin('dc=com', 'dc=example,dc=com')).toBe(false);
    expect(isDnWithin('uid=x,dc=other,dc=com', 'dc=example,dc=com')).toBe(false);
    expect(isDnWithin('uid=x,ou=a\\,dc=example,dc=com', 'ou=a,dc=example,dc=com')).toBe(false);
    expect(isDnWithin('uid=x,dc=badexample,dc=com', 'dc=example,dc=com')).toBe(false);
  });
});

describe('parentDn', () => {
  it('drops the first RDN and keeps case', () => {
    expect(parentDn('cn=Smith\\, John,OU=People,dc=x')).toBe('OU=People,dc=x');
    expect(parentDn('dc=com')).toBe('');
    expect(parentDn('')).toBeNull();
  });
});

describe('rdnPath', () => {
  it('lists the containers between the base and the entry, top first, original case', () => {
    expect(rdnPath('cn=Admins,ou=Apps,ou=Groups,dc=example,dc=com', 'dc=Example,dc=com')).toEqual([
      'Groups',
      'Apps',
    ]);
    expect(rdnPath('cn=Admins,ou=Groups,dc=example,dc=com', 'ou=groups,dc=example,dc=com')).toEqual([]);
    expect(rdnPath('cn=g,ou=Sales\\, EMEA,dc=x', 'dc=x')).toEqual(['Sales, EMEA']);
    expect(rdnPath('cn=g,ou=a+l=b,dc=x', 'dc=x')).toEqual(['a+b']);
  });

  it('runs up to the root without a base, and is null outside the base', () => {
    expect(rdnPath('cn=g,ou=A,dc=x')).toEqual(['x', 'A']);
    expect(rdnPath('cn=g,ou=A,dc=y', 'dc=x')).toBeNull();
  });
});
