import { condition, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { DIRECTORY_READ, SET_BASED_SQL } from './activity-options.js';
import { bookkeeping, endRunAfter } from './run-ending.js';

export interface DirectorySyncInput {
  runId: string;
  /** Plan only: stop after planning, apply nothing. */
  dryRun?: boolean;
  /** A retry: the failed run whose completed reads (staging) this run continues from. */
  reuseStagingOf?: string;
}

export interface DirectorySyncResult {
  usersRead: number;
  groupsRead: number;
  applied: boolean;
}

/** An operator approves a run the safety guard stopped; cancelling the workflow rejects it. */
export const approveSignal = defineSignal('approve');

const reads = proxyActivities<Activities>(DIRECTORY_READ);
const sql = proxyActivities<Activities>(SET_BASED_SQL);

/** The users, then the groups; a groups read learns whether the users read left the snapshot's staging as it was. */
async function readDirectory(run: { runId: string }): Promise<{ usersRead: number; groupsRead: number }> {
  const users = await reads.stageUsers(run);
  const groups = await reads.stageGroups({ ...run, usersAsSnapshot: users.usersAsSnapshot });
  return { usersRead: users.usersRead, groupsRead: groups.groupsRead };
}

/**
 * One directory sync run: read users -> read groups -> resolve members -> plan -> (safety guard) ->
 * apply -> clean up. The input is the run id: activities load the config and the bind secret from
 * Postgres and keep entries in staging tables, so history holds counts, never entries or secrets.
 * A failed read fails the run before planning: nothing is applied from a partial read.
 */
export async function directorySyncWorkflow(input: DirectorySyncInput): Promise<DirectorySyncResult> {
  let approved = false;
  setHandler(approveSignal, () => {
    approved = true;
  });
  const run = { runId: input.runId };
  await bookkeeping.markRunStarted(run);
  try {
    const { usersRead, groupsRead } =
      input.reuseStagingOf === undefined
        ? await readDirectory(run)
        : await sql.reuseStaging({ ...run, fromRunId: input.reuseStagingOf });
    await sql.resolveMembers(run);
    const plan = await sql.planChanges(run);
    let applied = false;
    if (input.dryRun !== true) {
      if (plan.guard.approvalNeeded) {
        await bookkeeping.awaitApproval({ ...run, reason: plan.guard.reason ?? 'safety guard' });
        await condition(() => approved);
        await bookkeeping.resumeAfterApproval(run);
      }
      applied = (await sql.applyPlan(run)) !== null;
    }
    await sql.cleanUpStaging(run);
    await bookkeeping.finishRun({ ...run, status: 'SUCCEEDED' });
    return { usersRead, groupsRead, applied };
  } catch (error) {
    return endRunAfter(error, run);
  }
}
