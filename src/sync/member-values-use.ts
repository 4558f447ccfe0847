import type { MembershipSource, SyncKind } from '../domain/directory-kinds.js';

/**
 * Which groups' member values a run must stage. ALL: a later phase reads every group's members (a role
 * sync resolves them, GROUP_MEMBERS takes membership from them, nested expansion walks them).
 * CHANGED_GROUPS: membership comes from the users' memberOf, so member values matter only for the groups
 * an incremental run re-reads (they correct the memberOf carried over from the snapshot); a full read
 * stages none. Each group's member count is kept either way.
 */
export type MemberValuesUse = 'ALL' | 'CHANGED_GROUPS';

export function memberValuesUse(config: {
  kind: SyncKind;
  membershipSource: MembershipSource;
  expandNestedGroups: boolean;
}): MemberValuesUse {
  const allGroups =
    config.kind === 'ROLE_SYNC' || config.membershipSource === 'GROUP_MEMBERS' || config.expandNestedGroups;
  return allGroups ? 'ALL' : 'CHANGED_GROUPS';
}
