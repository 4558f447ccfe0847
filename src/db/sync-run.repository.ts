import type pg from 'pg';
import type { SyncPhase, SyncRunCounters, SyncRunStatus } from '../domain/sync-run-state.js';

/** Run bookkeeping written by activities; small statements, each its own transaction. */
export class SyncRunRepository {
  constructor(private readonly pool: pg.Pool) {}

  async markRunning(runId: string): Promise<void> {
    await this.pool.query(
      `update sync_run set status = 'RUNNING', started_at = coalesce(started_at, now()) where id = $1 and status in ('QUEUED', 'RUNNING')`,
      [runId],
    );
  }

  async setPhase(runId: string, phase: SyncPhase): Promise<void> {
    await this.pool.query(`update sync_run set phase = $2 where id = $1`, [runId, phase]);
  }

  /** Merges counters (later values win), so each phase records only what it knows. */
  async mergeCounters(runId: string, counters: SyncRunCounters): Promise<void> {
    await this.pool.query(`update sync_run set counters = counters || $2::jsonb where id = $1`, [
      runId,
      JSON.stringify(counters),
    ]);
  }

  async finish(
    runId: string,
    status: Extract<SyncRunStatus, 'SUCCEEDED' | 'FAILED' | 'CANCELLED'>,
    error?: { code: string; message: string },
  ): Promise<void> {
    await this.pool.query(
      `update sync_run set status = $2, phase = case when $2 = 'SUCCEEDED' then 'DONE' else phase end,
         error_code = $3, error_message = $4, finished_at = now()
       where id = $1`,
      [runId, status, error?.code ?? null, error?.message ?? null],
    );
  }
}
