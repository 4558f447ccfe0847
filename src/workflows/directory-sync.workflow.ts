import { ApplicationFailure, CancellationScope, isCancellation, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { BOOKKEEPING, DIRECTORY_READ } from './activity-options.js';
import { describeFailure } from './failure-description.js';

export interface DirectorySyncInput {
  runId: string;
}

export interface DirectorySyncResult {
  usersRead: number;
  groupsRead: number;
  memberOfValuesRead: number;
  groupMemberValuesRead: number;
}

const bookkeeping = proxyActivities<Activities>(BOOKKEEPING);
const reads = proxyActivities<Activities>(DIRECTORY_READ);

/**
 * One sync run. The input is the run id only: activities load the config and the bind secret from
 * Postgres and stage directory entries there, so history holds counts, never entries or secrets.
 */
export async function directorySyncWorkflow(input: DirectorySyncInput): Promise<DirectorySyncResult> {
  await bookkeeping.markRunStarted(input);
  try {
    const users = await reads.stageUsers(input);
    const groups = await reads.stageGroups(input);
    await bookkeeping.finishRun({ ...input, status: 'SUCCEEDED' });
    return {
      usersRead: users.usersRead,
      groupsRead: groups.groupsRead,
      memberOfValuesRead: users.memberOfValuesRead,
      groupMemberValuesRead: groups.groupMemberValuesRead,
    };
  } catch (error) {
    if (isCancellation(error)) {
      await CancellationScope.nonCancellable(() => bookkeeping.finishRun({ ...input, status: 'CANCELLED' }));
      throw error;
    }
    const failure = describeFailure(error);
    await bookkeeping.finishRun({
      ...input,
      status: 'FAILED',
      errorCode: failure.code,
      errorMessage: failure.message,
    });
    throw ApplicationFailure.nonRetryable(failure.message, failure.code);
  }
}
