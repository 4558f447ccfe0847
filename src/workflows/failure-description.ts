import { ActivityFailure, ApplicationFailure, TemporalFailure } from '@temporalio/workflow';

export interface FailureDescription {
  code: string;
  message: string;
}

/** The error code and message of a failure that ended a run, from the deepest ApplicationFailure. */
export function describeFailure(error: unknown): FailureDescription {
  let current: unknown = error;
  while (
    current instanceof ActivityFailure ||
    (current instanceof TemporalFailure && !(current instanceof ApplicationFailure))
  ) {
    if (current.cause === undefined) break;
    current = current.cause;
  }
  if (current instanceof ApplicationFailure) {
    return { code: current.type ?? 'INTERNAL', message: current.message };
  }
  if (current instanceof Error) return { code: 'INTERNAL', message: current.message };
  return { code: 'INTERNAL', message: 'The run failed for an unknown reason.' };
}
