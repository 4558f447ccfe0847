import { describe, expect, it } from 'vitest';

import {
  objectGuidToBuffer,
  objectGuidToString,
  objectSidToString,
} from '../../../src/ldap/binary-attributes.js';

describe('objectGuidToString', () => {
  it('reads the first three groups little-endian, the rest in order', () => {
    const bytes = Buffer.from('10325476ba98dcfe0123456789abcdef', 'hex');
    expect(objectGuidToString(bytes)).toBe('76543210-98ba-fedc-0123-456789abcdef');
  });

  it('round-trips with objectGuidToBuffer', () => {
    const guid = 'c8b1e7a2-5f3d-4e6a-9b0c-1d2e3f4a5b6c';
    expect(objectGuidToString(objectGuidToBuffer(guid))).toBe(guid);
    expect(objectGuidToBuffer('C8B1E7A2-5F3D-4E6A-9B0C-1D2E3F4A5B6C').toString('hex')).toBe(
      'a2e7b1c83d5f6a4e9b0c1d2e3f4a5b6c',
    );
  });

  it('rejects wrong lengths and malformed strings', () => {
    expect(() => objectGuidToString(Buffer.alloc(15))).toThrow(/objectGUID.*15 bytes/);
    expect(() => objectGuidToBuffer('not-a-guid')).toThrow(/is not a GUID/);
  });
});

describe('objectSidToString', () => {
  it('formats a domain SID', () => {
    // S-1-5-21-3623811015-3361044348-30300820-1013
    const bytes = Buffer.from('010500000000000515000000c7f7fed77c7755c8945ace01f5030000', 'hex');
    expect(objectSidToString(bytes)).toBe('S-1-5-21-3623811015-3361044348-30300820-1013');
  });

  it('formats well-known SIDs', () => {
    expect(objectSidToString(Buffer.from('010100000000000100000000', 'hex'))).toBe('S-1-1-0');
    expect(objectSidToString(Buffer.from('01020000000000052000000020020000', 'hex'))).toBe('S-1-5-32-544');
  });

  it('writes identifier authorities beyond 32 bits in hex', () => {
    expect(objectSidToString(Buffer.from('010101000000000001000000', 'hex'))).toBe('S-1-0x010000000000-1');
    expect(objectSidToString(Buffer.from('010100010000000001000000', 'hex'))).toBe('S-1-0x000100000000-1');
  });

  it('rejects truncated SIDs', () => {
    expect(() => objectSidToString(Buffer.from('0105000000000005150000', 'hex'))).toThrow(/objectSid/);
    expect(() => objectSidToString(Buffer.alloc(3))).toThrow(/objectSid/);
  });
});
