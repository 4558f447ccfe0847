/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AppGroupInput = {
  description?: string | null | undefined;
  name: string;
};

/** How a created identity signs in */
export type AuthorizationType =
  | 'LDAP'
  | 'LOCAL'
  | 'SSO';

/** ALL_UNDER_MAIN: main node (+ catalogue attribute path); RESOLVE_BY_DN: the OU path of the group DN */
export type CatalogueStrategy =
  | 'ALL_UNDER_MAIN'
  | 'RESOLVE_BY_DN';

/** A new directory. Omitted settings take their defaults. */
export type CreateDirectoryInput = {
  /** OpenLDAP's accesslog database (e.g. cn=accesslog), readable by the bind DN: incremental runs take the member values groups gained and lost from it instead of reading changed groups whole */
  accessLogBaseDn?: string | null | undefined;
  bindDn?: string | null | undefined;
  /** Write-only; stored encrypted */
  bindPassword?: string | null | undefined;
  caCertPem?: string | null | undefined;
  connectTimeoutMs?: number;
  kind: DirectoryKind;
  /** Runs of this directory that may work at once (the others wait, QUEUED) */
  maxConcurrentRuns?: number;
  /** LDAP connections to this directory per worker process */
  maxConnections?: number;
  name: string;
  operationTimeoutMs?: number;
  pageSize?: number;
  tlsMode?: TlsMode;
  urls: Array<string>;
  verifyCertificate?: boolean;
};

/** A new sync config. DNs and filters are checked for syntax before anything is stored. */
export type CreateSyncConfigInput = {
  /** Role sync: resolve members and assign the roles */
  assignRolesToIdentities?: boolean;
  /** Create unregistered users found in a mapped group */
  autoCreateUsers?: boolean;
  /** Deactivate this directory's identities in no mapped group */
  autoDeactivateUsers?: boolean;
  /** Group attribute holding a catalogue path ("IT/Servers") */
  catalogueAttribute?: string | null | undefined;
  catalogueEnabled?: boolean;
  /** Path of the main node everything goes under */
  catalogueMainNode?: string | null | undefined;
  catalogueStrategy?: CatalogueStrategy;
  defaultAuthorizationType?: AuthorizationType;
  /** Skip unchanged entries (always off with membership management) */
  differentialSync?: boolean;
  directoryId: string | number;
  emailAttribute?: string | null | undefined;
  /** Apply mappings through nested groups (transitively) */
  expandNestedGroups?: boolean;
  externalIdAttribute?: string | null | undefined;
  forwardProvisioning?: boolean;
  /** A full read (the only one that sees deletions) at least this often; default daily */
  fullSyncIntervalMinutes?: number;
  groupMemberAttribute?: GroupMemberAttribute;
  groupNameAttribute?: string;
  groupsBaseDn: string;
  groupsFilter: string;
  groupsScope?: SearchScope;
  /** Read only entries changed since the last successful run (modifyTimestamp, or uSNChanged on AD) between full reads */
  incrementalReads?: boolean;
  kind?: SyncKind;
  loginAttribute: string;
  /** Role sync: member attribute on the member system (default: groupMemberAttribute) */
  memberAttribute?: string | null | undefined;
  /** Role sync: the member system (default: the same directory) */
  memberDirectoryId?: string | number | null | undefined;
  /** Role sync: link roles to the member system (provisioning) */
  membershipManagement?: boolean;
  membershipSource?: MembershipSource;
  name: string;
  nameAttribute?: string | null | undefined;
  /** Role sync: remove synced roles of identities no longer members */
  removeRolesNotInSystem?: boolean;
  /** Role sync: group attribute for the role description */
  roleDescriptionAttribute?: string | null | undefined;
  /** Share of identities (%) a run may deactivate or strip before it waits for approval */
  safetyThresholdPercent?: number;
  scheduleCron?: string | null | undefined;
  scheduleEnabled?: boolean;
  scheduleIntervalMinutes?: number | null | undefined;
  skipValueIfContractExcluded?: boolean;
  usersBaseDn: string;
  usersFilter: string;
  usersScope?: SearchScope;
};

/** Kind of directory server */
export type DirectoryKind =
  | 'ACTIVE_DIRECTORY'
  | 'FREEIPA'
  | 'OPENLDAP'
  | 'OTHER';

export type GroupMemberAttribute =
  | 'member'
  | 'memberUid'
  | 'uniqueMember';

/** Where membership is read: the users' memberOf, or the groups' member values */
export type MembershipSource =
  | 'GROUP_MEMBERS'
  | 'MEMBER_OF';

export type PlanIdentityAction =
  | 'CREATE'
  | 'DEACTIVATE'
  | 'REACTIVATE'
  | 'UPDATE';

export type PlanMembershipAction =
  | 'ADD'
  | 'REMOVE';

/** A query to try against a directory, as a config's Users or Groups tab would run it */
export type PreviewLdapQueryInput = {
  attributes?: Array<string>;
  baseDn: string;
  directoryId: string | number;
  filter?: string;
  limit?: number;
  scope?: SearchScope;
};

export type ProvisioningState =
  | 'FAILED'
  | 'NOT_NEEDED'
  | 'PENDING'
  | 'PROVISIONED'
  | 'SKIPPED';

/** FULL reads every entry (and sees deletions); INCREMENTAL reads the changes since the last run */
export type ReadMode =
  | 'FULL'
  | 'INCREMENTAL';

export type RoleRequestItemOperation =
  | 'ADD'
  | 'REMOVE';

export type RoleRequestItemState =
  | 'EXECUTED'
  | 'FAILED'
  | 'PENDING';

export type RoleRequestState =
  | 'CONCEPT'
  | 'EXECUTED'
  | 'FAILED';

export type RunLogLevel =
  | 'DEBUG'
  | 'ERROR'
  | 'INFO'
  | 'WARN';

export type SearchScope =
  | 'BASE'
  | 'ONE'
  | 'SUB';

export type SyncKind =
  | 'DIRECTORY_SYNC'
  | 'ROLE_SYNC';

export type SyncPhase =
  | 'APPLY'
  | 'AWAIT_APPROVAL'
  | 'CLEAN_UP'
  | 'COMMIT_ROLE_REQUESTS'
  | 'DONE'
  | 'PLAN'
  | 'PROVISION'
  | 'QUEUED'
  | 'READ_GROUPS'
  | 'READ_USERS'
  | 'RESOLVE_MEMBERS';

export type SyncRunStatus =
  | 'AWAITING_APPROVAL'
  | 'CANCELLED'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

/** NONE: plain LDAP; STARTTLS: upgrade ldap://; LDAPS: ldaps:// */
export type TlsMode =
  | 'LDAPS'
  | 'NONE'
  | 'STARTTLS';

/** Changes to a directory; omitted fields keep their value. bindPassword null removes it. */
export type UpdateDirectoryInput = {
  /** OpenLDAP's accesslog database (e.g. cn=accesslog), readable by the bind DN: incremental runs take the member values groups gained and lost from it instead of reading changed groups whole */
  accessLogBaseDn?: string | null | undefined;
  bindDn?: string | null | undefined;
  bindPassword?: string | null | undefined;
  caCertPem?: string | null | undefined;
  connectTimeoutMs?: number | null | undefined;
  kind?: DirectoryKind | null | undefined;
  maxConcurrentRuns?: number | null | undefined;
  maxConnections?: number | null | undefined;
  name?: string | null | undefined;
  operationTimeoutMs?: number | null | undefined;
  pageSize?: number | null | undefined;
  tlsMode?: TlsMode | null | undefined;
  urls?: Array<string> | null | undefined;
  verifyCertificate?: boolean | null | undefined;
};

