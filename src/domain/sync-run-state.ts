export const SYNC_RUN_STATUSES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'] as const;
export type SyncRunStatus = (typeof SYNC_RUN_STATUSES)[number];

/** Phases in the order a run passes them (DESIGN.md "A run has phases"). */
export const SYNC_PHASES = [
  'QUEUED',
  'READ_USERS',
  'READ_GROUPS',
  'RESOLVE_MEMBERS',
  'PLAN',
  'APPLY',
  'COMMIT_ROLE_REQUESTS',
  'PROVISION',
  'CLEAN_UP',
  'DONE',
] as const;
export type SyncPhase = (typeof SYNC_PHASES)[number];

export const ACTIVE_RUN_STATUSES: readonly SyncRunStatus[] = ['QUEUED', 'RUNNING'];

/** Counters a run accumulates; every key is optional so phases add only what they know. */
export interface SyncRunCounters {
  usersRead?: number;
  groupsRead?: number;
  memberOfValuesRead?: number;
  groupMemberValuesRead?: number;
  entriesSkipped?: number;
}
