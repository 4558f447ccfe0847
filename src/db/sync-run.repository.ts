import type pg from 'pg';
import { withTransaction } from './transaction.js';
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

  async setStatus(runId: string, status: SyncRunStatus, phase: SyncPhase): Promise<void> {
    await this.pool.query(`update sync_run set status = $2, phase = $3 where id = $1`, [
      runId,
      status,
      phase,
    ]);
  }

  /** Users read by the config's last successful run before this one (null when there is none). */
  async previousUsersRead(syncConfigId: string, runId: string): Promise<number | null> {
    const result = await this.pool.query<{ users_read: string | null }>(
      `select counters->>'usersRead' as users_read from sync_run
       where sync_config_id = $1 and id <> $2 and status = 'SUCCEEDED' and not dry_run
       order by created_at desc limit 1`,
      [syncConfigId, runId],
    );
    const value = result.rows[0]?.users_read;
    return value == null ? null : Number(value);
  }

  /** Drops the staging rows of the config's runs other than this one. */
  async dropOlderStaging(runId: string): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      const older = `select id from sync_run where sync_config_id = (select sync_config_id from sync_run where id = $1) and id <> $1`;
      for (const table of ['staged_user', 'staged_group', 'staged_group_member', 'staged_edge']) {
        await client.query(`delete from ${table} where run_id in (${older})`, [runId]);
      }
    });
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