/** Changes to a sync config; omitted fields keep their value. */
export type UpdateSyncConfigInput = {
  assignRolesToIdentities?: boolean | null | undefined;
  autoCreateUsers?: boolean | null | undefined;
  autoDeactivateUsers?: boolean | null | undefined;
  catalogueAttribute?: string | null | undefined;
  catalogueEnabled?: boolean | null | undefined;
  catalogueMainNode?: string | null | undefined;
  catalogueStrategy?: CatalogueStrategy | null | undefined;
  defaultAuthorizationType?: AuthorizationType | null | undefined;
  differentialSync?: boolean | null | undefined;
  directoryId?: string | number | null | undefined;
  emailAttribute?: string | null | undefined;
  expandNestedGroups?: boolean | null | undefined;
  externalIdAttribute?: string | null | undefined;
  forwardProvisioning?: boolean | null | undefined;
  fullSyncIntervalMinutes?: number | null | undefined;
  groupMemberAttribute?: GroupMemberAttribute | null | undefined;
  groupNameAttribute?: string | null | undefined;
  groupsBaseDn?: string | null | undefined;
  groupsFilter?: string | null | undefined;
  groupsScope?: SearchScope | null | undefined;
  incrementalReads?: boolean | null | undefined;
  loginAttribute?: string | null | undefined;
  memberAttribute?: string | null | undefined;
  memberDirectoryId?: string | number | null | undefined;
  membershipManagement?: boolean | null | undefined;
  membershipSource?: MembershipSource | null | undefined;
  name?: string | null | undefined;
  nameAttribute?: string | null | undefined;
  removeRolesNotInSystem?: boolean | null | undefined;
  roleDescriptionAttribute?: string | null | undefined;
  safetyThresholdPercent?: number | null | undefined;
  scheduleCron?: string | null | undefined;
  scheduleEnabled?: boolean | null | undefined;
  scheduleIntervalMinutes?: number | null | undefined;
  skipValueIfContractExcluded?: boolean | null | undefined;
  usersBaseDn?: string | null | undefined;
  usersFilter?: string | null | undefined;
  usersScope?: SearchScope | null | undefined;
};

export type TokenCheckQueryVariables = Exact<{ [key: string]: never; }>;


export type TokenCheckQuery = { __typename: 'Query', directories: Array<{ __typename: 'Directory', id: string }> };

export type DirectoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type DirectoriesQuery = { __typename: 'Query', directories: Array<{ __typename: 'Directory', id: string, name: string, kind: DirectoryKind, urls: Array<string>, tlsMode: TlsMode, bindDn: string | null, hasBindPassword: boolean }> };

export type CreateDirectoryMutationVariables = Exact<{
  input: CreateDirectoryInput;
}>;


export type CreateDirectoryMutation = { __typename: 'Mutation', createDirectory: { __typename: 'Directory', id: string } };

export type DirectoryQueryVariables = Exact<{
  id: string | number;
}>;


export type DirectoryQuery = { __typename: 'Query', directory: { __typename: 'Directory', id: string, name: string, kind: DirectoryKind, urls: Array<string>, tlsMode: TlsMode, caCertPem: string | null, verifyCertificate: boolean, bindDn: string | null, hasBindPassword: boolean, pageSize: number, connectTimeoutMs: number, operationTimeoutMs: number, updatedAt: string } };

export type UpdateDirectoryMutationVariables = Exact<{
  id: string | number;
  input: UpdateDirectoryInput;
}>;


export type UpdateDirectoryMutation = { __typename: 'Mutation', updateDirectory: { __typename: 'Directory', id: string, hasBindPassword: boolean, updatedAt: string } };

export type TestDirectoryConnectionMutationVariables = Exact<{
  id: string | number;
}>;


export type TestDirectoryConnectionMutation = { __typename: 'Mutation', testDirectoryConnection: { __typename: 'DirectoryConnectionTest', connectedUrl: string, serverType: string, vendorName: string | null, vendorVersion: string | null, namingContexts: Array<string>, supportsPaging: boolean } };

export type IdentitiesQueryVariables = Exact<{
  search?: string | null | undefined;
  active?: boolean | null | undefined;
  limit: number;
  offset: number;
}>;


export type IdentitiesQuery = { __typename: 'Query', identities: { __typename: 'IdentityPage', total: number, items: Array<{ __typename: 'Identity', id: string, login: string, displayName: string | null, email: string | null, active: boolean, authorizationType: AuthorizationType, appGroupIds: Array<string> }> } };

export type IdentityQueryVariables = Exact<{
  id: string | number;
}>;


export type IdentityQuery = { __typename: 'Query', identity: { __typename: 'Identity', id: string, login: string, displayName: string | null, email: string | null, dn: string | null, externalId: string | null, authorizationType: AuthorizationType, active: boolean, deactivationReason: string | null, deactivatedAt: string | null, appGroupIds: Array<string> }, identityRoles: Array<{ __typename: 'IdentityRole', id: string, roleId: string, contractId: string, origin: string }>, contracts: Array<{ __typename: 'Contract', id: string, position: string | null, primary: boolean, validFrom: string | null, validTill: string | null, excluded: boolean }>, appGroups: Array<{ __typename: 'AppGroup', id: string, name: string }>, roles: { __typename: 'RolePage', items: Array<{ __typename: 'Role', id: string, name: string, code: string }> } };

export type MappingEditorQueryVariables = Exact<{
  syncConfigId: string | number;
  search?: string | null | undefined;
  limit: number;
  offset: number;
}>;


export type MappingEditorQuery = { __typename: 'Query', ldapGroups: Array<{ __typename: 'LdapGroup', dn: string, dnNorm: string, name: string | null, memberCount: number, mappedAppGroupIds: Array<string> }>, appGroups: Array<{ __typename: 'AppGroup', id: string, name: string }>, roles: { __typename: 'RolePage', items: Array<{ __typename: 'Role', id: string, name: string, systemIdentifier: string | null }> } };

export type AddGroupMappingMutationVariables = Exact<{
  syncConfigId: string | number;
  ldapGroupDn: string;
  appGroupId: string | number;
}>;


export type AddGroupMappingMutation = { __typename: 'Mutation', addGroupMapping: Array<{ __typename: 'GroupMapping', ldapGroupDn: string, appGroupId: string }> };

export type RemoveGroupMappingMutationVariables = Exact<{
  syncConfigId: string | number;
  ldapGroupDn: string;
  appGroupId: string | number;
}>;


export type RemoveGroupMappingMutation = { __typename: 'Mutation', removeGroupMapping: Array<{ __typename: 'GroupMapping', ldapGroupDn: string, appGroupId: string }> };

export type CreateAppGroupMutationVariables = Exact<{
  input: AppGroupInput;
}>;


export type CreateAppGroupMutation = { __typename: 'Mutation', createAppGroup: { __typename: 'AppGroup', id: string, name: string } };

export type RoleRequestsQueryVariables = Exact<{
  identityId?: string | number | null | undefined;
  state?: RoleRequestState | null | undefined;
  resultCode?: string | null | undefined;
  limit: number;
  offset: number;
}>;


