import type pg from 'pg';
import { ACTIVE_RUN_STATUSES, SYNC_RUN_STATUSES, type SyncRunStatus } from '../domain/sync-run-state.js';

/** What the metrics read from the run history: small aggregate queries at scrape time. */
export class RunMetricsRepository {
  constructor(private readonly pool: pg.Pool) {}

  /** Every status with its number of runs (0 included, so each series exists from the start). */
  async runsByStatus(): Promise<Map<SyncRunStatus, number>> {
    const result = await this.pool.query<{ status: SyncRunStatus; n: string }>(
      'select status, count(*) as n from sync_run group by status',
    );
    const counts = new Map<SyncRunStatus, number>(SYNC_RUN_STATUSES.map((status) => [status, 0]));
    for (const row of result.rows) counts.set(row.status, Number(row.n));
    return counts;
  }
}

export function countActive(byStatus: ReadonlyMap<SyncRunStatus, number>): number {
  return ACTIVE_RUN_STATUSES.reduce((sum, status) => sum + (byStatus.get(status) ?? 0), 0);
}
