/** The columns of a staged_user row that its plan reads: two rows equal in them plan the same. */
const CONTENT_COLUMNS = ['dn', 'stable_id', 'login', 'display_name', 'email', 'external_id', 'member_of'];

/**
 * SQL: staged_user rows `a` and `b` have the same content (false when `b` is a missing outer-join row).
 * Compared column by column, not through a stored hash: PostgreSQL hashing every row as it was staged
 * (a quarter of the insert) cost more than comparing the pairs the plan joins anyway. memberOf is
 * stored as a sorted set (mapUserEntry sorts by UTF-16 code unit, the incremental correction by byte;
 * the two orders differ only beyond the BMP, where it costs one needless re-plan), so it is compared
 * as it is.
 */
export function sameStagedUserContentSql(a: string, b: string): string {
  const row = (alias: string): string => CONTENT_COLUMNS.map((column) => `${alias}.${column}`).join(', ');
  return `(${b}.dn_norm is not null and (${row(a)}) is not distinct from (${row(b)}))`;
}