export type RoleRequestsQuery = { __typename: 'Query', roleRequests: { __typename: 'RoleRequestPage', total: number, items: Array<{ __typename: 'RoleRequest', id: string, identityId: string, state: RoleRequestState, resultCode: string, createdByRunId: string | null, createdAt: string, executedAt: string | null, items: Array<{ __typename: 'RoleRequestItem', id: string, roleId: string, operation: RoleRequestItemOperation, state: RoleRequestItemState, error: string | null, provisioningState: ProvisioningState, provisioningMessage: string | null }> }> }, roles: { __typename: 'RolePage', items: Array<{ __typename: 'Role', id: string, name: string }> } };

export type RolesQueryVariables = Exact<{
  search?: string | null | undefined;
  catalogueNodeId?: string | number | null | undefined;
  limit: number;
  offset: number;
}>;


export type RolesQuery = { __typename: 'Query', roles: { __typename: 'RolePage', total: number, items: Array<{ __typename: 'Role', id: string, name: string, code: string, description: string | null, systemIdentifier: string | null, forwardProvisioning: boolean, catalogueNodeIds: Array<string> }> }, roleCatalogue: Array<{ __typename: 'RoleCatalogueNode', id: string, name: string, code: string, parentId: string | null }> };

export type PlannedChangesQueryVariables = Exact<{
  runId: string | number;
  limit: number;
  identityOffset: number;
  membershipOffset: number;
  identityAction?: PlanIdentityAction | null | undefined;
  membershipAction?: PlanMembershipAction | null | undefined;
}>;


export type PlannedChangesQuery = { __typename: 'Query', plannedIdentityChanges: { __typename: 'PlannedIdentityChangePage', total: number, items: Array<{ __typename: 'PlannedIdentityChange', identityId: string, action: PlanIdentityAction, login: string, displayName: string | null, email: string | null, dn: string | null, reason: string | null }> }, plannedMembershipChanges: { __typename: 'PlannedMembershipChangePage', total: number, items: Array<{ __typename: 'PlannedMembershipChange', identityId: string, appGroupId: string, ldapGroupDnNorm: string, action: PlanMembershipAction }> }, appGroups: Array<{ __typename: 'AppGroup', id: string, name: string }> };

export type RunDetailsFragment = { __typename: 'SyncRun', id: string, syncConfigId: string, status: SyncRunStatus, phase: SyncPhase, trigger: string, dryRun: boolean, readMode: ReadMode, retryOfId: string | null, errorCode: string | null, errorMessage: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null, counters: { __typename: 'SyncRunCounters', usersRead: number, groupsRead: number, usersStaged: number, entriesUnchanged: number, memberOfValuesRead: number, groupMemberValuesRead: number, entriesSkipped: number, membershipEdges: number, identitiesToCreate: number, identitiesToUpdate: number, identitiesToDeactivate: number, identitiesToReactivate: number, membershipsToAdd: number, membershipsToRemove: number, identitiesCreated: number, identitiesUpdated: number, identitiesDeactivated: number, identitiesReactivated: number, membershipsAdded: number, membershipsRemoved: number, rolesCreated: number, rolesUpdated: number, memberValues: number, lookupsMade: number, cacheHits: number, membersUnresolved: number, roleRequestsCreated: number, roleRequestsExecuted: number, rolesAdded: number, rolesRemoved: number } };

export type SyncRunsQueryVariables = Exact<{
  syncConfigId?: string | number | null | undefined;
  jobType?: SyncKind | null | undefined;
  status?: SyncRunStatus | null | undefined;
  createdFrom?: string | null | undefined;
  createdBefore?: string | null | undefined;
  limit: number;
  offset: number;
}>;


export type SyncRunsQuery = { __typename: 'Query', syncRuns: Array<{ __typename: 'SyncRun', id: string, syncConfigId: string, status: SyncRunStatus, phase: SyncPhase, trigger: string, dryRun: boolean, errorCode: string | null, createdAt: string, finishedAt: string | null, counters: { __typename: 'SyncRunCounters', usersRead: number, groupsRead: number } }>, syncConfigs: Array<{ __typename: 'SyncConfig', id: string, name: string }> };

export type SyncRunUpdatesSubscriptionVariables = Exact<{
  syncConfigId?: string | number | null | undefined;
}>;


export type SyncRunUpdatesSubscription = { __typename: 'Subscription', syncRunUpdates: { __typename: 'SyncRun', id: string, status: SyncRunStatus, phase: SyncPhase } };

export type SyncRunLogQueryVariables = Exact<{
  runId: string | number;
  limit: number;
  offset: number;
  levels?: Array<RunLogLevel> | RunLogLevel | null | undefined;
  search?: string | null | undefined;
}>;


export type SyncRunLogQuery = { __typename: 'Query', syncRunLog: { __typename: 'RunLogPage', total: number, items: Array<{ __typename: 'RunLogEntry', id: string, at: string, level: RunLogLevel, phase: SyncPhase, message: string, dn: string | null }> } };

export type SyncRunQueryVariables = Exact<{
  id: string | number;
}>;


export type SyncRunQuery = { __typename: 'Query', syncRun: { __typename: 'SyncRun', id: string, syncConfigId: string, status: SyncRunStatus, phase: SyncPhase, trigger: string, dryRun: boolean, readMode: ReadMode, retryOfId: string | null, errorCode: string | null, errorMessage: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null, counters: { __typename: 'SyncRunCounters', usersRead: number, groupsRead: number, usersStaged: number, entriesUnchanged: number, memberOfValuesRead: number, groupMemberValuesRead: number, entriesSkipped: number, membershipEdges: number, identitiesToCreate: number, identitiesToUpdate: number, identitiesToDeactivate: number, identitiesToReactivate: number, membershipsToAdd: number, membershipsToRemove: number, identitiesCreated: number, identitiesUpdated: number, identitiesDeactivated: number, identitiesReactivated: number, membershipsAdded: number, membershipsRemoved: number, rolesCreated: number, rolesUpdated: number, memberValues: number, lookupsMade: number, cacheHits: number, membersUnresolved: number, roleRequestsCreated: number, roleRequestsExecuted: number, rolesAdded: number, rolesRemoved: number } } };

export type SyncRunProgressSubscriptionVariables = Exact<{
  runId: string | number;
}>;


export type SyncRunProgressSubscription = { __typename: 'Subscription', syncRunProgress: { __typename: 'SyncRunProgress', ratePerSecond: number, etaSeconds: number | null, run: { __typename: 'SyncRun', id: string, syncConfigId: string, status: SyncRunStatus, phase: SyncPhase, trigger: string, dryRun: boolean, readMode: ReadMode, retryOfId: string | null, errorCode: string | null, errorMessage: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null, counters: { __typename: 'SyncRunCounters', usersRead: number, groupsRead: number, usersStaged: number, entriesUnchanged: number, memberOfValuesRead: number, groupMemberValuesRead: number, entriesSkipped: number, membershipEdges: number, identitiesToCreate: number, identitiesToUpdate: number, identitiesToDeactivate: number, identitiesToReactivate: number, membershipsToAdd: number, membershipsToRemove: number, identitiesCreated: number, identitiesUpdated: number, identitiesDeactivated: number, identitiesReactivated: number, membershipsAdded: number, membershipsRemoved: number, rolesCreated: number, rolesUpdated: number, memberValues: number, lookupsMade: number, cacheHits: number, membersUnresolved: number, roleRequestsCreated: number, roleRequestsExecuted: number, rolesAdded: number, rolesRemoved: number } } } };

