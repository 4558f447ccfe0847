import type pg from 'pg';

/**
 * Locks the rows of `table` whose id `idsSql` selects FOR KEY SHARE, as a foreign-key check would, but in
 * one statement for all of them: none can be deleted or re-keyed until the transaction ends. For the
 * tables without foreign keys (synced_membership, identity_role, role_request_item), whose writers then
 * insert only rows whose parents they still find.
 */
export async function lockParentRows(
  client: pg.PoolClient,
  table: 'identity' | 'app_group' | 'sync_config' | 'contract' | 'role',
  idsSql: string,
  params: readonly unknown[],
): Promise<void> {
  // The ids are collected once, distinct, into an array the pkey index is probed with: plan rows written
  // moments ago have no statistics, and an IN (...) semi-join guessed at two rows re-scanned them for every
  // parent row; joined, a small parent table (97k contracts) was hashed whole for 500 ids (47 ms, 5 ms probed).
  await client.query(
    `select 1 from ${table} t where t.id = any(array(select distinct id from (${idsSql}) as s(id))) for key share of t`,
    [...params],
  );
}
