/**
 * SQL for the content hash of a staged_user row (alias `row`): every column its plan reads. memberOf is
 * stored as a sorted set (mapUserEntry sorts by UTF-16 code unit, the incremental correction by byte;
 * the two orders differ only beyond the BMP, where it costs one needless re-plan), so it is hashed as
 * it is. Computed by PostgreSQL wherever a row's content is written. A row value's text form keeps nulls
 * and empty strings apart.
 */
export function stagedUserDigestSql(row: string): string {
  return `md5(row(${row}.dn, ${row}.stable_id, ${row}.login, ${row}.display_name, ${row}.email, ${row}.external_id,
    ${row}.member_of)::text)`;
}
