import { graphql } from '../gql/index.js';
import type { SyncConfigSettingsFragment } from '../gql/graphql.js';

/** Every setting of a sync config that the create/update inputs take, as the form edits them. */
export const SyncConfigSettingsFragmentDoc = graphql(`
  fragment SyncConfigSettings on SyncConfig {
    name
    kind
    directoryId
    usersBaseDn
    usersScope
    usersFilter
    loginAttribute
    nameAttribute
    emailAttribute
    externalIdAttribute
    groupsBaseDn
    groupsScope
    groupsFilter
    groupNameAttribute
    groupMemberAttribute
    membershipSource
    autoCreateUsers
    autoDeactivateUsers
    defaultAuthorizationType
    expandNestedGroups
    safetyThresholdPercent
    scheduleEnabled
    scheduleIntervalMinutes
    scheduleCron
    differentialSync
    roleDescriptionAttribute
    membershipManagement
    memberDirectoryId
    memberAttribute
    assignRolesToIdentities
    removeRolesNotInSystem
    catalogueEnabled
    catalogueAttribute
    catalogueMainNode
    catalogueStrategy
    forwardProvisioning
    skipValueIfContractExcluded
  }
`);

export type SyncConfigSettings = Omit<SyncConfigSettingsFragment, '__typename'>;

/** A new config with the API's defaults; OpenLDAP-style queries as a starting point. */
export function newSyncConfig(directoryId: string): SyncConfigSettings {
  return {
    name: '',
    kind: 'DIRECTORY_SYNC',
    directoryId,
    usersBaseDn: '',
    usersScope: 'SUB',
    usersFilter: '(objectClass=inetOrgPerson)',
    loginAttribute: 'uid',
    nameAttribute: 'cn',
    emailAttribute: 'mail',
    externalIdAttribute: null,
    groupsBaseDn: '',
    groupsScope: 'SUB',
    groupsFilter: '(objectClass=groupOfNames)',
    groupNameAttribute: 'cn',
    groupMemberAttribute: 'member',
    membershipSource: 'MEMBER_OF',
    autoCreateUsers: false,
    autoDeactivateUsers: false,
    defaultAuthorizationType: 'LDAP',
    expandNestedGroups: false,
    safetyThresholdPercent: 10,
    scheduleEnabled: false,
    scheduleIntervalMinutes: null,
    scheduleCron: null,
    differentialSync: true,
    roleDescriptionAttribute: null,
    membershipManagement: false,
    memberDirectoryId: null,
    memberAttribute: null,
    assignRolesToIdentities: false,
    removeRolesNotInSystem: false,
    catalogueEnabled: false,
    catalogueAttribute: null,
    catalogueMainNode: null,
    catalogueStrategy: 'ALL_UNDER_MAIN',
    forwardProvisioning: false,
    skipValueIfContractExcluded: false,
  };
}
