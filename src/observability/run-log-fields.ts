// Pure: shared by the activity interceptor (Node) and the workflow interceptor (Temporal's sandbox).
import { syncConfigIdOfWorkflowId } from '../workflows/workflow-ids.js';
import type { RunLogFields } from './run-log-context.js';

export type RunIds = Pick<RunLogFields, 'runId' | 'syncConfigId' | 'requestId'>;

/**
 * The ids an activity's or workflow's input names (`{ runId }`, `{ syncConfigId }`, `{ requestId }`);
 * the config id otherwise comes from a sync workflow's id.
 */
export function runIdsOf(input: unknown, workflowId: string | undefined): RunIds {
  const ids: RunIds = {};
  if (typeof input === 'object' && input !== null) {
    if ('runId' in input && typeof input.runId === 'string') ids.runId = input.runId;
    if ('syncConfigId' in input && typeof input.syncConfigId === 'string')
      ids.syncConfigId = input.syncConfigId;
    if ('requestId' in input && typeof input.requestId === 'string') ids.requestId = input.requestId;
  }
  const syncConfigId =
    ids.syncConfigId ?? (workflowId === undefined ? undefined : syncConfigIdOfWorkflowId(workflowId));
  return syncConfigId === undefined ? ids : { ...ids, syncConfigId };
}

/**
 * Temporal names its execution id `runId` (workflow lines) or `workflowRunId` (activity lines); in
 * Rolesync's logs `runId` is the sync run. Temporal's id moves to `temporalRunId`, and the run fields
 * known here are added.
 */
export function withRunFields(
  attributes: Record<string, unknown>,
  known: RunLogFields,
): Record<string, unknown> {
  const { runId, workflowRunId, ...rest } = attributes;
  const temporalRunId = workflowRunId ?? runId;
  return { ...rest, ...(temporalRunId === undefined ? {} : { temporalRunId }), ...known };
}
