import { describe, expect, it } from 'vitest';

import { memberValuesUse } from '../../../src/sync/member-values-use.js';

describe('memberValuesUse', () => {
  const directorySync = {
    kind: 'DIRECTORY_SYNC',
    membershipSource: 'MEMBER_OF',
    expandNestedGroups: false,
  } as const;

  it('needs only re-read groups when membership comes from memberOf, direct', () => {
    expect(memberValuesUse(directorySync)).toBe('CHANGED_GROUPS');
  });

  it.each([
    ['a role sync', { kind: 'ROLE_SYNC' }],
    ['membership from the groups', { membershipSource: 'GROUP_MEMBERS' }],
    ['nested expansion', { expandNestedGroups: true }],
  ] as const)('needs every group for %s', (_, override) => {
    expect(memberValuesUse({ ...directorySync, ...override })).toBe('ALL');
  });
});
