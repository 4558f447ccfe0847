import { describe, expect, it } from 'vitest';

import { mapGroupEntry, mapUserEntry } from '../../../src/sync/entry-mapping.js';

const mapping = { login: 'uid', name: 'cn', email: null, externalId: null };

function userWithGroups(memberOf: string[]) {
  return mapUserEntry(
    { dn: 'uid=ann,ou=People,dc=x', attributes: { uid: ['ann'], memberof: memberOf } },
    mapping,
  );
}

describe('mapUserEntry', () => {
  it('stages memberOf as a sorted set of canonical DNs, whatever order and spelling the server sends', () => {
    const one = userWithGroups(['CN=Ops,ou=Groups,dc=x', 'cn=dev, ou=groups,dc=x', 'cn=ops,ou=groups,dc=x']);
    const other = userWithGroups(['cn=dev,ou=groups,dc=x', 'cn=OPS,ou=groups,dc=x']);
    expect(one.row.memberOf).toEqual(other.row.memberOf);
    expect(one.row.memberOf).toHaveLength(2);
    expect([...one.row.memberOf].sort()).toEqual(one.row.memberOf);
  });

  it('sets aside a value that is no DN and keeps the others', () => {
    const mapped = userWithGroups(['not a dn', 'cn=dev,ou=groups,dc=x']);
    expect(mapped.row.memberOf).toHaveLength(1);
    expect(mapped.rejectedValues).toEqual(['not a dn']);
    expect(mapped.row).toMatchObject({ login: 'ann', displayName: null });
  });
});

describe('mapGroupEntry', () => {
  const groupMapping = { name: 'cn', member: 'member' as const, description: null, catalogue: null };
  const entry = {
    dn: 'cn=Ops,ou=Groups,dc=x',
    attributes: { cn: ['Ops'], member: ['uid=Ann,ou=People,dc=x', 'uid=ann, ou=people,dc=x', 'not a dn'] },
  };

  it('stages member values as a set of canonical DNs and sets aside values that are no DN', () => {
    const mapped = mapGroupEntry(entry, groupMapping, true);
    expect(mapped.row.members).toEqual(['uid=ann,ou=people,dc=x']);
    expect(mapped.row.memberCount).toBe(1);
    expect(mapped.rejectedValues).toEqual(['not a dn']);
  });

  it('only counts the values when the run stages none', () => {
    const mapped = mapGroupEntry(entry, groupMapping, false);
    expect(mapped.row).toMatchObject({
      dnNorm: 'cn=ops,ou=groups,dc=x',
      name: 'Ops',
      members: [],
      memberCount: 3,
    });
    expect(mapped.rejectedValues).toEqual([]);
  });
});