export type SyncConfigNameQueryVariables = Exact<{
  id: string | number;
}>;


export type SyncConfigNameQuery = { __typename: 'Query', syncConfig: { __typename: 'SyncConfig', id: string, name: string } };

export type CancelSyncRunMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelSyncRunMutation = { __typename: 'Mutation', cancelSyncRun: { __typename: 'SyncRun', id: string, syncConfigId: string, status: SyncRunStatus, phase: SyncPhase, trigger: string, dryRun: boolean, readMode: ReadMode, retryOfId: string | null, errorCode: string | null, errorMessage: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null, counters: { __typename: 'SyncRunCounters', usersRead: number, groupsRead: number, usersStaged: number, entriesUnchanged: number, memberOfValuesRead: number, groupMemberValuesRead: number, entriesSkipped: number, membershipEdges: number, identitiesToCreate: number, identitiesToUpdate: number, identitiesToDeactivate: number, identitiesToReactivate: number, membershipsToAdd: number, membershipsToRemove: number, identitiesCreated: number, identitiesUpdated: number, identitiesDeactivated: number, identitiesReactivated: number, membershipsAdded: number, membershipsRemoved: number, rolesCreated: number, rolesUpdated: number, memberValues: number, lookupsMade: number, cacheHits: number, membersUnresolved: number, roleRequestsCreated: number, roleRequestsExecuted: number, rolesAdded: number, rolesRemoved: number } } };

export type ApproveSyncRunMutationVariables = Exact<{
  id: string | number;
}>;


export type ApproveSyncRunMutation = { __typename: 'Mutation', approveSyncRun: { __typename: 'SyncRun', id: string, syncConfigId: string, status: SyncRunStatus, phase: SyncPhase, trigger: string, dryRun: boolean, readMode: ReadMode, retryOfId: string | null, errorCode: string | null, errorMessage: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null, counters: { __typename: 'SyncRunCounters', usersRead: number, groupsRead: number, usersStaged: number, entriesUnchanged: number, memberOfValuesRead: number, groupMemberValuesRead: number, entriesSkipped: number, membershipEdges: number, identitiesToCreate: number, identitiesToUpdate: number, identitiesToDeactivate: number, identitiesToReactivate: number, membershipsToAdd: number, membershipsToRemove: number, identitiesCreated: number, identitiesUpdated: number, identitiesDeactivated: number, identitiesReactivated: number, membershipsAdded: number, membershipsRemoved: number, rolesCreated: number, rolesUpdated: number, memberValues: number, lookupsMade: number, cacheHits: number, membersUnresolved: number, roleRequestsCreated: number, roleRequestsExecuted: number, rolesAdded: number, rolesRemoved: number } } };

export type RetrySyncRunMutationVariables = Exact<{
  id: string | number;
}>;


export type RetrySyncRunMutation = { __typename: 'Mutation', retrySyncRun: { __typename: 'SyncRun', id: string } };

export type StartSyncMutationVariables = Exact<{
  syncConfigId: string | number;
  dryRun: boolean;
}>;


export type StartSyncMutation = { __typename: 'Mutation', startSync: { __typename: 'SyncRun', id: string, status: SyncRunStatus } };

export type PreviewLdapQueryQueryVariables = Exact<{
  input: PreviewLdapQueryInput;
}>;


export type PreviewLdapQueryQuery = { __typename: 'Query', previewLdapQuery: Array<{ __typename: 'LdapEntry', dn: string, attributes: Array<{ __typename: 'LdapAttribute', name: string, values: Array<string> }> }> };

export type SyncConfigSettingsFragment = { __typename: 'SyncConfig', name: string, kind: SyncKind, directoryId: string, usersBaseDn: string, usersScope: SearchScope, usersFilter: string, loginAttribute: string, nameAttribute: string | null, emailAttribute: string | null, externalIdAttribute: string | null, groupsBaseDn: string, groupsScope: SearchScope, groupsFilter: string, groupNameAttribute: string, groupMemberAttribute: GroupMemberAttribute, membershipSource: MembershipSource, autoCreateUsers: boolean, autoDeactivateUsers: boolean, defaultAuthorizationType: AuthorizationType, expandNestedGroups: boolean, safetyThresholdPercent: number, scheduleEnabled: boolean, scheduleIntervalMinutes: number | null, scheduleCron: string | null, differentialSync: boolean, roleDescriptionAttribute: string | null, membershipManagement: boolean, memberDirectoryId: string | null, memberAttribute: string | null, assignRolesToIdentities: boolean, removeRolesNotInSystem: boolean, catalogueEnabled: boolean, catalogueAttribute: string | null, catalogueMainNode: string | null, catalogueStrategy: CatalogueStrategy, forwardProvisioning: boolean, skipValueIfContractExcluded: boolean };

export type SyncConfigQueryVariables = Exact<{
  id: string | number;
}>;


export type SyncConfigQuery = { __typename: 'Query', syncConfig: { __typename: 'SyncConfig', id: string, effectiveDifferentialSync: boolean, differentialSyncNote: string | null, updatedAt: string, name: string, kind: SyncKind, directoryId: string, usersBaseDn: string, usersScope: SearchScope, usersFilter: string, loginAttribute: string, nameAttribute: string | null, emailAttribute: string | null, externalIdAttribute: string | null, groupsBaseDn: string, groupsScope: SearchScope, groupsFilter: string, groupNameAttribute: string, groupMemberAttribute: GroupMemberAttribute, membershipSource: MembershipSource, autoCreateUsers: boolean, autoDeactivateUsers: boolean, defaultAuthorizationType: AuthorizationType, expandNestedGroups: boolean, safetyThresholdPercent: number, scheduleEnabled: boolean, scheduleIntervalMinutes: number | null, scheduleCron: string | null, differentialSync: boolean, roleDescriptionAttribute: string | null, membershipManagement: boolean, memberDirectoryId: string | null, memberAttribute: string | null, assignRolesToIdentities: boolean, removeRolesNotInSystem: boolean, catalogueEnabled: boolean, catalogueAttribute: string | null, catalogueMainNode: string | null, catalogueStrategy: CatalogueStrategy, forwardProvisioning: boolean, skipValueIfContractExcluded: boolean } };

export type DirectoryNamesQueryVariables = Exact<{ [key: string]: never; }>;


export type DirectoryNamesQuery = { __typename: 'Query', directories: Array<{ __typename: 'Directory', id: string, name: string }> };

export type CreateSyncConfigMutationVariables = Exact<{
  input: CreateSyncConfigInput;
}>;


export type CreateSyncConfigMutation = { __typename: 'Mutation', createSyncConfig: { __typename: 'SyncConfig', id: string } };

export type UpdateSyncConfigMutationVariables = Exact<{
  id: string | number;
  input: UpdateSyncConfigInput;
}>;


