import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { Logger } from '../logging/logger.js';
import { logTemporalEntry, temporalLogLevel } from '../observability/temporal-log.js';

let installed = false;

/**
 * Routes the Temporal SDK's own logs (worker, workflows, activities) into our logger, and leaves signal
 * handling to the process (the CLI stops its parts in order). The runtime can be installed once per process.
 */
export function installTemporalRuntime(logger: Logger): void {
  if (installed) return;
  installed = true;
  Runtime.install({
    shutdownSignals: [],
    logger: new DefaultLogger(temporalLogLevel(logger.level), (entry) => {
      logTemporalEntry(logger, entry);
    }),
  });
}
