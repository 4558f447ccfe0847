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
  // The ids are collected once, distinct, before the join: plan rows written moments ago have no
  // statistics, and an IN (...) semi-join guessed at two rows re-scanned them for every parent row.
  await client.query(
    `with ids as materialized (select distinct id from (${idsSql}) as s(id))
     select 1 from ${table} t join ids on ids.id = t.id for key share of t`,
    [...params],
  );
}
