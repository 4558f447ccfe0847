import type pg from 'pg';
import { dropStagingPartitions, runsWithStaging } from './staging-partitions.js';
import { stagingRunIdSql } from './staging-tables.js';
import { withTransaction } from './transaction.js';

export interface PruneCounts {
  runLogRows: number;
  planRows: number;
  /** Runs whose staging was dropped. */
  stagingRuns: number;
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

/**
 * Deletes old runs' detail in a few set-based statements, and drops the staging of stale runs and of
 * runs that no longer exist (their config was deleted).
 */
export class RetentionRepository {
  constructor(private readonly pool: pg.Pool) {}

  async prune(detailCutoff: Date, stagingCutoff: Date): Promise<PruneCounts> {
    const detail = await withTransaction(this.pool, async (client) => {
      const deleteWhere = async (table: string): Promise<number> =>
        (await client.query(`delete from ${table} where run_id in (${ENDED_BEFORE})`, [detailCutoff]))
          .rowCount ?? 0;
      const runLogRows = await deleteWhere('run_log');
      const planRows = (await deleteWhere('plan_identity')) + (await deleteWhere('plan_membership'));
      return { runLogRows, planRows };
    });
    const stale = await runsWithStaging(this.pool, STALE_STAGING, [stagingCutoff], true);
    await dropStagingPartitions(this.pool, stale);
    return { ...detail, stagingRuns: stale.length };
  }
}
