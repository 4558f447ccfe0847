import type { EntityManager } from '@mikro-orm/postgresql';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { SyncKind } from '../domain/directory-kinds.js';
import { RUN_PROGRESS_CHANNEL } from '../db/run-progress-notifier.js';
import { stagingRunIdSql } from '../db/staging-tables.js';
import { ACTIVE_RUN_STATUSES, type SyncRunStatus } from '../domain/sync-run-state.js';
import { SyncConfig } from '../entities/sync-config.entity.js';
import { SyncRun } from '../entities/sync-run.entity.js';
import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import type { TemporalHandle } from '../temporal/temporal-connection.js';
import type { directorySyncWorkflow } from '../workflows/directory-sync.workflow.js';
import type { roleSyncWorkflow } from '../workflows/role-sync.workflow.js';
import { directorySyncWorkflowId } from '../workflows/workflow-ids.js';
import { isUniqueViolation } from './orm-errors.js';

export const RUN_PAGE_MAX = 200;

interface StartOptions {
  dryRun: boolean;
  /** Read every entry and re-plan every one (no incremental read, no differential skipping). */
  fullReconciliation?: boolean;
  retryOf?: SyncRun;
  reuseStagingOf?: string;
}

export interface RunHistoryFilter {
  syncConfigId?: string | null;
  /** DIRECTORY_SYNC ("LDAP synchronization") or ROLE_SYNC ("role synchronization"). */
  jobType?: SyncKind | null;
  status?: SyncRunStatus | null;
  /** Created at or after this instant. */
  createdFrom?: Date | null;
  /** Created before this instant. */
  createdBefore?: Date | null;
}
/** How long a start waits for the previous run's workflow to close after its row became final. */
const PREVIOUS_RUN_CLOSE_WAIT_MS = 10_000;

/** Starting and reading sync runs. A run row exists before its workflow, so it is visible at once. */
export class SyncRunService {
  constructor(
    private readonly em: EntityManager,
    private readonly temporal: TemporalHandle,
  ) {}

  async get(id: string): Promise<SyncRun> {
    const run = await this.em.findOne(SyncRun, { id });
    if (run === null)
      throw new AppError(ErrorCode.NOT_FOUND, `Sync run ${id} does not exist.`, { details: { id } });
    return run;
  }

  /** Run history, newest first: of one config or of all, filtered by job type (config kind), status and date. */
  list(filter: RunHistoryFilter, limit: number, offset: number): Promise<SyncRun[]> {
    return this.em.find(
      SyncRun,
      {
        // One syncConfig condition: two spreads of the key would keep only the last.
        ...(filter.syncConfigId == null && filter.jobType == null
          ? {}
          : {
              syncConfig: {
                ...(filter.syncConfigId == null ? {} : { id: filter.syncConfigId }),
                ...(filter.jobType == null ? {} : { kind: filter.jobType }),
              },
            }),
        ...(filter.status == null ? {} : { status: filter.status }),
        ...(filter.createdFrom == null && filter.createdBefore == null
          ? {}
          : {
              createdAt: {
                ...(filter.createdFrom == null ? {} : { $gte: filter.createdFrom }),
                ...(filter.createdBefore == null ? {} : { $lt: filter.createdBefore }),
              },
            }),
      },
      { orderBy: { createdAt: 'desc' }, limit: Math.min(limit, RUN_PAGE_MAX), offset },
    );
  }

  /**
   * Starts a new run linked to a failed or cancelled one. When the failed run had finished reading the
   * directory and the config has not changed since, the retry continues from that staging; otherwise it
   * reads again. Either way nothing of the failed run was half-applied (phases are transactional).
   */
  async retry(id: string): Promise<SyncRun> {
    const failed = await this.get(id);
    if (failed.status !== 'FAILED' && failed.status !== 'CANCELLED') {
      throw new AppError(
        ErrorCode.RUN_NOT_ACTIVE,
        `Run ${id} is ${failed.status}; only failed or cancelled runs can be retried.`,
        {
          details: { id },
        },
      );
    }
    const config = await this.em.findOneOrFail(SyncConfig, { id: failed.syncConfig.id });
    // A role sync reads groups only; a directory sync reads users and groups.
    const readsDone =
      failed.counters.groupsRead !== undefined &&
      (config.kind === 'ROLE_SYNC' || failed.counters.usersRead !== undefined) &&
      failed.phase !== 'READ_USERS' &&
      failed.phase !== 'READ_GROUPS';
    const staged =
      (
        await this.em.getConnection().execute<{ n: number }[]>(
          `select count(*)::int as n from staged_group
             where run_id = (select ${stagingRunIdSql('r')} from sync_run r where r.id = ?)`,
          [id],
        )
      )[0]?.n ?? 0;
    const reuse = readsDone && staged > 0 && config.updatedAt <= failed.createdAt;
    return this.start(config.id, {
      dryRun: failed.dryRun,
      fullReconciliation: failed.fullRequested,
      retryOf: failed,
      ...(reuse ? { reuseStagingOf: failed.id } : {}),
    });
  }

