import { directorySyncWorkflow, type DirectorySyncResult } from './directory-sync.workflow.js';
import { roleSyncWorkflow, type RoleSyncResult } from './role-sync.workflow.js';
import { bookkeeping } from './run-ending.js';

export interface ScheduledSyncInput {
  syncConfigId: string;
}

/**
 * What a config's Temporal Schedule starts: creates the run row (shared history with manual runs), then
 * runs it like a manual one. When a run of the config is already active, it ends without a run.
 */
export async function scheduledSyncWorkflow(
  input: ScheduledSyncInput,
): Promise<DirectorySyncResult | RoleSyncResult | null> {
  const run = await bookkeeping.createScheduledRun(input);
  if (run === null) return null;
  return run.kind === 'ROLE_SYNC'
    ? roleSyncWorkflow({ runId: run.runId, assignRoles: run.assignRoles })
    : directorySyncWorkflow({ runId: run.runId });
}
