import { describe, expect, it } from 'vitest';
import { logReachesBack, memberDeltasOf, type AccessLogRecord } from '../../../src/sync/member-deltas.js';

const G1 = 'aaaaaaaa-0000-4000-8000-000000000001';
const G2 = 'aaaaaaaa-0000-4000-8000-000000000002';
const OTHER = 'aaaaaaaa-0000-4000-8000-000000000009';
const csn = (n: number): string => `20261202170000.${String(n).padStart(6, '0')}Z#000000#000#000000`;
const modify = (n: number, entryUuid: string, mods: string[]): AccessLogRecord => ({
  csn: csn(n),
  type: 'modify',
  entryUuid,
  mods,
});
const groups = new Set([G1, G2]);

describe('memberDeltasOf', () => {
  it('keeps each value’s last change in CSN order and counts every logged add and delete', () => {
    const deltas = memberDeltasOf(
      [
        // Listed out of CSN order: the later removal of uid=a wins over its earlier add.
        modify(3, G1, ['member:- uid=a,ou=People,dc=x']),
        modify(1, G1, ['member:+ uid=a,ou=people,dc=x', 'member:+ uid=b,ou=people,dc=x', 'cn:= renamed']),
        modify(2, G2, ['Member:- uid=c,ou=people,dc=x', 'modifyTimestamp:= 20261202170000Z']),
        modify(4, OTHER, ['member:+ uid=z,ou=people,dc=x']),
      ],
      groups,
      'member',
    );
    expect(deltas.usable).toBe(true);
    if (!deltas.usable) return;
    expect(deltas.byStableId.get(G1)).toEqual({
      added: ['uid=b,ou=people,dc=x'],
      removed: ['uid=a,ou=people,dc=x'],
      countChange: 1,
    });
    expect(deltas.byStableId.get(G2)).toEqual({
      added: [],
      removed: ['uid=c,ou=people,dc=x'],
      countChange: -1,
    });
    // Records of entries that are no group read are left out.
    expect(deltas.byStableId.has(OTHER)).toBe(false);
  });

  it.each([
    ['replaced', modify(1, G1, ['member:= uid=a,ou=people,dc=x']), /replaced or cleared/],
    ['deleted whole', modify(1, G1, ['member:-']), /replaced or cleared/],
    ['renamed', { csn: csn(1), type: 'modrdn', entryUuid: G2, mods: [] }, /logged modrdn/],
    ['added', { csn: csn(1), type: 'add', entryUuid: G1, mods: ['member:+ uid=a,dc=x'] }, /logged add/],
  ])('is unusable when a group read had its values %s', (_, record, reason) => {
    const deltas = memberDeltasOf([modify(0, G1, ['member:+ uid=b,dc=x']), record], groups, 'member');
    expect(deltas.usable).toBe(false);
    expect(deltas.usable ? '' : deltas.reason).toMatch(reason);
  });

  it('ignores a replace of another attribute and a change to another entry', () => {
    const deltas = memberDeltasOf(
      [modify(1, G1, ['description:= new']), { csn: csn(2), type: 'delete', entryUuid: OTHER, mods: [] }],
      groups,
      'member',
    );
    expect(deltas).toEqual({
      usable: true,
      byStableId: new Map([[G1, { added: [], removed: [], countChange: 0 }]]),
    });
  });
});

describe('logReachesBack', () => {
  it('holds when every server’s oldest record is at or before the mark', () => {
    expect(logReachesBack([csn(1)], csn(1))).toBe(true);
    expect(logReachesBack([csn(1), csn(2)], csn(5))).toBe(true);
  });

  it.each([
    ['an empty log', [], csn(5)],
    ['a log purged or started after the mark', [csn(6)], csn(5)],
    ['one server’s records start after the mark', [csn(1), csn(6)], csn(5)],
    ['a minCSN that is no CSN', ['garbage'], csn(5)],
  ])('does not hold for %s', (_, minCsns, since) => {
    expect(logReachesBack(minCsns, since)).toBe(false);
  });
});
