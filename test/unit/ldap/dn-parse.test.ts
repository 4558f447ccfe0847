import { describe, expect, it } from 'vitest';

import { AppError } from '../../../src/errors/app-error.js';
import { escapeDnValue, formatDn, parseDn } from '../../../src/ldap/dn-parse.js';

function pair(type: string, value: string, isHex = false): { type: string; value: string; isHex: boolean } {
  return { type, value, isHex };
}

function invalidDn(dn: string): AppError {
  try {
    parseDn(dn);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`parseDn accepted ${JSON.stringify(dn)}`);
}

describe('parseDn', () => {
  it('splits a plain DN into RDNs, leaf first', () => {
    expect(parseDn('uid=jdoe,ou=People,dc=example,dc=com')).toEqual([
      [pair('uid', 'jdoe')],
      [pair('ou', 'People')],
      [pair('dc', 'example')],
      [pair('dc', 'com')],
    ]);
  });

  it('gives no RDNs for the empty DN (root DSE), also when blank', () => {
    expect(parseDn('')).toEqual([]);
    expect(parseDn('   ')).toEqual([]);
  });

  it('resolves escaped special characters', () => {
    expect(parseDn('cn=Smith\\, John,ou=a')[0]).toEqual([pair('cn', 'Smith, John')]);
    expect(parseDn('cn=a\\+b')[0]).toEqual([pair('cn', 'a+b')]);
    expect(parseDn('cn=say \\"hi\\"')[0]).toEqual([pair('cn', 'say "hi"')]);
    expect(parseDn('cn=back\\\\slash')[0]).toEqual([pair('cn', 'back\\slash')]);
    expect(parseDn('cn=\\<tag\\>')[0]).toEqual([pair('cn', '<tag>')]);
    expect(parseDn('cn=semi\\;colon')[0]).toEqual([pair('cn', 'semi;colon')]);
    expect(parseDn('cn=a\\=b')[0]).toEqual([pair('cn', 'a=b')]);
    expect(parseDn('cn=\\#hash')[0]).toEqual([pair('cn', '#hash')]);
  });

  it('accepts unescaped = and # inside a value', () => {
    expect(parseDn('cn=a=b#c')[0]).toEqual([pair('cn', 'a=b#c')]);
  });

  it('resolves hex pairs, in either case', () => {
    expect(parseDn('cn=Smith\\2C John')[0]).toEqual([pair('cn', 'Smith, John')]);
    expect(parseDn('cn=a\\2b\\2Bb')[0]).toEqual([pair('cn', 'a++b')]);
    expect(parseDn('cn=nul\\00byte')[0]).toEqual([pair('cn', 'nul\0byte')]);
  });

  it('decodes escaped UTF-8 sequences and keeps literal UTF-8', () => {
    expect(parseDn('cn=M\\C3\\BCller')[0]).toEqual([pair('cn', 'Müller')]);
    expect(parseDn('cn=Müller')[0]).toEqual([pair('cn', 'Müller')]);
    expect(parseDn('cn=\\E6\\97\\A5\\E6\\9C\\AC')[0]).toEqual([pair('cn', '日本')]);
    expect(parseDn('cn=emoji 😀')[0]).toEqual([pair('cn', 'emoji 😀')]);
  });

  it('reads a leading # as a hex string (BER value), kept opaque and lower-cased', () => {
    expect(parseDn('1.3.6.1.4.1.1466.0=#04024869,dc=x')[0]).toEqual([
      pair('1.3.6.1.4.1.1466.0', '#04024869', true),
    ]);
    expect(parseDn('cn=#0C03ABCD')[0]).toEqual([pair('cn', '#0c03abcd', true)]);
  });

  it('splits multi-valued RDNs on +', () => {
    expect(parseDn('cn=John+uid=jdoe,dc=x')[0]).toEqual([pair('cn', 'John'), pair('uid', 'jdoe')]);
    expect(parseDn('cn = John + uid = jdoe , dc = x')).toEqual([
      [pair('cn', 'John'), pair('uid', 'jdoe')],
      [pair('dc', 'x')],
    ]);
  });

  it('ignores spaces around separators and around = but keeps inner and escaped spaces', () => {
    expect(parseDn('  cn = John  Smith ,  ou = People  ')).toEqual([
      [pair('cn', 'John  Smith')],
      [pair('ou', 'People')],
    ]);
    expect(parseDn('cn=\\ lead')[0]).toEqual([pair('cn', ' lead')]);
    expect(parseDn('cn=trail\\ ,dc=x')[0]).toEqual([pair('cn', 'trail ')]);
    expect(parseDn('cn=trail\\  ,dc=x')[0]).toEqual([pair('cn', 'trail ')]);
    expect(parseDn('cn=\\20both\\20')[0]).toEqual([pair('cn', ' both ')]);
  });

  it('accepts numeric OIDs and hyphenated names as attribute types', () => {
    expect(parseDn('2.5.4.3=John,0.9.2342.19200300.100.1.25=com')).toEqual([
      [pair('2.5.4.3', 'John')],
      [pair('0.9.2342.19200300.100.1.25', 'com')],
    ]);
    expect(parseDn('x-custom-Attr1=v')[0]).toEqual([pair('x-custom-Attr1', 'v')]);
  });

  it('accepts an empty value', () => {
    expect(parseDn('cn=,dc=x')[0]).toEqual([pair('cn', '')]);
  });

  it.each([
    ['cn', "expected '=' after attribute type 'cn' at position 2"],
    ['=x', "expected an attribute type but found '=' at position 0"],
    ['cn=a,', 'expected an attribute type but the DN ended at position 5'],
    ['cn=a,,dc=b', "expected an attribute type but found ',' at position 5"],
    ['cn=a+', 'expected an attribute type but the DN ended at position 5'],
    ['cn=a\\', 'the DN ends with a lone backslash at position 4'],
    ['cn=a\\x', "invalid escape '\\x'"],
    ['cn=a\\4', "invalid escape '\\4'"],
    ['cn=a"b', `unescaped '"' in the value of 'cn' at position 4`],
    ['cn=a;b', "unescaped ';' in the value of 'cn' at position 4"],
    ['cn=a<b', "unescaped '<' in the value of 'cn' at position 4"],
    ['cn=a>b', "unescaped '>' in the value of 'cn' at position 4"],
    ['cn=a\0b', 'unescaped NUL'],
    ['cn=#', "expected hex digit pairs after '#'"],
    ['cn=#abc', "unexpected 'c' after a hex string value at position 6"],
    ['cn=#zz', "expected hex digit pairs after '#'"],
    ['cn=\\C3', "the escaped bytes in the value of 'cn' are not valid UTF-8 at position 3"],
    ['1.=x', "expected an attribute type but found '1' at position 0"],
    ['01.2=x', "expected an attribute type but found '0' at position 0"],
    ['c_n=x', "expected '=' after attribute type 'c' at position 1"],
  ])('rejects %j with INVALID_DN: %s', (dn, reason) => {
    const error = invalidDn(dn);
    expect(error.code).toBe('INVALID_DN');
    expect(error.message).toContain(reason);
    expect(error.message).toContain(`Invalid DN "${dn}"`);
    expect(typeof error.details.position).toBe('number');
  });
});

