import type { StagingTable } from './staging-tables.js';

/**
 * SQL: rows `a` and `b` of an entry table (staged_user, staged_group) have the same content: every
 * column but the key dn_norm, which the caller joined them on (false when `b` is a missing outer-join
 * row). Compared column by column, not through a stored hash: PostgreSQL hashing every row as it was
 * staged (a quarter of the insert) cost more than comparing the pairs the plan joins anyway. memberOf is
 * stored as a sorted set (mapUserEntry sorts by UTF-16 code unit, the incremental correction by byte;
 * the two orders differ only beyond the BMP, where it costs one needless re-plan), so it is compared
 * as it is.
 */
export function sameStagedContentSql(table: StagingTable, a: string, b: string): string {
  const content = table.columns.filter((column) => column !== 'dn_norm');
  const row = (alias: string): string => content.map((column) => `${alias}.${column}`).join(', ');
  return `(${b}.dn_norm is not null and (${row(a)}) is not distinct from (${row(b)}))`;
}
