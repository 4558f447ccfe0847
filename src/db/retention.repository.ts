import type pg from 'pg';
import { withTransaction } from './transaction.js';
import { STAGING_TABLE_NAMES, stagingRunIdSql } from './staging-tables.js';

export interface PruneCounts {
  runLogRows: number;
  planRows: number;
  stagingRows: number;
}

/** Runs that ended before the cutoff: their detail (log, plan) goes; the run row and counters stay. */
const ENDED_BEFORE = `select id from sync_run where finished_at < $1`;

/**
 * Staging of ended runs that nothing needs any more: not the staging the newest run of its config reads
 * (the groups list shows it), nor the one the config's snapshot reads (the next incremental run starts
 * from it), whether their own or adopted. A failed run's staging
 * is what its retry continues from, so it stays until the staging cutoff.
 */
const STALE_STAGING = `select r.id from sync_run r
  where r.finished_at < $1
    and r.id not in (
      select ${stagingRunIdSql('k')} from sync_run k
      where k.id = (select n.id from sync_run n where n.sync_config_id = r.sync_config_id order by n.created_at desc limit 1)
         or k.id = (select s.id from sync_run s where s.sync_config_id = r.sync_config_id
                    and s.status = 'SUCCEEDED' and not s.dry_run order by s.created_at desc limit 1))`;

/** Deletes old runs' detail in a few set-based statements. */
export class RetentionRepository {
  constructor(private readonly pool: pg.Pool) {}

  prune(detailCutoff: Date, stagingCutoff: Date): Promise<PruneCounts> {
    return withTransaction(this.pool, async (client) => {
      const deleteWhere = async (table: string, runs: string, cutoff: Date): Promise<number> =>
        (await client.query(`delete from ${table} where run_id in (${runs})`, [cutoff])).rowCount ?? 0;
      const runLogRows = await deleteWhere('run_log', ENDED_BEFORE, detailCutoff);
      const planRows =
        (await deleteWhere('plan_identity', ENDED_BEFORE, detailCutoff)) +
        (await deleteWhere('plan_membership', ENDED_BEFORE, detailCutoff));
      let stagingRows = 0;
      for (const table of STAGING_TABLE_NAMES) {
        stagingRows += await deleteWhere(table, STALE_STAGING, stagingCutoff);
      }
      return { runLogRows, planRows, stagingRows };
    });
  }
}
