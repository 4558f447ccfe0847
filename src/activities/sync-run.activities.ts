import { setTimeout as sleep } from 'node:timers/promises';
import { Context } from '@temporalio/activity';
import { RunLogRepository } from '../db/run-log.repository.js';
import { SyncRunRepository } from '../db/sync-run.repository.js';
import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import { observeRunDuration } from '../observability/run-metrics.js';
import type { SyncKind } from '../domain/directory-kinds.js';
import { loadRunContext } from './run-context.js';
import type { ActivityDeps } from './activity-deps.js';
import type { RunInput } from './read-directory.activities.js';

export interface FinishRunInput extends RunInput {
  status: 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
  errorCode?: string;
  errorMessage?: string;
}

/** How long one attempt of markRunStarted waits for a slot (within the 1-minute bookkeeping timeout). */
const SLOT_WAIT_MS = 40_000;
const SLOT_POLL_MS = 500;

/** Run bookkeeping: the only writes a workflow makes outside its phases. */
export function createSyncRunActivities(deps: ActivityDeps) {
  const runs = new SyncRunRepository(deps.database.pool);
  const log = new RunLogRepository(deps.database.pool);
  return {
    /**
     * Waits (QUEUED) for a run slot of the directory, up to SLOT_WAIT_MS per attempt; then fails with
     * DIRECTORY_BUSY so Temporal retries it with backoff, and after the last attempt the run fails.
     */
    async markRunStarted({ runId }: RunInput): Promise<void> {
      const deadline = Date.now() + SLOT_WAIT_MS;
      let logged = false;
      for (;;) {
        const slot = await runs.markRunning(runId);
        if (slot.started) return;
        if (!logged && Context.current().info.attempt === 1) {
          logged = true;
          await log.append(
            runId,
            'INFO',
            'QUEUED',
            `Waiting for a run slot: ${String(slot.active)} runs of this directory are active (limit ${String(slot.max)})`,
          );
        }
        if (Date.now() > deadline) {
          throw new AppError(
            ErrorCode.DIRECTORY_BUSY,
            `The directory already has ${String(slot.active)} active runs (limit ${String(slot.max)}).`,
          );
        }
        await sleep(SLOT_POLL_MS);
      }
    },

    /** Creates the row of a scheduled run; null when a run of the config is active (the schedule skips). */
    async createScheduledRun({
      syncConfigId,
    }: {
      syncConfigId: string;
    }): Promise<{ runId: string; kind: SyncKind; assignRoles: boolean } | null> {
      const workflowId = Context.current().info.workflowExecution?.workflowId;
      if (workflowId === undefined) throw new Error('createScheduledRun runs only inside a workflow');
      const runId = await runs.insertScheduled(syncConfigId, workflowId);
      if (runId === null) {
        deps.logger.info({ syncConfigId, workflowId }, 'scheduled run skipped: a run is active');
        return null;
      }
      const { config } = await loadRunContext(deps.database.orm.em.fork(), runId);
      return { runId, kind: config.kind, assignRoles: config.assignRolesToIdentities };
    },

    async finishRun(input: FinishRunInput): Promise<void> {
      const error =
        input.errorCode === undefined
          ? undefined
          : { code: input.errorCode, message: input.errorMessage ?? input.errorCode };
      const ended = await runs.finish(input.runId, input.status, error);
      // Observed with no await after the write, so whoever sees the run ended also sees its duration.
      if (ended !== null) observeRunDuration(ended);
      await runs.announceEnd(input.runId);
      deps.logger.info(
        { runId: input.runId, status: input.status, errorCode: input.errorCode },
        'sync run finished',
      );
    },
  };
}
