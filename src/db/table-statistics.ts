import type pg from 'pg';

/**
 * Analyzes those of the given tables that changed by more than autovacuum's own analyze threshold
 * (50 rows + 10% of the table) since their last analyze. A sync writes a table in bulk and plans
 * against it in the next run, possibly before autovacuum looked at it, or on a server where it is off:
 * with statistics of an empty table the planner sorts 970k synced memberships to find none to remove.
 * Outside any transaction, and skipping a table another session has locked: statistics are worth a
 * better plan, never a wait. Returns the tables it tried to analyze.
 */
export async function analyzeStaleTables(pool: pg.Pool, tables: readonly string[]): Promise<string[]> {
  const stale = await pool.query<{ name: string }>(
    `select s.relname as name
     from pg_stat_user_tables s join pg_class c on c.oid = s.relid
     where s.schemaname = current_schema() and s.relname = any($1::text[])
       and s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0)`,
    [tables],
  );
  const names = stale.rows.map((row) => row.name);
  // The names come from the catalogue and match the given ones: quoting keeps them identifiers.
  if (names.length > 0)
    await pool.query(`analyze (skip_locked) ${names.map((name) => `"${name}"`).join(', ')}`);
  return names;
}

/**
 * Analyzes tables a run has just bulk-written (staging, plan tables, a statement's temp tables), in the
 * caller's transaction, from a small sample: 3,000 rows (statistics target 10) instead of 30,000. The
 * plans that follow need each run's row count and the rough shape of the join keys, not fine
 * histograms. The default sample read nearly every page of tables that hold earlier runs' rows too: the
 * plan tables took 0.29 s to analyze after a 1% re-sync at 100k users, 0.05 s sampled; a temp table of
 * 95k memberships 60-85 ms, 7 ms sampled.
 */
export async function analyzeJustWritten(client: pg.ClientBase, tables: string): Promise<void> {
  await client.query('set local default_statistics_target = 10');
  await client.query(`analyze ${tables}`);
  await client.query('set local default_statistics_target to default');
}
