import { CancellationScope, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { DIRECTORY_READ, SET_BASED_SQL } from './activity-options.js';
import { bookkeeping, endRunAfter } from './run-ending.js';

export interface RoleSyncInput {
  runId: string;
  /** Whether to resolve members and assign roles (the config's assignRolesToIdentities). */
  assignRoles: boolean;
  /** A retry: the failed run whose staged groups this run continues from. */
  reuseStagingOf?: string;
}

export interface RoleSyncResult {
  groupsRead: number;
  roleRequestsExecuted: number;
}

const reads = proxyActivities<Activities>(DIRECTORY_READ);
const sql = proxyActivities<Activities>(SET_BASED_SQL);

/**
 * One role sync run: read groups -> groups to roles (and catalogue) -> resolve members (look-ups cached
 * for the run) -> plan one request per identity -> execute the requests, only after everything was read
 * and planned. The look-up cache is cleared whatever the outcome. Always a full run.
 */
export async function roleSyncWorkflow(input: RoleSyncInput): Promise<RoleSyncResult> {
  const run = { runId: input.runId };
  await bookkeeping.markRunStarted(run);
  try {
    const groups =
      input.reuseStagingOf === undefined
        ? await reads.stageGroups(run)
        : await sql.reuseStaging({ ...run, fromRunId: input.reuseStagingOf });
    await sql.syncRoles(run);
    let roleRequestsExecuted = 0;
    if (input.assignRoles) {
      await reads.resolveMemberLookups(run);
      await sql.planRoleRequests(run);
      roleRequestsExecuted = (await sql.commitRoleRequests(run)).roleRequestsExecuted;
    }
    await sql.cleanUpStaging(run);
    await bookkeeping.clearMemberLookups(run);
    await bookkeeping.finishRun({ ...run, status: 'SUCCEEDED' });
    return { groupsRead: groups.groupsRead, roleRequestsExecuted };
  } catch (error) {
    // The cache is cleared before the run is marked ended, so an ended run never leaves look-ups behind.
    await CancellationScope.nonCancellable(() => bookkeeping.clearMemberLookups(run));
    return endRunAfter(error, run);
  }
}
