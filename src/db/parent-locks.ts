import type pg from 'pg';

/**
 * Locks the rows of `table` whose id `idsSql` selects FOR KEY SHARE, as a foreign-key check would, but in
 * one statement for all of them: none can be deleted or re-keyed until the transaction ends. For the
 * tables without foreign keys (synced_membership, identity_role), whose writers then insert only rows
 * whose parents they still find.
 */
export async function lockParentRows(
  client: pg.PoolClient,
  table: 'identity' | 'app_group' | 'sync_config' | 'contract' | 'role',
  idsSql: string,
  params: readonly unknown[],
): Promise<void> {
  await client.query(`select 1 from ${table} where id in (${idsSql}) for key share`, [...params]);
}
