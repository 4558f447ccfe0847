import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { Logger } from '../logging/logger.js';

let installed = false;

/**
 * Routes the Temporal SDK's own logs (warnings and up) into our logger, and leaves signal handling to
 * the process (the CLI stops its parts in order). The runtime can be installed once per process.
 */
export function installTemporalRuntime(logger: Logger): void {
  if (installed) return;
  installed = true;
  Runtime.install({
    shutdownSignals: [],
    logger: new DefaultLogger('WARN', (entry) => {
      logger.warn({ temporal: entry.meta }, entry.message);
    }),
  });
}
