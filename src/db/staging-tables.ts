/** A table of run staging: rows keyed by run_id, read by the phases after the reads. */
export interface StagingTable {
  name: string;
  /** Columns besides run_id (and fresh). */
  columns: readonly string[];
  /** Marks the rows the run read itself, as against those an incremental run carried over. */
  hasFresh: boolean;
}

export const STAGED_USER: StagingTable = {
  name: 'staged_user',
  columns: ['dn_norm', 'dn', 'stable_id', 'login', 'display_name', 'email', 'external_id', 'member_of'],
  hasFresh: true,
};
export const STAGED_GROUP: StagingTable = {
  name: 'staged_group',
  columns: ['dn_norm', 'dn', 'stable_id', 'name', 'member_count', 'description', 'catalogue_value'],
  hasFresh: true,
};
export const STAGED_GROUP_MEMBER: StagingTable = {
  name: 'staged_group_member',
  columns: ['group_dn_norm', 'member_value'],
  hasFresh: false,
};
export const STAGING_TABLES: readonly StagingTable[] = [STAGED_USER, STAGED_GROUP, STAGED_GROUP_MEMBER];

/** The tables that hold a run's staging, keyed by run_id: what dropping a run's staging deletes from. */
export const STAGING_TABLE_NAMES: readonly string[] = STAGING_TABLES.map((table) => table.name);

/**
 * SQL: the run whose staging sync_run row `alias` reads: its own, or the snapshot's it adopted
 * (stagingRunOf in TypeScript).
 */
export function stagingRunIdSql(alias: string): string {
  return `coalesce(${alias}.staging_run_id, ${alias}.id)`;
}
