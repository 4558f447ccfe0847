import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logging/logger.js';
import { withRunLogFields } from '../../../src/observability/run-log-context.js';
import { runIdsOf } from '../../../src/observability/run-log-fields.js';
import { logTemporalEntry, temporalLogLevel } from '../../../src/observability/temporal-log.js';

function capture(): { lines: Record<string, unknown>[]; logger: ReturnType<typeof createLogger> } {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger(
    'debug',
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
        done();
      },
    }),
  );
  return { lines, logger };
}

describe('Temporal lines in pino', () => {
  it("keep Temporal's execution id apart from the sync run id", () => {
    const { lines, logger } = capture();
    logTemporalEntry(logger, {
      level: 'WARN',
      message: 'Workflow task failed',
      timestampNanos: 0n,
      meta: { workflowId: 'directory-sync/c1', runId: 'temporal-1', sdkComponent: 'worker' },
    });
    logTemporalEntry(logger, {
      level: 'INFO',
      message: 'Workflow failed',
      timestampNanos: 0n,
      meta: {
        workflowId: 'directory-sync/c1',
        temporalRunId: 'temporal-1',
        runId: 'run-1',
        error: new Error('boom'),
      },
    });
    expect(lines[0]).toMatchObject({ level: 40, msg: 'Workflow task failed', temporalRunId: 'temporal-1' });
    expect(lines[0]).not.toHaveProperty('runId');
    expect(lines[1]).toMatchObject({
      level: 30,
      temporalRunId: 'temporal-1',
      runId: 'run-1',
      err: { message: 'boom' },
    });
  });

  it('add the run fields of the activity they are written in, and never leak them past it', () => {
    const { lines, logger } = capture();
    withRunLogFields({ runId: 'run-2', activityType: 'stageUsers' }, () => {
      logger.info({ status: 'x' }, 'inside');
      logger.info('inside again');
    });
    logger.info('outside');
    expect(lines.map(({ runId, activityType, status }) => ({ runId, activityType, status }))).toEqual([
      { runId: 'run-2', activityType: 'stageUsers', status: 'x' },
      { runId: 'run-2', activityType: 'stageUsers', status: undefined },
      { runId: undefined, activityType: undefined, status: undefined },
    ]);
  });

  it('are never below INFO (the SDK debug lines come before any run id is known)', () => {
    expect(['trace', 'debug', 'info', 'warn', 'error', 'silent'].map(temporalLogLevel)).toEqual([
      'INFO',
      'INFO',
      'INFO',
      'WARN',
      'ERROR',
      'ERROR',
    ]);
  });
});

describe('runIdsOf', () => {
  it("reads the ids of an input, the config id also from a sync workflow's id", () => {
    expect(runIdsOf({ runId: 'r', dryRun: true }, 'directory-sync/c1/scheduled-2026')).toEqual({
      runId: 'r',
      syncConfigId: 'c1',
    });
    expect(runIdsOf({ requestId: 'q' }, 'role-request/q')).toEqual({ requestId: 'q' });
    expect(runIdsOf(undefined, undefined)).toEqual({});
  });
});
