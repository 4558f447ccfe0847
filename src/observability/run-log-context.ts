import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line written while an activity of a run executes carries. */
export interface RunLogFields {
  /** The sync run (sync_run.id), when the activity works on one. */
  runId?: string;
  syncConfigId?: string;
  /** A manual role request's id, for its provisioning workflow. */
  requestId?: string;
  workflowId?: string;
  /** Temporal's id of the workflow execution (not to be confused with runId). */
  temporalRunId?: string;
  activityType?: string;
}

const storage = new AsyncLocalStorage<RunLogFields>();

/** Runs fn so that every log line written inside it (at any depth, across awaits) carries the fields. */
export function withRunLogFields<T>(fields: RunLogFields, fn: () => T): T {
  return storage.run(fields, fn);
}

/**
 * A copy of the fields of the run being worked on here (none outside a run): the pino mixin of every
 * logger. A copy, because pino merges each line's own fields into what the mixin returns.
 */
export function currentRunLogFields(): RunLogFields {
  return { ...storage.getStore() };
}
