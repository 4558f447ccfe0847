import type pg from 'pg';
import { progressNotifierFor, type RunProgressNotifier } from './run-progress-notifier.js';
import { withTransaction } from './transaction.js';
import type { SyncPhase, SyncRunCounters, SyncRunStatus } from '../domain/sync-run-state.js';

/** Run bookkeeping written by activities; small statements, each its own transaction. */
export class SyncRunRepository {
  private readonly progress: RunProgressNotifier;

  constructor(private readonly pool: pg.Pool) {
    this.progress = progressNotifierFor(pool);
  }

  /**
   * Inserts a QUEUED scheduled run, or returns null when the config has an active run (the partial
   * unique index decides). Idempotent per workflow: a retried activity finds the row it made.
   */
  async insertScheduled(syncConfigId: string, workflowId: string): Promise<string | null> {
    const existing = await this.pool.query<{ id: string }>('select id from sync_run where workflow_id = $1', [
      workflowId,
    ]);
    if (existing.rows[0] !== undefined) return existing.rows[0].id;
    const inserted = await this.pool.query<{ id: string }>(
      `insert into sync_run (id, sync_config_id, workflow_id, status, phase, trigger, counters, dry_run, created_at)
       values (gen_random_uuid(), $1, $2, 'QUEUED', 'QUEUED', 'SCHEDULE', '{}', false, now())
       on conflict do nothing returning id`,
      [syncConfigId, workflowId],
    );
    const runId = inserted.rows[0]?.id ?? null;
    if (runId !== null) await this.progress.changedNow(runId);
    return runId;
  }

  async markRunning(runId: string): Promise<void> {
    await this.pool.query(
      `update sync_run set status = 'RUNNING', started_at = coalesce(started_at, now()) where id = $1 and status in ('QUEUED', 'RUNNING')`,
      [runId],
    );
  }

  async setPhase(runId: string, phase: SyncPhase): Promise<void> {
    await this.pool.query(`update sync_run set phase = $2 where id = $1`, [runId, phase]);
    this.progress.changed(runId);
  }

  async setStatus(runId: string, status: SyncRunStatus, phase: SyncPhase): Promise<void> {
    await this.pool.query(`update sync_run set status = $2, phase = $3 where id = $1`, [
      runId,
      status,
      phase,
    ]);
    await this.progress.changedNow(runId);
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
    this.progress.changed(runId);
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
    await this.progress.changedNow(runId);
  }
}
