import type { MemberValuesUse } from '../sync/member-values-use.js';

/** A table of run staging: rows keyed by run_id, read by the phases after the reads. */
export interface StagingTable {
  name: string;
  /** The entry's columns besides run_id: what staged rows are compared and carried over by. */
  columns: readonly string[];
  /**
   * Columns about the run's own read, neither compared nor carried over from a snapshot (a retry taking
   * over the staging copies them): fresh marks the rows the run decoded itself (not copies of the
   * snapshot's), corrected those whose memberOf the incremental correction changed (member_of_added and
   * member_of_removed: how), member_values a re-read group's members (StagedGroup.memberValues),
   * members_added and members_removed its delta from the access log, entry_digest the digest of the
   * entry the row was read from (StagedUser.entryDigest, StagedGroup.entryDigest).
   */
  ownColumns: readonly string[];
  /**
   * Own columns that copies of the snapshot's rows carry over: an incremental completion's, and a full
   * read's copies of the users it knew (a group's digest is carried only by a full read's copy of it).
   */
  carriedColumns: readonly string[];
}

export const STAGED_USER: StagingTable = {
  name: 'staged_user',
  columns: ['dn_norm', 'dn', 'stable_id', 'login', 'display_name', 'email', 'external_id', 'member_of'],
  ownColumns: ['fresh', 'corrected', 'member_of_added', 'member_of_removed', 'entry_digest'],
  carriedColumns: ['entry_digest'],
};
export const STAGED_GROUP: StagingTable = {
  name: 'staged_group',
  columns: ['dn_norm', 'dn', 'stable_id', 'name', 'member_count', 'description', 'catalogue_value'],
  ownColumns: ['fresh', 'member_values', 'members_added', 'members_removed', 'entry_digest'],
  carriedColumns: [],
};
export const STAGED_GROUP_MEMBER: StagingTable = {
  name: 'staged_group_member',
  columns: ['group_dn_norm', 'member_value'],
  ownColumns: [],
  carriedColumns: [],
};
export const STAGING_TABLES: readonly StagingTable[] = [STAGED_USER, STAGED_GROUP, STAGED_GROUP_MEMBER];

/** The tables that hold a run's staging, keyed by run_id: what dropping a run's staging deletes from. */
export const STAGING_TABLE_NAMES: readonly string[] = STAGING_TABLES.map((table) => table.name);

/** A run, and the run whose staging holds its view of the directory: its own, or the snapshot's it adopted. */
export interface RunStaging {
  runId: string;
  stagingRunId: string;
}

/**
 * SQL: the run whose staging sync_run row `alias` reads: its own, or the snapshot's it adopted
 * (stagingRunOf in TypeScript).
 */
export function stagingRunIdSql(alias: string): string {
  return `coalesce(${alias}.staging_run_id, ${alias}.id)`;
}

/**
 * SQL: the groups run $1 read itself with their member values (not those whose deltas came from the
 * access log): the groups whose values are the truth for the memberOf correction and the snapshot check.
 */
export const GROUPS_READ_WHOLE_SQL = `select dn_norm from staged_group where run_id = $1 and fresh and members_added is null`;

/**
 * SQL: (group_dn_norm, member_value) of the groups run $1 read itself, from where `use` staged them:
 * staged_group_member rows (ALL) or each group's member_values array (CHANGED_GROUPS; not the groups
 * whose deltas came from the access log).
 */
export function freshGroupMembersSql(use: MemberValuesUse): string {
  return use === 'ALL'
    ? `select m.group_dn_norm, m.member_value from staged_group_member m
       join staged_group g on g.run_id = m.run_id and g.dn_norm = m.group_dn_norm
       where m.run_id = $1 and g.fresh`
    : `select g.dn_norm as group_dn_norm, v as member_value
       from staged_group g cross join lateral unnest(g.member_values) as v
       where g.run_id = $1 and g.fresh and g.members_added is null`;
}

/**
 * SQL: (group_dn_norm, member_value, added) of the groups run $1 read through the access log: the values
 * each gained (added) or lost since the snapshot (StagedGroup.membersAdded, membersRemoved).
 */
export const MEMBER_DELTAS_SQL = `
  select g.dn_norm as group_dn_norm, v as member_value, true as added
  from staged_group g cross join lateral unnest(g.members_added) as v
  where g.run_id = $1 and g.fresh
  union all
  select g.dn_norm, v, false
  from staged_group g cross join lateral unnest(g.members_removed) as v
  where g.run_id = $1 and g.fresh`;
