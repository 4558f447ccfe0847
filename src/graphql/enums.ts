import { registerEnumType } from 'type-graphql';
import {
  DIRECTORY_KINDS,
  GROUP_MEMBER_ATTRIBUTES,
  MEMBERSHIP_SOURCES,
  SEARCH_SCOPES,
  SYNC_KINDS,
  TLS_MODES,
} from '../domain/directory-kinds.js';
import { API_ROLES } from '../domain/api-roles.js';
import { READ_MODES } from '../domain/read-modes.js';
import { AUTHORIZATION_TYPES } from '../domain/identity-states.js';
import {
  CATALOGUE_STRATEGIES,
  PROVISIONING_STATES,
  ROLE_REQUEST_ITEM_OPERATIONS,
  ROLE_REQUEST_ITEM_STATES,
  ROLE_REQUEST_STATES,
} from '../domain/role-states.js';
import {
  PLAN_IDENTITY_ACTIONS,
  PLAN_MEMBERSHIP_ACTIONS,
  RUN_LOG_LEVELS,
  SYNC_PHASES,
  SYNC_RUN_STATUSES,
} from '../domain/sync-run-state.js';

/** type-graphql wants enum objects; the domain keeps string unions, so build `{ A: 'A', ... }`. */
function enumObject<const T extends readonly string[]>(values: T): { [K in T[number]]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T[number]]: K };
}

export const DirectoryKindEnum = enumObject(DIRECTORY_KINDS);
export const TlsModeEnum = enumObject(TLS_MODES);
export const SearchScopeEnum = enumObject(SEARCH_SCOPES);
export const MembershipSourceEnum = enumObject(MEMBERSHIP_SOURCES);
export const GroupMemberAttributeEnum = enumObject(GROUP_MEMBER_ATTRIBUTES);
export const SyncKindEnum = enumObject(SYNC_KINDS);
export const SyncRunStatusEnum = enumObject(SYNC_RUN_STATUSES);
export const SyncPhaseEnum = enumObject(SYNC_PHASES);
export const AuthorizationTypeEnum = enumObject(AUTHORIZATION_TYPES);
export const PlanIdentityActionEnum = enumObject(PLAN_IDENTITY_ACTIONS);
export const PlanMembershipActionEnum = enumObject(PLAN_MEMBERSHIP_ACTIONS);
export const RunLogLevelEnum = enumObject(RUN_LOG_LEVELS);
export const ApiRoleEnum = enumObject(API_ROLES);
export const CatalogueStrategyEnum = enumObject(CATALOGUE_STRATEGIES);
export const RoleRequestStateEnum = enumObject(ROLE_REQUEST_STATES);
export const RoleRequestItemOperationEnum = enumObject(ROLE_REQUEST_ITEM_OPERATIONS);
export const RoleRequestItemStateEnum = enumObject(ROLE_REQUEST_ITEM_STATES);
export const ProvisioningStateEnum = enumObject(PROVISIONING_STATES);
export const ReadModeEnum = enumObject(READ_MODES);

registerEnumType(DirectoryKindEnum, { name: 'DirectoryKind', description: 'Kind of directory server' });
registerEnumType(TlsModeEnum, {
  name: 'TlsMode',
  description: 'NONE: plain LDAP; STARTTLS: upgrade ldap://; LDAPS: ldaps://',
});
registerEnumType(SearchScopeEnum, { name: 'SearchScope' });
registerEnumType(MembershipSourceEnum, {
  name: 'MembershipSource',
  description: "Where membership is read: the users' memberOf, or the groups' member values",
});
registerEnumType(GroupMemberAttributeEnum, { name: 'GroupMemberAttribute' });
registerEnumType(SyncKindEnum, { name: 'SyncKind' });
registerEnumType(SyncRunStatusEnum, { name: 'SyncRunStatus' });
registerEnumType(SyncPhaseEnum, { name: 'SyncPhase' });
registerEnumType(AuthorizationTypeEnum, {
  name: 'AuthorizationType',
  description: 'How a created identity signs in',
});
registerEnumType(PlanIdentityActionEnum, { name: 'PlanIdentityAction' });
registerEnumType(PlanMembershipActionEnum, { name: 'PlanMembershipAction' });
registerEnumType(RunLogLevelEnum, { name: 'RunLogLevel' });
registerEnumType(CatalogueStrategyEnum, {
  name: 'CatalogueStrategy',
  description:
    'ALL_UNDER_MAIN: main node (+ catalogue attribute path); RESOLVE_BY_DN: the OU path of the group DN',
});
registerEnumType(RoleRequestStateEnum, { name: 'RoleRequestState' });
registerEnumType(RoleRequestItemOperationEnum, { name: 'RoleRequestItemOperation' });
registerEnumType(RoleRequestItemStateEnum, { name: 'RoleRequestItemState' });
registerEnumType(ProvisioningStateEnum, { name: 'ProvisioningState' });
registerEnumType(ReadModeEnum, {
  name: 'ReadMode',
  description:
    'FULL reads every entry (and sees deletions); INCREMENTAL reads the changes since the last run',
});
registerEnumType(ApiRoleEnum, {
  name: 'ApiRole',
  description: 'VIEWER reads; OPERATOR also changes configs and runs; ADMIN also manages tokens',
});