export type UpdateSyncConfigMutation = { __typename: 'Mutation', updateSyncConfig: { __typename: 'SyncConfig', id: string, effectiveDifferentialSync: boolean, differentialSyncNote: string | null, updatedAt: string, name: string, kind: SyncKind, directoryId: string, usersBaseDn: string, usersScope: SearchScope, usersFilter: string, loginAttribute: string, nameAttribute: string | null, emailAttribute: string | null, externalIdAttribute: string | null, groupsBaseDn: string, groupsScope: SearchScope, groupsFilter: string, groupNameAttribute: string, groupMemberAttribute: GroupMemberAttribute, membershipSource: MembershipSource, autoCreateUsers: boolean, autoDeactivateUsers: boolean, defaultAuthorizationType: AuthorizationType, expandNestedGroups: boolean, safetyThresholdPercent: number, scheduleEnabled: boolean, scheduleIntervalMinutes: number | null, scheduleCron: string | null, differentialSync: boolean, roleDescriptionAttribute: string | null, membershipManagement: boolean, memberDirectoryId: string | null, memberAttribute: string | null, assignRolesToIdentities: boolean, removeRolesNotInSystem: boolean, catalogueEnabled: boolean, catalogueAttribute: string | null, catalogueMainNode: string | null, catalogueStrategy: CatalogueStrategy, forwardProvisioning: boolean, skipValueIfContractExcluded: boolean } };

export type SyncConfigsQueryVariables = Exact<{ [key: string]: never; }>;


export type SyncConfigsQuery = { __typename: 'Query', syncConfigs: Array<{ __typename: 'SyncConfig', id: string, name: string, kind: SyncKind, directoryId: string, scheduleEnabled: boolean, scheduleIntervalMinutes: number | null, scheduleCron: string | null }>, directories: Array<{ __typename: 'Directory', id: string, name: string }> };

