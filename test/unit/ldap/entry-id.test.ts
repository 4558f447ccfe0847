import { describe, expect, it } from 'vitest';

import { readStableId, STABLE_ID_ATTRIBUTES } from '../../../src/ldap/entry-id.js';

describe('readStableId', () => {
  it('takes the first stable id attribute present, in preference order', () => {
    const guid = '76543210-98ba-fedc-0123-456789abcdef';
    expect(readStableId({ dn: 'cn=x', attributes: { objectguid: [guid], entryuuid: ['e'] } })).toEqual({
      attribute: 'objectGUID',
      value: guid,
    });
    expect(
      readStableId({ dn: 'cn=x', attributes: { entryuuid: ['8A1D7F6E-0000-1000-8000-000000000001'] } }),
    ).toEqual({
      attribute: 'entryUUID',
      value: '8a1d7f6e-0000-1000-8000-000000000001',
    });
    expect(readStableId({ dn: 'cn=x', attributes: { nsuniqueid: ['a-b-c-d'], ipauniqueid: ['u'] } })).toEqual(
      { attribute: 'nsUniqueId', value: 'a-b-c-d' },
    );
    expect(readStableId({ dn: 'cn=x', attributes: { ipauniqueid: ['u'] } })).toEqual({
      attribute: 'ipaUniqueID',
      value: 'u',
    });
  });

  it('is null when the entry carries none (the caller forgot to request them)', () => {
    expect(readStableId({ dn: 'cn=x', attributes: { cn: ['x'] } })).toBeNull();
  });

  it('documents the attributes to request', () => {
    expect(STABLE_ID_ATTRIBUTES).toEqual(['objectGUID', 'entryUUID', 'nsUniqueId', 'ipaUniqueID']);
  });
});
