import type { LogEntry, LogLevel as TemporalLogLevel } from '@temporalio/worker';
import type { Logger } from '../logging/logger.js';
import { withRunFields } from './run-log-fields.js';

/**
 * The Temporal runtime's level for a pino level. Never below INFO: the SDK's debug lines ("Activity
 * started", "Workflow started") are written before a run's ids are known to any interceptor, and our
 * own activity lines say the same with the ids.
 */
export function temporalLogLevel(level: string): TemporalLogLevel {
  if (level === 'warn') return 'WARN';
  if (level === 'error' || level === 'fatal' || level === 'silent') return 'ERROR';
  return 'INFO';
}

const PINO_METHOD = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;

/**
 * Writes one line of the Temporal SDK (worker, workflow `log` through its sink, activity context) as a
 * pino line with its fields at the top level: workflowId, and the run ids the interceptors added.
 */
export function logTemporalEntry(logger: Logger, entry: LogEntry): void {
  const { error, ...meta }: Record<string, unknown> = { ...entry.meta };
  // Lines that passed our interceptors carry temporalRunId already; others still use Temporal's names.
  const fields = 'temporalRunId' in meta ? meta : withRunFields(meta, {});
  logger[PINO_METHOD[entry.level]](
    { ...fields, ...(error === undefined ? {} : { err: error }) },
    entry.message,
  );
}
