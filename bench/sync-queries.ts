// What Rolesync is configured to read from the benchmark directory, in one place, so that the LDAP
// floor (ldapsearch) asks for exactly what a sync asks for: same bases, filters and attributes.
import { STABLE_ID_ATTRIBUTES } from '../src/ldap/entry-id.js';
import type { DirectoryNames } from './directory-model.js';

export interface DirectoryQuery {
  baseDn: string;
  filter: string;
  attributes: string[];
}

export interface SyncQueries {
  users: DirectoryQuery;
  groups: DirectoryQuery;
  loginAttribute: string;
  nameAttribute: string;
  emailAttribute: string;
  groupNameAttribute: string;
  groupMemberAttribute: 'member';
}

/** The directory's page size in Rolesync and in the floor's ldapsearch (Rolesync's default). */
export const PAGE_SIZE = 1000;

export function syncQueries(names: DirectoryNames): SyncQueries {
  const user = { loginAttribute: 'uid', nameAttribute: 'cn', emailAttribute: 'mail' };
  const group = { groupNameAttribute: 'cn', groupMemberAttribute: 'member' as const };
  return {
    ...user,
    ...group,
    users: {
      baseDn: names.usersDn,
      filter: '(objectClass=inetOrgPerson)',
      attributes: [
        user.loginAttribute,
        user.nameAttribute,
        user.emailAttribute,
        'memberOf',
        ...STABLE_ID_ATTRIBUTES,
      ],
    },
    groups: {
      baseDn: names.groupsDn,
      filter: '(objectClass=groupOfNames)',
      attributes: [group.groupNameAttribute, group.groupMemberAttribute, ...STABLE_ID_ATTRIBUTES],
    },
  };
}
