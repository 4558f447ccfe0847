export const SYNC_RUN_STATUSES = [
  'QUEUED',
  'RUNNING',
  'AWAITING_APPROVAL',
  'SUCCEEDED',
  'FAILED',
  'CANCELLED',
] as const;
export type SyncRunStatus = (typeof SYNC_RUN_STATUSES)[number];

/** Phases in the order a run passes them (DESIGN.md "A run has phases"). */
export const SYNC_PHASES = [
  'QUEUED',
  'READ_USERS',
  'READ_GROUPS',
  'RESOLVE_MEMBERS',
  'PLAN',
  'AWAIT_APPROVAL',
  'APPLY',
  'COMMIT_ROLE_REQUESTS',
  'PROVISION',
  'CLEAN_UP',
  'DONE',
] as const;
export type SyncPhase = (typeof SYNC_PHASES)[number];

export const ACTIVE_RUN_STATUSES: readonly SyncRunStatus[] = ['QUEUED', 'RUNNING', 'AWAITING_APPROVAL'];

/** Counters a run accumulates; every key is optional so phases add only what they know. */
export interface SyncRunCounters {
  usersRead?: number;
  groupsRead?: number;
  /** Users in the run's view of the directory: all read (full) or the snapshot plus the changes (incremental). */
  usersStaged?: number;
  /** Entries whose staged row equals the snapshot's: skipped by plan and apply (differential sync). */
  entriesUnchanged?: number;
  memberOfValuesRead?: number;
  groupMemberValuesRead?: number;
  entriesSkipped?: number;
  membershipEdges?: number;
  identitiesToCreate?: number;
  identitiesToUpdate?: number;
  identitiesToDeactivate?: number;
  identitiesToReactivate?: number;
  membershipsToAdd?: number;
  membershipsToRemove?: number;
  identitiesCreated?: number;
  identitiesUpdated?: number;
  identitiesDeactivated?: number;
  identitiesReactivated?: number;
  membershipsAdded?: number;
  membershipsRemoved?: number;
  rolesCreated?: number;
  rolesUpdated?: number;
  memberValues?: number;
  lookupsMade?: number;
  cacheHits?: number;
  membersUnresolved?: number;
  roleRequestsCreated?: number;
  roleRequestsExecuted?: number;
  rolesAdded?: number;
  rolesRemoved?: number;
}

/** Every counter a run reports, in display order (the API's SyncRunCounters, the benchmark's query). */
export const SYNC_RUN_COUNTER_KEYS = [
  'usersRead',
  'groupsRead',
  'usersStaged',
  'entriesUnchanged',
  'memberOfValuesRead',
  'groupMemberValuesRead',
  'entriesSkipped',
  'membershipEdges',
  'identitiesToCreate',
  'identitiesToUpdate',
  'identitiesToDeactivate',
  'identitiesToReactivate',
  'membershipsToAdd',
  'membershipsToRemove',
  'identitiesCreated',
  'identitiesUpdated',
  'identitiesDeactivated',
  'identitiesReactivated',
  'membershipsAdded',
  'membershipsRemoved',
  'rolesCreated',
  'rolesUpdated',
  'memberValues',
  'lookupsMade',
  'cacheHits',
  'membersUnresolved',
  'roleRequestsCreated',
  'roleRequestsExecuted',
  'rolesAdded',
  'rolesRemoved',
] as const satisfies readonly (keyof SyncRunCounters)[];

export const PLAN_IDENTITY_ACTIONS = ['CREATE', 'UPDATE', 'DEACTIVATE', 'REACTIVATE'] as const;
export type PlanIdentityAction = (typeof PLAN_IDENTITY_ACTIONS)[number];

export const PLAN_MEMBERSHIP_ACTIONS = ['ADD', 'REMOVE'] as const;
export type PlanMembershipAction = (typeof PLAN_MEMBERSHIP_ACTIONS)[number];

export const RUN_LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR'] as const;
export type RunLogLevel = (typeof RUN_LOG_LEVELS)[number];
