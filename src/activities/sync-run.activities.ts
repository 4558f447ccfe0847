import { Context } from '@temporalio/activity';
import { SyncRunRepository } from '../db/sync-run.repository.js';
import { observeRunEnd } from '../observability/run-metrics.js';
import type { SyncKind } from '../domain/directory-kinds.js';
import { loadRunContext } from './run-context.js';
import type { ActivityDeps } from './activity-deps.js';
import type { RunInput } from './read-directory.activities.js';

export interface FinishRunInput extends RunInput {
  status: 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
  errorCode?: string;
  errorMessage?: string;
}

/** Run bookkeeping: the only writes a workflow makes outside its phases. */
export function createSyncRunActivities(deps: ActivityDeps) {
  const runs = new SyncRunRepository(deps.database.pool);
  return {
    async markRunStarted({ runId }: RunInput): Promise<void> {
      await runs.markRunning(runId);
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
      await runs.finish(input.runId, input.status, error);
      await observeRunEnd(deps, input.runId);
      deps.logger.info(
        { runId: input.runId, status: input.status, errorCode: input.errorCode },
        'sync run finished',
      );
    },
  };
}