describe('escapeDnValue', () => {
  it('escapes the RFC 4514 specials, NUL, leading # or space, trailing space', () => {
    expect(escapeDnValue('Smith, John')).toBe('Smith\\, John');
    expect(escapeDnValue('a+b"c\\d<e>f;g')).toBe('a\\+b\\"c\\\\d\\<e\\>f\\;g');
    expect(escapeDnValue('#1 ')).toBe('\\#1\\ ');
    expect(escapeDnValue(' lead')).toBe('\\ lead');
    expect(escapeDnValue(' ')).toBe('\\ ');
    expect(escapeDnValue('nul\0')).toBe('nul\\00');
  });

  it('keeps inner #, =, spaces and non-ASCII text literally', () => {
    expect(escapeDnValue('a#b=c d')).toBe('a#b=c d');
    expect(escapeDnValue('Müller 日本')).toBe('Müller 日本');
  });

  it('round-trips through parseDn for awkward values', () => {
    for (const value of [
      'Smith, John',
      '#hash',
      ' spaced ',
      'a+b',
      'back\\slash',
      'q"uote',
      'Müller',
      '\0',
      '<>;=',
    ]) {
      expect(parseDn(`cn=${escapeDnValue(value)},dc=x`)[0]).toEqual([pair('cn', value)]);
    }
  });
});

describe('formatDn', () => {
  it('writes RDNs with minimal escaping and keeps hex strings as they are', () => {
    expect(formatDn(parseDn('cn = Smith\\2C John + uid=j , dc=x'))).toBe('cn=Smith\\, John+uid=j,dc=x');
    expect(formatDn(parseDn('cn=#04024869'))).toBe('cn=#04024869');
    expect(formatDn([])).toBe('');
  });
});
