import { ApplicationFailure } from '@temporalio/common';
import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import { mapActivities } from './map-activities.js';

/**
 * Maps errors leaving an activity to Temporal failures whose type is our error code. Configuration and
 * credential errors are non-retryable; everything else is retried by the activity's retry policy.
 * Only the code and the human message travel (into workflow history): never a cause chain with secrets.
 */
export function toApplicationFailure(error: unknown): ApplicationFailure {
  if (error instanceof ApplicationFailure) return error;
  if (error instanceof AppError) {
    return ApplicationFailure.create({
      type: error.code,
      message: error.message,
      nonRetryable: !error.retryable,
    });
  }
  return ApplicationFailure.create({
    type: ErrorCode.INTERNAL,
    message: error instanceof Error ? error.message : 'Unexpected failure',
    nonRetryable: false,
  });
}

/** Wraps every activity of a record so that failures leave it as coded ApplicationFailures. */
export function withFailureMapping<T extends Record<string, (input: never) => Promise<unknown>>>(
  activities: T,
): T {
  return mapActivities(activities, (activity) => async (input) => {
    try {
      return await activity(input);
    } catch (error) {
      throw toApplicationFailure(error);
    }
  });
}
