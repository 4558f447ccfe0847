import { EqualityFilter, type Filter, SubstringFilter } from 'ldapts';
import { describe, expect, it } from 'vitest';

import { AppError } from '../../../src/errors/app-error.js';
import { escapeFilterValue } from '../../../src/ldap/filter-escape.js';
import { parseFilter, validateFilter } from '../../../src/ldap/filter-parse.js';

function equality(filter: Filter): EqualityFilter {
  if (!(filter instanceof EqualityFilter)) throw new Error(`not an equality filter: ${filter.toString()}`);
  return filter;
}

function filterError(filter: string): AppError {
  try {
    validateFilter(filter);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`validateFilter accepted ${filter}`);
}

describe('escapeFilterValue', () => {
  it('escapes *, (, ), \\ and NUL', () => {
    expect(escapeFilterValue('a*b(c)d\\e\0f')).toBe('a\\2ab\\28c\\29d\\5ce\\00f');
  });

  it('keeps other text, non-ASCII included', () => {
    expect(escapeFilterValue('Müller, Jo = x & y | !z')).toBe('Müller, Jo = x & y | !z');
  });

  it('escapes every byte of a Buffer', () => {
    expect(escapeFilterValue(Buffer.from([0x00, 0x0f, 0x2a, 0xff]))).toBe('\\00\\0f\\2a\\ff');
  });

  it('makes a value with all specials parse back to itself', () => {
    const value = '*(x)\\ \0 end';
    expect(equality(parseFilter(`(cn=${escapeFilterValue(value)})`)).value).toBe(value);
  });
});

describe('parseFilter / validateFilter', () => {
  it('accepts well-formed filters, also without outer parentheses', () => {
    for (const filter of [
      '(objectClass=*)',
      '(&(objectClass=user)(memberOf=*))',
      '(|(cn=a)(!(cn=b)))',
      '(cn=Jo*n*)',
      '(uidNumber>=1000)',
      '(memberOf:1.2.840.113556.1.4.1941:=cn=g,dc=x)',
      'cn=plain',
      '  (cn=padded)  ',
    ]) {
      expect(() => {
        validateFilter(filter);
      }, filter).not.toThrow();
    }
  });

  it.each([
    ['', 'Filter cannot be empty'],
    ['(cn=a', 'Unbalanced parens'],
    ['(cn=a))', 'Unbalanced parens'],
    ['(&(cn=a)', "1 '(' never closed"],
    ['(cn=a))', "')' at position 6 closes nothing"],
    ['(&)', 'Missing paren'],
    ['(=a)', 'Invalid attribute name'],
    ['(cn=a\\zz)', 'Invalid escaped hex character'],
    ['(cn~a)', 'Invalid expression'],
  ])('rejects %j with INVALID_FILTER', (filter, reason) => {
    const error = filterError(filter);
    expect(error.code).toBe('INVALID_FILTER');
    expect(error.message).toContain(`Invalid LDAP filter "${filter}"`);
    expect(error.message).toContain(reason);
  });

  it('sends escaped and literal UTF-8 as the same text (ldapts alone would garble escapes)', () => {
    expect(equality(parseFilter('(cn=M\\c3\\bcller)')).value).toBe('Müller');
    expect(equality(parseFilter('(cn=Müller)')).value).toBe('Müller');
    expect(equality(parseFilter('(cn=日本\\2a)')).value).toBe('日本*');
  });

  it('keeps non-UTF-8 escaped bytes binary in equality filters (objectGUID searches)', () => {
    const guid = Buffer.from('1032547698badcfe0123456789abcdef', 'hex');
    expect(equality(parseFilter(`(objectGUID=${escapeFilterValue(guid)})`)).value).toEqual(guid);
  });

  it('decodes substring parts and rejects binary bytes where ldapts can only send text', () => {
    const parsed = parseFilter('(cn=M\\c3\\bc*ll*r)');
    expect(parsed).toBeInstanceOf(SubstringFilter);
    expect(parsed).toMatchObject({ initial: 'Mü', any: ['ll'], final: 'r' });
    expect(filterError('(cn=\\ff*)').message).toContain('only supported in equality assertions');
  });
});