  async start(syncConfigId: string, options: StartOptions = { dryRun: false }): Promise<SyncRun> {
    const config = await this.em.findOne(SyncConfig, { id: syncConfigId });
    if (config === null) {
      throw new AppError(ErrorCode.NOT_FOUND, `Sync config ${syncConfigId} does not exist.`, {
        details: { syncConfigId },
      });
    }
    const workflowId = directorySyncWorkflowId(config.id);
    const run = await this.insertQueuedRun(config, workflowId, options);
    try {
      await this.startWorkflow(workflowId, config, run.id, options);
    } catch (error) {
      // The run never started: remove its row so it neither blocks the config nor shows as queued forever.
      await this.em.nativeDelete(SyncRun, { id: run.id });
      if (error instanceof WorkflowExecutionAlreadyStartedError) throw alreadyActive(config.id, error);
      throw new AppError(
        ErrorCode.TEMPORAL_UNAVAILABLE,
        'The run could not be started: Temporal is unreachable.',
        {
          cause: error,
        },
      );
    }
    // Run lists on every API replica learn about the new run at once (its workflow reports the rest).
    await this.em.getConnection().execute('select pg_notify(?, ?)', [RUN_PROGRESS_CHANNEL, run.id]);
    return run;
  }

  /**
   * Starts the run's workflow. The database already holds this run as the config's only active one, so a
   * workflow still open under the id is a previous run in its last moments (its row is final, its
   * workflow not yet closed): wait for it to close, then start.
   */
  private async startWorkflow(
    workflowId: string,
    config: SyncConfig,
    runId: string,
    start: StartOptions,
  ): Promise<void> {
    const options = {
      taskQueue: this.temporal.taskQueue,
      workflowId,
      workflowIdConflictPolicy: 'FAIL',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    } as const;
    const startOnce = () =>
      config.kind === 'ROLE_SYNC'
        ? this.temporal.client.workflow.start<typeof roleSyncWorkflow>('roleSyncWorkflow', {
            ...options,
            args: [
              {
                runId,
                assignRoles: config.assignRolesToIdentities,
                ...(start.reuseStagingOf === undefined ? {} : { reuseStagingOf: start.reuseStagingOf }),
              },
            ],
          })
        : this.temporal.client.workflow.start<typeof directorySyncWorkflow>('directorySyncWorkflow', {
            ...options,
            args: [
              {
                runId,
                dryRun: start.dryRun,
                ...(start.reuseStagingOf === undefined ? {} : { reuseStagingOf: start.reuseStagingOf }),
              },
            ],
          });
    try {
      await startOnce();
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      const closing = this.temporal.client.workflow
        .getHandle(workflowId)
        .result()
        .catch(() => undefined);
      await Promise.race([
        closing,
        new Promise((resolve) => setTimeout(resolve, PREVIOUS_RUN_CLOSE_WAIT_MS)),
      ]);
      await startOnce();
    }
  }

  /** Lets a run the safety guard stopped go on and apply its plan. */
  async approve(id: string): Promise<SyncRun> {
    const run = await this.get(id);
    if (run.status !== 'AWAITING_APPROVAL') {
      throw new AppError(ErrorCode.RUN_NOT_ACTIVE, `Run ${id} is ${run.status}, not awaiting approval.`, {
        details: { id },
      });
    }
    await this.temporal.client.workflow.getHandle(run.workflowId).signal('approve');
    return run;
  }

  /** Cancels a queued, running or waiting run; phases are transactional, so nothing is left half-applied. */
  async cancel(id: string): Promise<SyncRun> {
    const run = await this.get(id);
    if (!ACTIVE_RUN_STATUSES.includes(run.status)) {
      throw new AppError(ErrorCode.RUN_NOT_ACTIVE, `Run ${id} is ${run.status} and cannot be cancelled.`, {
        details: { id },
      });
    }
    await this.temporal.client.workflow.getHandle(run.workflowId).cancel();
    return run;
  }

  /** The partial unique index allows one QUEUED/RUNNING row per config; a lost workflow frees its slot. */
  private async insertQueuedRun(
    config: SyncConfig,
    workflowId: string,
    options: StartOptions,
  ): Promise<SyncRun> {
    for (let attempt = 0; ; attempt++) {
      const run = this.em.create(SyncRun, {
        syncConfig: config,
        workflowId,
        dryRun: options.dryRun,
        fullRequested: options.fullReconciliation ?? false,
        retryOf: options.retryOf ?? null,
        counters: {},
      });
      try {
        await this.em.flush();
        return run;
      } catch (error) {
        this.em.clear();
        if (!isUniqueViolation(error)) throw error;
        if (attempt > 0 || !(await this.releaseLostRun(config.id))) throw alreadyActive(config.id, error);
      }
    }
  }

  /** Marks an active run FAILED when its workflow no longer runs (e.g. the Temporal state was lost). */
  private async releaseLostRun(syncConfigId: string): Promise<boolean> {
    const active = await this.em.findOne(SyncRun, {
      syncConfig: syncConfigId,
      status: { $in: [...ACTIVE_RUN_STATUSES] },
    });
    if (active === null) return true;
    let running: boolean;
    try {
      const description = await this.temporal.client.workflow.getHandle(active.workflowId).describe();
      running = description.status.name === 'RUNNING';
    } catch {
      running = false;
    }
    if (running) return false;
    await this.em.nativeUpdate(
      SyncRun,
      { id: active.id },
      {
        status: 'FAILED',
        errorCode: 'WORKFLOW_LOST',
        errorMessage: "The run's workflow no longer exists.",
        finishedAt: new Date(),
      },
    );
    return true;
  }
}

function alreadyActive(syncConfigId: string, cause: unknown): AppError {
  return new AppError(
    ErrorCode.RUN_ALREADY_ACTIVE,
    'A run of this sync config is already queued or running.',
    {
      details: { syncConfigId },
      cause,
    },
  );
}
