// Workflow interceptor module: bundled into Temporal's deterministic sandbox, so workflow-safe imports only.
import { workflowInfo, type WorkflowInterceptorsFactory } from '@temporalio/workflow';
import { runIdsOf, withRunFields, type RunIds } from './run-log-fields.js';

/**
 * Adds the sync run's ids to every log line of the workflow (the SDK's own, like "Workflow failed", and
 * any `log` call). The run id comes from the workflow's input, or, for a scheduled run that creates its
 * run first, from the first activity scheduled with one. Only reads inputs: no commands, no effect on replay.
 */
export const interceptors: WorkflowInterceptorsFactory = () => {
  let ids: RunIds = {};
  return {
    inbound: [
      {
        execute(input, next) {
          ids = runIdsOf(input.args[0], workflowInfo().workflowId);
          return next(input);
        },
      },
    ],
    outbound: [
      {
        scheduleActivity(input, next) {
          if (ids.runId === undefined) ids = { ...ids, ...runIdsOf(input.args[0], undefined) };
          return next(input);
        },
        getLogAttributes(attributes, next) {
          return next(withRunFields(attributes, ids));
        },
      },
    ],
  };
};
