import type pg from 'pg';
import type { EndedRun } from '../db/sync-run.repository.js';
import { activeWorkflows, runDurationSeconds, runsByStatus } from './metrics.js';
import { countActive, RunMetricsRepository } from './run-metrics.repository.js';

/** Observes an ended run's duration, once, by the activity that records the end. */
export function observeRunDuration(run: EndedRun): void {
  runDurationSeconds.observe({ kind: run.kind, status: run.status }, run.seconds);
}

/** Sets the run gauges from the run history; called at scrape time. */
export async function refreshRunGauges(pool: pg.Pool): Promise<void> {
  const byStatus = await new RunMetricsRepository(pool).runsByStatus();
  for (const [status, count] of byStatus) runsByStatus.set({ status }, count);
  activeWorkflows.set(countActive(byStatus));
}
