import type pg from 'pg';
import { progressNotifierFor, type RunProgressNotifier } from './run-progress-notifier.js';
import { withTransaction } from './transaction.js';
import type { ReadMark, ReadMode } from '../domain/read-modes.js';
import type { SyncKind } from '../domain/directory-kinds.js';
import type { SyncPhase, SyncRunCounters, SyncRunStatus } from '../domain/sync-run-state.js';
import { dropStagingPartitions, runsWithStaging } from './staging-partitions.js';
import { stagingRunIdSql } from './staging-tables.js';

/** Whether a run got one of its directory's run slots, and how busy the directory is. */
export interface RunSlot {
  started: boolean;
  active: number;
  max: number;
}

/** The config's last successful, applied run whose staging is kept: what an incremental read continues. */
export interface RunSnapshot {
  runId: string;
  /** The run whose staging holds the snapshot's view: its own, or the one it adopted (SyncRun.stagingRunId). */
  stagingRunId: string;
  mark: ReadMark | null;
  createdAt: Date;
  /** Its plan context (SyncRun.planContextDigest); null for runs from before it was recorded. */
  planContextDigest: string | null;
  /** The identity versions its apply left (SyncRun.identityVersions); null: unknown. */
  identityVersions: string | null;
  /** Entries its plan skipped (no login, or a login of another directory's identity). */
  entriesSkipped: number;
  /** It read in full (and so deactivated the identities its read did not find). */
  fullRead: boolean;
}

