/**
 * SQL for the content hash of a staged_user row (alias `row`): every column its plan reads, memberOf as
 * a set. Computed by PostgreSQL wherever a row's content is written, so the insert and the incremental
 * memberOf correction hash alike. A row value's text form keeps nulls and empty strings apart.
 */
export function stagedUserDigestSql(row: string): string {
  return `md5(row(${row}.dn, ${row}.stable_id, ${row}.login, ${row}.display_name, ${row}.email, ${row}.external_id,
    array(select v from unnest(${row}.member_of) as v order by v collate "C"))::text)`;
}
