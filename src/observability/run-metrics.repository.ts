import type pg from 'pg';
import { ACTIVE_RUN_STATUSES, SYNC_RUN_STATUSES, type SyncRunStatus } from '../domain/sync-run-state.js';

export interface EndedRun {
  kind: string;
  status: SyncRunStatus;
  /** From start (or creation, for a run that never started) to end. */
  seconds: number;
}

/** What the metrics read from the run history: small aggregate queries, at scrape time or once per run. */
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

  /** The ended run's kind, status and duration; null when it has not ended. */
  async endedRun(runId: string): Promise<EndedRun | null> {
    const result = await this.pool.query<{ kind: string; status: SyncRunStatus; seconds: number }>(
      `select c.kind, r.status, extract(epoch from r.finished_at - coalesce(r.started_at, r.created_at))::float8 as seconds
       from sync_run r join sync_config c on c.id = r.sync_config_id
       where r.id = $1 and r.finished_at is not null`,
      [runId],
    );
    return result.rows[0] ?? null;
  }
}

export function countActive(byStatus: ReadonlyMap<SyncRunStatus, number>): number {
  return ACTIVE_RUN_STATUSES.reduce((sum, status) => sum + (byStatus.get(status) ?? 0), 0);
}
