import { describe, expect, it } from 'vitest';

import { dnEquals, isDnWithin, normalizeDn, parentDn, rdnPath } from '../../../src/ldap/dn-normalize.js';

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
