import { ApplicationFailure, CancellationScope, isCancellation, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { BOOKKEEPING } from './activity-options.js';
import { describeFailure } from './failure-description.js';

/** Run bookkeeping shared by the sync workflows. */
export const bookkeeping = proxyActivities<Activities>(BOOKKEEPING);

/**
 * Records how a run ended after an error, then ends the workflow the same way: a cancellation stays a
 * cancellation (recorded even while the scope is being cancelled), anything else fails with its code.
 */
export async function endRunAfter(error: unknown, run: { runId: string }): Promise<never> {
  if (isCancellation(error)) {
    await CancellationScope.nonCancellable(() => bookkeeping.finishRun({ ...run, status: 'CANCELLED' }));
    throw error;
  }
  const failure = describeFailure(error);
  await bookkeeping.finishRun({
    ...run,
    status: 'FAILED',
    errorCode: failure.code,
    errorMessage: failure.message,
  });
  throw ApplicationFailure.nonRetryable(failure.message, failure.code);
}