/** An ended run as the duration metric sees it. */
export interface EndedRun {
  kind: SyncKind;
  status: SyncRunStatus;
  /** From start (or creation, for a run that never started) to end. */
  seconds: number;
}

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

  /**
   * Marks the run RUNNING when its directory has a free run slot (maxConcurrentRuns), under a lock per
   * directory so two starts cannot both take the last slot. Idempotent: a running run keeps its slot.
   */
  async markRunning(runId: string): Promise<RunSlot> {
    return withTransaction(this.pool, async (client) => {
      const directory = await client.query<{ id: string; max: number; status: SyncRunStatus }>(
        `select d.id, d.max_concurrent_runs as max, r.status from sync_run r
         join sync_config c on c.id = r.sync_config_id join directory d on d.id = c.directory_id
         where r.id = $1`,
        [runId],
      );
      const row = directory.rows[0];
      if (row === undefined) return { started: false, active: 0, max: 0 };
      if (row.status !== 'QUEUED') return { started: true, active: 0, max: row.max };
      await client.query(`select pg_advisory_xact_lock(hashtext('rolesync-directory-runs'), hashtext($1))`, [
        row.id,
      ]);
      const active = await client.query<{ n: number }>(
        `select count(*)::int as n from sync_run r join sync_config c on c.id = r.sync_config_id
         where c.directory_id = $1 and r.status = 'RUNNING' and r.id <> $2`,
        [row.id, runId],
      );
      const count = active.rows[0]?.n ?? 0;
      if (count >= row.max) return { started: false, active: count, max: row.max };
      await client.query(
        `update sync_run set status = 'RUNNING', started_at = coalesce(started_at, now()) where id = $1 and status = 'QUEUED'`,
        [runId],
      );
      return { started: true, active: count, max: row.max };
    });
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

  /** Users the config's last successful run before this one saw (null when there is none). */
  async previousUsersRead(syncConfigId: string, runId: string): Promise<number | null> {
    const result = await this.pool.query<{ users_read: string | null }>(
      `select coalesce(counters->>'usersStaged', counters->>'usersRead') as users_read from sync_run
       where sync_config_id = $1 and id <> $2 and status = 'SUCCEEDED' and not dry_run
       order by created_at desc limit 1`,
      [syncConfigId, runId],
    );
    const value = result.rows[0]?.users_read;
    return value == null ? null : Number(value);
  }

  /**
   * The config's snapshot (see RunSnapshot), or null when there is none or its staging is gone (a role
   * sync's staging holds groups only).
   */
  async findSnapshot(syncConfigId: string): Promise<RunSnapshot | null> {
    const result = await this.pool.query<{
      id: string;
      staging_run_id: string;
      read_mark: ReadMark | null;
      created_at: Date;
      plan_context_digest: string | null;
      identity_versions: string | null;
      entries_skipped: number;
      full_read: boolean;
    }>(
      `select r.* from (
         select id, ${stagingRunIdSql('sync_run')} as staging_run_id, read_mark, created_at, plan_context_digest,
                identity_versions, coalesce((counters->>'entriesSkipped')::int, 0) as entries_skipped,
                read_mode = 'FULL' as full_read
         from sync_run
         where sync_config_id = $1 and status = 'SUCCEEDED' and not dry_run
         order by created_at desc limit 1) r
       where exists (select 1 from staged_user u where u.run_id = r.staging_run_id)
          or exists (select 1 from staged_group g where g.run_id = r.staging_run_id)`,
      [syncConfigId],
    );
    const row = result.rows[0];
    return row === undefined
      ? null
      : {
          runId: row.id,
          stagingRunId: row.staging_run_id,
          mark: row.read_mark,
          createdAt: row.created_at,
          planContextDigest: row.plan_context_digest,
          identityVersions: row.identity_versions,
          entriesSkipped: row.entries_skipped,
          fullRead: row.full_read,
        };
  }

  /** When the config's last successful full read started (null: never). */
  async lastFullReadAt(syncConfigId: string): Promise<Date | null> {
    const result = await this.pool.query<{ at: Date | null }>(
      `select max(coalesce(started_at, created_at)) as at from sync_run
       where sync_config_id = $1 and status = 'SUCCEEDED' and not dry_run and read_mode = 'FULL'`,
      [syncConfigId],
    );
    return result.rows[0]?.at ?? null;
  }

  async setPlanContextDigest(runId: string, digest: string | null): Promise<void> {
    await this.pool.query('update sync_run set plan_context_digest = $2 where id = $1', [runId, digest]);
  }

  async setReadMode(runId: string, mode: ReadMode, mark: ReadMark | null): Promise<void> {
    await this.pool.query(`update sync_run set read_mode = $2, read_mark = $3 where id = $1`, [
      runId,
      mode,
      mark === null ? null : JSON.stringify(mark),
    ]);
    this.progress.changed(runId);
  }

  /** The snapshot staging whose rows the run's staging copied (its rows not fresh are copies of them). */
  async setStagedFrom(runId: string, snapshotRunId: string): Promise<void> {
    await this.pool.query('update sync_run set staged_from_run_id = $2 where id = $1', [
      runId,
      snapshotRunId,
    ]);
  }

  async setReadMark(runId: string, mark: ReadMark | null): Promise<void> {
    await this.pool.query(`update sync_run set read_mark = $2 where id = $1`, [
      runId,
      mark === null ? null : JSON.stringify(mark),
    ]);
  }

  /**
   * Drops the staging partitions of the config's runs other than the staging this run and `keep` (the snapshot
   * a dry run must not take away from the next incremental run) read, their own or adopted.
   */
  async dropOlderStaging(runId: string, keep: string | null): Promise<void> {
    const older = `select id from sync_run where sync_config_id = (select sync_config_id from sync_run where id = $1)
                   and id not in (select ${stagingRunIdSql('k')} from sync_run k where k.id in ($1, $2::uuid))`;
    await dropStagingPartitions(this.pool, await runsWithStaging(this.pool, older, [runId, keep]));
  }

  /** Merges counters (later values win), so each phase records only what it knows. */
  async mergeCounters(runId: string, counters: SyncRunCounters): Promise<void> {
    await this.pool.query(`update sync_run set counters = counters || $2::jsonb where id = $1`, [
      runId,
      JSON.stringify(counters),
    ]);
    this.progress.changed(runId);
  }

  /**
   * Records the run's end and returns its kind, status and duration from the same statement, so the
   * caller can observe the duration before it announces the end (announceEnd).
   */
  async finish(
    runId: string,
    status: Extract<SyncRunStatus, 'SUCCEEDED' | 'FAILED' | 'CANCELLED'>,
    error?: { code: string; message: string },
  ): Promise<EndedRun | null> {
    const result = await this.pool.query<EndedRun>(
      `update sync_run r set status = $2, phase = case when $2 = 'SUCCEEDED' then 'DONE' else r.phase end,
         error_code = $3, error_message = $4, finished_at = now()
       from sync_config c
       where r.id = $1 and c.id = r.sync_config_id
       returning c.kind, r.status,
         extract(epoch from r.finished_at - coalesce(r.started_at, r.created_at))::float8 as seconds`,
      [runId, status, error?.code ?? null, error?.message ?? null],
    );
    return result.rows[0] ?? null;
  }

  /** Tells watchers at once that the run ended. */
  async announceEnd(runId: string): Promise<void> {
    await this.progress.changedNow(runId);
  }
}
