import { describe, expect, it } from 'vitest';

import { binaryAttributeNames, getAttributeValues, toLdapEntry } from '../../../src/ldap/ldap-entry.js';

const guidBytes = Buffer.from('10325476ba98dcfe0123456789abcdef', 'hex');
const sidBytes = Buffer.from('01020000000000052000000020020000', 'hex');

describe('toLdapEntry', () => {
  it('lower-cases names, makes every value a list and drops empty attributes', () => {
    const entry = toLdapEntry({ dn: 'cn=x,dc=y', CN: 'x', objectClass: ['top', 'person'], mail: [] });
    expect(entry).toEqual({ dn: 'cn=x,dc=y', attributes: { cn: ['x'], objectclass: ['top', 'person'] } });
  });

  it('converts objectGUID and objectSid to their string forms', () => {
    const entry = toLdapEntry({ dn: 'cn=x', objectGUID: guidBytes, objectSid: [sidBytes] });
    expect(entry.attributes).toEqual({
      objectguid: ['76543210-98ba-fedc-0123-456789abcdef'],
      objectsid: ['S-1-5-32-544'],
    });
  });

  it('recovers a GUID that ldapts decoded as UTF-8 text', () => {
    const asciiGuid = Buffer.from('41424344454647484950515253545556', 'hex');
    const entry = toLdapEntry({ dn: 'cn=x', OBJECTGUID: asciiGuid.toString('utf8') });
    expect(entry.attributes.objectguid).toEqual([objectGuidString(asciiGuid)]);
  });

  it('gives other binary values as base64', () => {
    expect(
      toLdapEntry({ dn: 'cn=x', jpegPhoto: Buffer.from([0xff, 0xd8, 0xff]) }).attributes.jpegphoto,
    ).toEqual(['/9j/']);
  });

  it('merges attributes whose names differ only in case', () => {
    expect(toLdapEntry({ dn: 'cn=x', mail: 'a', MAIL: ['b'] }).attributes.mail).toEqual(['a', 'b']);
  });

  it('keeps attributes named like Object members as plain attributes', () => {
    const entry = toLdapEntry({ dn: 'cn=x', constructor: 'c', toString: ['t1', 't2'], HasOwnProperty: 'h' });
    expect(Object.entries(entry.attributes)).toEqual([
      ['constructor', ['c']],
      ['tostring', ['t1', 't2']],
      ['hasownproperty', ['h']],
    ]);
    expect(getAttributeValues(entry, 'valueOf')).toEqual([]);
  });
});

describe('getAttributeValues', () => {
  it('finds attributes in any case and never inherited properties', () => {
    const entry = toLdapEntry({ dn: 'cn=x', memberOf: ['cn=g'] });
    expect(getAttributeValues(entry, 'MEMBEROF')).toEqual(['cn=g']);
    expect(getAttributeValues(entry, 'constructor')).toEqual([]);
    expect(getAttributeValues(entry, 'mail')).toEqual([]);
  });
});

describe('binaryAttributeNames', () => {
  it('lists the usual spellings and the caller’s own', () => {
    expect(binaryAttributeNames(['cn', 'OBJECTGUID'])).toEqual([
      'objectGUID',
      'objectguid',
      'objectSid',
      'objectsid',
      'OBJECTGUID',
    ]);
  });
});

function objectGuidString(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  const swap = (part: string): string => (part.match(/../g) ?? []).reverse().join('');
  return `${swap(hex.slice(0, 8))}-${swap(hex.slice(8, 12))}-${swap(hex.slice(12, 16))}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
