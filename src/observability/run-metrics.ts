import type pg from 'pg';
import type { Logger } from '../logging/logger.js';
import { activeWorkflows, runDurationSeconds, runsByStatus } from './metrics.js';
import { countActive, RunMetricsRepository } from './run-metrics.repository.js';

/**
 * Observes an ended run's duration (once, by the activity that records the end). Metrics never fail a
 * run: a failed read is logged and the observation skipped.
 */
export async function observeRunEnd(
  deps: { database: { pool: pg.Pool }; logger: Logger },
  runId: string,
): Promise<void> {
  try {
    const run = await new RunMetricsRepository(deps.database.pool).endedRun(runId);
    if (run !== null) runDurationSeconds.observe({ kind: run.kind, status: run.status }, run.seconds);
  } catch (error) {
    deps.logger.warn({ err: error }, 'run duration not observed');
  }
}

/** Sets the run gauges from the run history; called at scrape time. */
export async function refreshRunGauges(pool: pg.Pool): Promise<void> {
  const byStatus = await new RunMetricsRepository(pool).runsByStatus();
  for (const [status, count] of byStatus) runsByStatus.set({ status }, count);
  activeWorkflows.set(countActive(byStatus));
}
