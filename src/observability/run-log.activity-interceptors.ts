import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import type { Logger } from '../logging/logger.js';
import { withRunLogFields, type RunLogFields } from './run-log-context.js';
import { runIdsOf, withRunFields } from './run-log-fields.js';

/**
 * Gives every activity execution its run's log fields (run id, config id, workflow id, activity type):
 * everything logged while it runs, through any logger of the process and from any depth, carries them,
 * and so do the SDK's own lines about the execution ("Activity failed"). Logs how long it took.
 */
export function runLogActivityInterceptors(logger: Logger): ActivityInterceptorsFactory {
  return ({ info }) => {
    const workflowId = info.workflowExecution?.workflowId;
    let fields: RunLogFields = {
      activityType: info.activityType,
      ...(info.workflowExecution === undefined
        ? {}
        : { workflowId, temporalRunId: info.workflowExecution.runId }),
    };
    return {
      inbound: {
        execute(input, next) {
          fields = { ...fields, ...runIdsOf(input.args[0], workflowId) };
          return withRunLogFields(fields, async () => {
            const started = performance.now();
            logger.debug('activity started');
            try {
              return await next(input);
            } finally {
              logger.debug({ durationMs: Math.round(performance.now() - started) }, 'activity finished');
            }
          });
        },
      },
      outbound: {
        getLogAttributes(attributes, next) {
          return next(withRunFields(attributes, fields));
        },
      },
    };
  };
}