export const RunDetailsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RunDetails"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"syncConfigId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"readMode"}},{"kind":"Field","name":{"kind":"Name","value":"retryOfId"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"counters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usersRead"}},{"kind":"Field","name":{"kind":"Name","value":"groupsRead"}},{"kind":"Field","name":{"kind":"Name","value":"usersStaged"}},{"kind":"Field","name":{"kind":"Name","value":"entriesUnchanged"}},{"kind":"Field","name":{"kind":"Name","value":"memberOfValuesRead"}},{"kind":"Field","name":{"kind":"Name","value":"groupMemberValuesRead"}},{"kind":"Field","name":{"kind":"Name","value":"entriesSkipped"}},{"kind":"Field","name":{"kind":"Name","value":"membershipEdges"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesToCreate"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesToUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesToDeactivate"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesToReactivate"}},{"kind":"Field","name":{"kind":"Name","value":"membershipsToAdd"}},{"kind":"Field","name":{"kind":"Name","value":"membershipsToRemove"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesCreated"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesDeactivated"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesReactivated"}},{"kind":"Field","name":{"kind":"Name","value":"membershipsAdded"}},{"kind":"Field","name":{"kind":"Name","value":"membershipsRemoved"}},{"kind":"Field","name":{"kind":"Name","value":"rolesCreated"}},{"kind":"Field","name":{"kind":"Name","value":"rolesUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"memberValues"}},{"kind":"Field","name":{"kind":"Name","value":"lookupsMade"}},{"kind":"Field","name":{"kind":"Name","value":"cacheHits"}},{"kind":"Field","name":{"kind":"Name","value":"membersUnresolved"}},{"kind":"Field","name":{"kind":"Name","value":"roleRequestsCreated"}},{"kind":"Field","name":{"kind":"Name","value":"roleRequestsExecuted"}},{"kind":"Field","name":{"kind":"Name","value":"rolesAdded"}},{"kind":"Field","name":{"kind":"Name","value":"rolesRemoved"}}]}}]}}]} as unknown as DocumentNode<RunDetailsFragment, unknown>;
export const SyncConfigSettingsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncConfigSettings"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncConfig"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"directoryId"}},{"kind":"Field","name":{"kind":"Name","value":"usersBaseDn"}},{"kind":"Field","name":{"kind":"Name","value":"usersScope"}},{"kind":"Field","name":{"kind":"Name","value":"usersFilter"}},{"kind":"Field","name":{"kind":"Name","value":"loginAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"nameAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"emailAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"externalIdAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"groupsBaseDn"}},{"kind":"Field","name":{"kind":"Name","value":"groupsScope"}},{"kind":"Field","name":{"kind":"Name","value":"groupsFilter"}},{"kind":"Field","name":{"kind":"Name","value":"groupNameAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"groupMemberAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"membershipSource"}},{"kind":"Field","name":{"kind":"Name","value":"autoCreateUsers"}},{"kind":"Field","name":{"kind":"Name","value":"autoDeactivateUsers"}},{"kind":"Field","name":{"kind":"Name","value":"defaultAuthorizationType"}},{"kind":"Field","name":{"kind":"Name","value":"expandNestedGroups"}},{"kind":"Field","name":{"kind":"Name","value":"safetyThresholdPercent"}},{"kind":"Field","name":{"kind":"Name","value":"scheduleEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"scheduleIntervalMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"scheduleCron"}},{"kind":"Field","name":{"kind":"Name","value":"differentialSync"}},{"kind":"Field","name":{"kind":"Name","value":"roleDescriptionAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"membershipManagement"}},{"kind":"Field","name":{"kind":"Name","value":"memberDirectoryId"}},{"kind":"Field","name":{"kind":"Name","value":"memberAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"assignRolesToIdentities"}},{"kind":"Field","name":{"kind":"Name","value":"removeRolesNotInSystem"}},{"kind":"Field","name":{"kind":"Name","value":"catalogueEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"catalogueAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"catalogueMainNode"}},{"kind":"Field","name":{"kind":"Name","value":"catalogueStrategy"}},{"kind":"Field","name":{"kind":"Name","value":"forwardProvisioning"}},{"kind":"Field","name":{"kind":"Name","value":"skipValueIfContractExcluded"}}]}}]} as unknown as DocumentNode<SyncConfigSettingsFragment, unknown>;
export const TokenCheckDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TokenCheck"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"directories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<TokenCheckQuery, TokenCheckQueryVariables>;
export const DirectoriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Directories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"directories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"urls"}},{"kind":"Field","name":{"kind":"Name","value":"tlsMode"}},{"kind":"Field","name":{"kind":"Name","value":"bindDn"}},{"kind":"Field","name":{"kind":"Name","value":"hasBindPassword"}}]}}]}}]} as unknown as DocumentNode<DirectoriesQuery, DirectoriesQueryVariables>;
export const CreateDirectoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateDirectory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateDirectoryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createDirectory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateDirectoryMutation, CreateDirectoryMutationVariables>;
export const DirectoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Directory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"directory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"urls"}},{"kind":"Field","name":{"kind":"Name","value":"tlsMode"}},{"kind":"Field","name":{"kind":"Name","value":"caCertPem"}},{"kind":"Field","name":{"kind":"Name","value":"verifyCertificate"}},{"kind":"Field","name":{"kind":"Name","value":"bindDn"}},{"kind":"Field","name":{"kind":"Name","value":"hasBindPassword"}},{"kind":"Field","name":{"kind":"Name","value":"pageSize"}},{"kind":"Field","name":{"kind":"Name","value":"connectTimeoutMs"}},{"kind":"Field","name":{"kind":"Name","value":"operationTimeoutMs"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<DirectoryQuery, DirectoryQueryVariables>;
export const UpdateDirectoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateDirectory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateDirectoryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateDirectory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hasBindPassword"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<UpdateDirectoryMutation, UpdateDirectoryMutationVariables>;
export const TestDirectoryConnectionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestDirectoryConnection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testDirectoryConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectedUrl"}},{"kind":"Field","name":{"kind":"Name","value":"serverType"}},{"kind":"Field","name":{"kind":"Name","value":"vendorName"}},{"kind":"Field","name":{"kind":"Name","value":"vendorVersion"}},{"kind":"Field","name":{"kind":"Name","value":"namingContexts"}},{"kind":"Field","name":{"kind":"Name","value":"supportsPaging"}}]}}]}}]} as unknown as DocumentNode<TestDirectoryConnectionMutation, TestDirectoryConnectionMutationVariables>;
export const IdentitiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Identities"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"active"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"identities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"active"},"value":{"kind":"Variable","name":{"kind":"Name","value":"active"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"login"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"authorizationType"}},{"kind":"Field","name":{"kind":"Name","value":"appGroupIds"}}]}}]}}]}}]} as unknown as DocumentNode<IdentitiesQuery, IdentitiesQueryVariables>;
export const IdentityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Identity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"identity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"login"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"dn"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"authorizationType"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"deactivationReason"}},{"kind":"Field","name":{"kind":"Name","value":"deactivatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"appGroupIds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"identityRoles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"identityId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"roleId"}},{"kind":"Field","name":{"kind":"Name","value":"contractId"}},{"kind":"Field","name":{"kind":"Name","value":"origin"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contracts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"identityId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"primary"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTill"}},{"kind":"Field","name":{"kind":"Name","value":"excluded"}}]}},{"kind":"Field","name":{"kind":"Name","value":"appGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"500"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<IdentityQuery, IdentityQueryVariables>;
export const MappingEditorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MappingEditor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"syncConfigId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ldapGroups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"syncConfigId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"syncConfigId"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dn"}},{"kind":"Field","name":{"kind":"Name","value":"dnNorm"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"mappedAppGroupIds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"appGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"syncConfigId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"syncConfigId"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"500"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"systemIdentifier"}}]}}]}}]}}]} as unknown as DocumentNode<MappingEditorQuery, MappingEditorQueryVariables>;
export const AddGroupMappingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddGroupMapping"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"syncConfigId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ldapGroupDn"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appGroupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addGroupMapping"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"syncConfigId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"syncConfigId"}}},{"kind":"Argument","name":{"kind":"Name","value":"ldapGroupDn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ldapGroupDn"}}},{"kind":"Argument","name":{"kind":"Name","value":"appGroupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appGroupId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ldapGroupDn"}},{"kind":"Field","name":{"kind":"Name","value":"appGroupId"}}]}}]}}]} as unknown as DocumentNode<AddGroupMappingMutation, AddGroupMappingMutationVariables>;
export const RemoveGroupMappingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveGroupMapping"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"syncConfigId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ldapGroupDn"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appGroupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeGroupMapping"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"syncConfigId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"syncConfigId"}}},{"kind":"Argument","name":{"kind":"Name","value":"ldapGroupDn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ldapGroupDn"}}},{"kind":"Argument","name":{"kind":"Name","value":"appGroupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appGroupId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ldapGroupDn"}},{"kind":"Field","name":{"kind":"Name","value":"appGroupId"}}]}}]}}]} as unknown as DocumentNode<RemoveGroupMappingMutation, RemoveGroupMappingMutationVariables>;
export const CreateAppGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateAppGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AppGroupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAppGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CreateAppGroupMutation, CreateAppGroupMutationVariables>;
export const RoleRequestsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RoleRequests"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"identityId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"state"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RoleRequestState"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"resultCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roleRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"identityId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"identityId"}}},{"kind":"Argument","name":{"kind":"Name","value":"state"},"value":{"kind":"Variable","name":{"kind":"Name","value":"state"}}},{"kind":"Argument","name":{"kind":"Name","value":"resultCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"resultCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"identityId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"resultCode"}},{"kind":"Field","name":{"kind":"Name","value":"createdByRunId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"executedAt"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"roleId"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"provisioningState"}},{"kind":"Field","name":{"kind":"Name","value":"provisioningMessage"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"500"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<RoleRequestsQuery, RoleRequestsQueryVariables>;
export const RolesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Roles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"catalogueNodeId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"catalogueNodeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"catalogueNodeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"systemIdentifier"}},{"kind":"Field","name":{"kind":"Name","value":"forwardProvisioning"}},{"kind":"Field","name":{"kind":"Name","value":"catalogueNodeIds"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"roleCatalogue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"parentId"}}]}}]}}]} as unknown as DocumentNode<RolesQuery, RolesQueryVariables>;
export const PlannedChangesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlannedChanges"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"identityOffset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"membershipOffset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"identityAction"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PlanIdentityAction"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"membershipAction"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PlanMembershipAction"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"plannedIdentityChanges"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"runId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runId"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"identityOffset"}}},{"kind":"Argument","name":{"kind":"Name","value":"action"},"value":{"kind":"Variable","name":{"kind":"Name","value":"identityAction"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"identityId"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"login"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"dn"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"plannedMembershipChanges"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"runId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runId"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"membershipOffset"}}},{"kind":"Argument","name":{"kind":"Name","value":"action"},"value":{"kind":"Variable","name":{"kind":"Name","value":"membershipAction"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"identityId"}},{"kind":"Field","name":{"kind":"Name","value":"appGroupId"}},{"kind":"Field","name":{"kind":"Name","value":"ldapGroupDnNorm"}},{"kind":"Field","name":{"kind":"Name","value":"action"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"appGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<PlannedChangesQuery, PlannedChangesQueryVariables>;
export const SyncRunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SyncRuns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"syncConfigId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobType"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SyncKind"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRunStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"createdFrom"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"createdBefore"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"syncConfigId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"syncConfigId"}}},{"kind":"Argument","name":{"kind":"Name","value":"jobType"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobType"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"createdFrom"},"value":{"kind":"Variable","name":{"kind":"Name","value":"createdFrom"}}},{"kind":"Argument","name":{"kind":"Name","value":"createdBefore"},"value":{"kind":"Variable","name":{"kind":"Name","value":"createdBefore"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"syncConfigId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"counters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usersRead"}},{"kind":"Field","name":{"kind":"Name","value":"groupsRead"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"syncConfigs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<SyncRunsQuery, SyncRunsQueryVariables>;
export const SyncRunUpdatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SyncRunUpdates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"syncConfigId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncRunUpdates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"syncConfigId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"syncConfigId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}}]}}]}}]} as unknown as DocumentNode<SyncRunUpdatesSubscription, SyncRunUpdatesSubscriptionVariables>;
export const SyncRunLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SyncRunLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"levels"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RunLogLevel"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncRunLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"runId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runId"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}},{"kind":"Argument","name":{"kind":"Name","value":"levels"},"value":{"kind":"Variable","name":{"kind":"Name","value":"levels"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"dn"}}]}}]}}]}}]} as unknown as DocumentNode<SyncRunLogQuery, SyncRunLogQueryVariables>;
export const SyncRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SyncRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RunDetails"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RunDetails"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"syncConfigId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"readMode"}},{"kind":"Field","name":{"kind":"Name","value":"retryOfId"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"counters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usersRead"}},{"kind":"Field","name":{"kind":"Name","value":"groupsRead"}},{"kind":"Field","name":{"kind":"Name","value":"usersStaged"}},{"kind":"Field","name":{"kind":"Name","value":"entriesUnchanged"}},{"kind":"Field","name":{"kind":"Name","value":"memberOfValuesRead"}},{"kind":"Field","name":{"kind":"Name","value":"groupMemberValuesRead"}},{"kind":"Field","name":{"kind":"Name","value":"entriesSkipped"}},{"kind":"Field","name":{"kind":"Name","value":"membershipEdges"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesToCreate"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesToUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesToDeactivate"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesToReactivate"}},{"kind":"Field","name":{"kind":"Name","value":"membershipsToAdd"}},{"kind":"Field","name":{"kind":"Name","value":"membershipsToRemove"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesCreated"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesDeactivated"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesReactivated"}},{"kind":"Field","name":{"kind":"Name","value":"membershipsAdded"}},{"kind":"Field","name":{"kind":"Name","value":"membershipsRemoved"}},{"kind":"Field","name":{"kind":"Name","value":"rolesCreated"}},{"kind":"Field","name":{"kind":"Name","value":"rolesUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"memberValues"}},{"kind":"Field","name":{"kind":"Name","value":"lookupsMade"}},{"kind":"Field","name":{"kind":"Name","value":"cacheHits"}},{"kind":"Field","name":{"kind":"Name","value":"membersUnresolved"}},{"kind":"Field","name":{"kind":"Name","value":"roleRequestsCreated"}},{"kind":"Field","name":{"kind":"Name","value":"roleRequestsExecuted"}},{"kind":"Field","name":{"kind":"Name","value":"rolesAdded"}},{"kind":"Field","name":{"kind":"Name","value":"rolesRemoved"}}]}}]}}]} as unknown as DocumentNode<SyncRunQuery, SyncRunQueryVariables>;
export const SyncRunProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SyncRunProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncRunProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"runId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"run"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RunDetails"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ratePerSecond"}},{"kind":"Field","name":{"kind":"Name","value":"etaSeconds"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RunDetails"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"syncConfigId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"readMode"}},{"kind":"Field","name":{"kind":"Name","value":"retryOfId"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"counters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usersRead"}},{"kind":"Field","name":{"kind":"Name","value":"groupsRead"}},{"kind":"Field","name":{"kind":"Name","value":"usersStaged"}},{"kind":"Field","name":{"kind":"Name","value":"entriesUnchanged"}},{"kind":"Field","name":{"kind":"Name","value":"memberOfValuesRead"}},{"kind":"Field","name":{"kind":"Name","value":"groupMemberValuesRead"}},{"kind":"Field","name":{"kind":"Name","value":"entriesSkipped"}},{"kind":"Field","name":{"kind":"Name","value":"membershipEdges"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesToCreate"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesToUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesToDeactivate"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesToReactivate"}},{"kind":"Field","name":{"kind":"Name","value":"membershipsToAdd"}},{"kind":"Field","name":{"kind":"Name","value":"membershipsToRemove"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesCreated"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesDeactivated"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesReactivated"}},{"kind":"Field","name":{"kind":"Name","value":"membershipsAdded"}},{"kind":"Field","name":{"kind":"Name","value":"membershipsRemoved"}},{"kind":"Field","name":{"kind":"Name","value":"rolesCreated"}},{"kind":"Field","name":{"kind":"Name","value":"rolesUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"memberValues"}},{"kind":"Field","name":{"kind":"Name","value":"lookupsMade"}},{"kind":"Field","name":{"kind":"Name","value":"cacheHits"}},{"kind":"Field","name":{"kind":"Name","value":"membersUnresolved"}},{"kind":"Field","name":{"kind":"Name","value":"roleRequestsCreated"}},{"kind":"Field","name":{"kind":"Name","value":"roleRequestsExecuted"}},{"kind":"Field","name":{"kind":"Name","value":"rolesAdded"}},{"kind":"Field","name":{"kind":"Name","value":"rolesRemoved"}}]}}]}}]} as unknown as DocumentNode<SyncRunProgressSubscription, SyncRunProgressSubscriptionVariables>;
export const SyncConfigNameDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SyncConfigName"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncConfig"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<SyncConfigNameQuery, SyncConfigNameQueryVariables>;
export const CancelSyncRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelSyncRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelSyncRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RunDetails"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RunDetails"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"syncConfigId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"readMode"}},{"kind":"Field","name":{"kind":"Name","value":"retryOfId"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"counters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usersRead"}},{"kind":"Field","name":{"kind":"Name","value":"groupsRead"}},{"kind":"Field","name":{"kind":"Name","value":"usersStaged"}},{"kind":"Field","name":{"kind":"Name","value":"entriesUnchanged"}},{"kind":"Field","name":{"kind":"Name","value":"memberOfValuesRead"}},{"kind":"Field","name":{"kind":"Name","value":"groupMemberValuesRead"}},{"kind":"Field","name":{"kind":"Name","value":"entriesSkipped"}},{"kind":"Field","name":{"kind":"Name","value":"membershipEdges"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesToCreate"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesToUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesToDeactivate"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesToReactivate"}},{"kind":"Field","name":{"kind":"Name","value":"membershipsToAdd"}},{"kind":"Field","name":{"kind":"Name","value":"membershipsToRemove"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesCreated"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesDeactivated"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesReactivated"}},{"kind":"Field","name":{"kind":"Name","value":"membershipsAdded"}},{"kind":"Field","name":{"kind":"Name","value":"membershipsRemoved"}},{"kind":"Field","name":{"kind":"Name","value":"rolesCreated"}},{"kind":"Field","name":{"kind":"Name","value":"rolesUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"memberValues"}},{"kind":"Field","name":{"kind":"Name","value":"lookupsMade"}},{"kind":"Field","name":{"kind":"Name","value":"cacheHits"}},{"kind":"Field","name":{"kind":"Name","value":"membersUnresolved"}},{"kind":"Field","name":{"kind":"Name","value":"roleRequestsCreated"}},{"kind":"Field","name":{"kind":"Name","value":"roleRequestsExecuted"}},{"kind":"Field","name":{"kind":"Name","value":"rolesAdded"}},{"kind":"Field","name":{"kind":"Name","value":"rolesRemoved"}}]}}]}}]} as unknown as DocumentNode<CancelSyncRunMutation, CancelSyncRunMutationVariables>;
export const ApproveSyncRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveSyncRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveSyncRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RunDetails"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RunDetails"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"syncConfigId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"readMode"}},{"kind":"Field","name":{"kind":"Name","value":"retryOfId"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"counters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usersRead"}},{"kind":"Field","name":{"kind":"Name","value":"groupsRead"}},{"kind":"Field","name":{"kind":"Name","value":"usersStaged"}},{"kind":"Field","name":{"kind":"Name","value":"entriesUnchanged"}},{"kind":"Field","name":{"kind":"Name","value":"memberOfValuesRead"}},{"kind":"Field","name":{"kind":"Name","value":"groupMemberValuesRead"}},{"kind":"Field","name":{"kind":"Name","value":"entriesSkipped"}},{"kind":"Field","name":{"kind":"Name","value":"membershipEdges"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesToCreate"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesToUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesToDeactivate"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesToReactivate"}},{"kind":"Field","name":{"kind":"Name","value":"membershipsToAdd"}},{"kind":"Field","name":{"kind":"Name","value":"membershipsToRemove"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesCreated"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesDeactivated"}},{"kind":"Field","name":{"kind":"Name","value":"identitiesReactivated"}},{"kind":"Field","name":{"kind":"Name","value":"membershipsAdded"}},{"kind":"Field","name":{"kind":"Name","value":"membershipsRemoved"}},{"kind":"Field","name":{"kind":"Name","value":"rolesCreated"}},{"kind":"Field","name":{"kind":"Name","value":"rolesUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"memberValues"}},{"kind":"Field","name":{"kind":"Name","value":"lookupsMade"}},{"kind":"Field","name":{"kind":"Name","value":"cacheHits"}},{"kind":"Field","name":{"kind":"Name","value":"membersUnresolved"}},{"kind":"Field","name":{"kind":"Name","value":"roleRequestsCreated"}},{"kind":"Field","name":{"kind":"Name","value":"roleRequestsExecuted"}},{"kind":"Field","name":{"kind":"Name","value":"rolesAdded"}},{"kind":"Field","name":{"kind":"Name","value":"rolesRemoved"}}]}}]}}]} as unknown as DocumentNode<ApproveSyncRunMutation, ApproveSyncRunMutationVariables>;
export const RetrySyncRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RetrySyncRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retrySyncRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RetrySyncRunMutation, RetrySyncRunMutationVariables>;
export const StartSyncDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartSync"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"syncConfigId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startSync"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"syncConfigId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"syncConfigId"}}},{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<StartSyncMutation, StartSyncMutationVariables>;
export const PreviewLdapQueryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PreviewLdapQuery"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PreviewLdapQueryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"previewLdapQuery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dn"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"values"}}]}}]}}]}}]} as unknown as DocumentNode<PreviewLdapQueryQuery, PreviewLdapQueryQueryVariables>;
export const SyncConfigDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SyncConfig"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncConfig"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncConfigSettings"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveDifferentialSync"}},{"kind":"Field","name":{"kind":"Name","value":"differentialSyncNote"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncConfigSettings"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncConfig"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"directoryId"}},{"kind":"Field","name":{"kind":"Name","value":"usersBaseDn"}},{"kind":"Field","name":{"kind":"Name","value":"usersScope"}},{"kind":"Field","name":{"kind":"Name","value":"usersFilter"}},{"kind":"Field","name":{"kind":"Name","value":"loginAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"nameAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"emailAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"externalIdAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"groupsBaseDn"}},{"kind":"Field","name":{"kind":"Name","value":"groupsScope"}},{"kind":"Field","name":{"kind":"Name","value":"groupsFilter"}},{"kind":"Field","name":{"kind":"Name","value":"groupNameAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"groupMemberAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"membershipSource"}},{"kind":"Field","name":{"kind":"Name","value":"autoCreateUsers"}},{"kind":"Field","name":{"kind":"Name","value":"autoDeactivateUsers"}},{"kind":"Field","name":{"kind":"Name","value":"defaultAuthorizationType"}},{"kind":"Field","name":{"kind":"Name","value":"expandNestedGroups"}},{"kind":"Field","name":{"kind":"Name","value":"safetyThresholdPercent"}},{"kind":"Field","name":{"kind":"Name","value":"scheduleEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"scheduleIntervalMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"scheduleCron"}},{"kind":"Field","name":{"kind":"Name","value":"differentialSync"}},{"kind":"Field","name":{"kind":"Name","value":"roleDescriptionAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"membershipManagement"}},{"kind":"Field","name":{"kind":"Name","value":"memberDirectoryId"}},{"kind":"Field","name":{"kind":"Name","value":"memberAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"assignRolesToIdentities"}},{"kind":"Field","name":{"kind":"Name","value":"removeRolesNotInSystem"}},{"kind":"Field","name":{"kind":"Name","value":"catalogueEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"catalogueAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"catalogueMainNode"}},{"kind":"Field","name":{"kind":"Name","value":"catalogueStrategy"}},{"kind":"Field","name":{"kind":"Name","value":"forwardProvisioning"}},{"kind":"Field","name":{"kind":"Name","value":"skipValueIfContractExcluded"}}]}}]} as unknown as DocumentNode<SyncConfigQuery, SyncConfigQueryVariables>;
export const DirectoryNamesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DirectoryNames"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"directories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<DirectoryNamesQuery, DirectoryNamesQueryVariables>;
export const CreateSyncConfigDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateSyncConfig"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSyncConfigInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSyncConfig"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateSyncConfigMutation, CreateSyncConfigMutationVariables>;
export const UpdateSyncConfigDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateSyncConfig"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateSyncConfigInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSyncConfig"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncConfigSettings"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveDifferentialSync"}},{"kind":"Field","name":{"kind":"Name","value":"differentialSyncNote"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncConfigSettings"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncConfig"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"directoryId"}},{"kind":"Field","name":{"kind":"Name","value":"usersBaseDn"}},{"kind":"Field","name":{"kind":"Name","value":"usersScope"}},{"kind":"Field","name":{"kind":"Name","value":"usersFilter"}},{"kind":"Field","name":{"kind":"Name","value":"loginAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"nameAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"emailAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"externalIdAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"groupsBaseDn"}},{"kind":"Field","name":{"kind":"Name","value":"groupsScope"}},{"kind":"Field","name":{"kind":"Name","value":"groupsFilter"}},{"kind":"Field","name":{"kind":"Name","value":"groupNameAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"groupMemberAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"membershipSource"}},{"kind":"Field","name":{"kind":"Name","value":"autoCreateUsers"}},{"kind":"Field","name":{"kind":"Name","value":"autoDeactivateUsers"}},{"kind":"Field","name":{"kind":"Name","value":"defaultAuthorizationType"}},{"kind":"Field","name":{"kind":"Name","value":"expandNestedGroups"}},{"kind":"Field","name":{"kind":"Name","value":"safetyThresholdPercent"}},{"kind":"Field","name":{"kind":"Name","value":"scheduleEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"scheduleIntervalMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"scheduleCron"}},{"kind":"Field","name":{"kind":"Name","value":"differentialSync"}},{"kind":"Field","name":{"kind":"Name","value":"roleDescriptionAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"membershipManagement"}},{"kind":"Field","name":{"kind":"Name","value":"memberDirectoryId"}},{"kind":"Field","name":{"kind":"Name","value":"memberAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"assignRolesToIdentities"}},{"kind":"Field","name":{"kind":"Name","value":"removeRolesNotInSystem"}},{"kind":"Field","name":{"kind":"Name","value":"catalogueEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"catalogueAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"catalogueMainNode"}},{"kind":"Field","name":{"kind":"Name","value":"catalogueStrategy"}},{"kind":"Field","name":{"kind":"Name","value":"forwardProvisioning"}},{"kind":"Field","name":{"kind":"Name","value":"skipValueIfContractExcluded"}}]}}]} as unknown as DocumentNode<UpdateSyncConfigMutation, UpdateSyncConfigMutationVariables>;
export const SyncConfigsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SyncConfigs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncConfigs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"directoryId"}},{"kind":"Field","name":{"kind":"Name","value":"scheduleEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"scheduleIntervalMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"scheduleCron"}}]}},{"kind":"Field","name":{"kind":"Name","value":"directories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<SyncConfigsQuery, SyncConfigsQueryVariables>;