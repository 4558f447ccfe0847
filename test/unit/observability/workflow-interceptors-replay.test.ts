import { readdirSync, readFileSync } from 'node:fs';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTracing, workerTracing, type Tracing } from '../../../src/observability/tracing.js';
import { workflowInterceptorModules } from '../../../src/observability/workflow-interceptor-modules.js';
import { workflowsEntryPath } from '../../../src/worker/workflow-bundle.js';

/**
 * The workflow interceptors (run ids on log lines, OpenTelemetry spans) must not change what a workflow
 * does: every recorded history replays with both in the bundle.
 */
const HISTORIES_DIR = new URL('../../fixtures/histories/', import.meta.url);
const histories = readdirSync(HISTORIES_DIR).filter((file) => file.endsWith('.json'));
let tracing: Tracing;
let code: string;

beforeAll(async () => {
  tracing = startTracing('rolesync-replay-test', new SimpleSpanProcessor(new InMemorySpanExporter()));
  const noop = (): void => undefined;
  ({ code } = await bundleWorkflowCode({
    workflowsPath: workflowsEntryPath(),
    workflowInterceptorModules: workflowInterceptorModules(),
    logger: { log: noop, trace: noop, debug: noop, info: noop, warn: noop, error: noop },
  }));
}, 120_000);
afterAll(async () => {
  await tracing.stop();
});

describe('workflow interceptors', () => {
  it('are both bundled when tracing is on', () => {
    expect(workflowInterceptorModules()).toEqual([
      expect.stringMatching(/run-log\.workflow-interceptors\.ts$/),
      expect.stringMatching(/interceptors-opentelemetry\/lib\/workflow-interceptors\.js$/),
    ]);
  });

  it.each(histories)(
    'keep %s replaying deterministically',
    async (file) => {
      const history: unknown = JSON.parse(readFileSync(new URL(file, HISTORIES_DIR), 'utf8'));
      await expect(
        Worker.runReplayHistory({ workflowBundle: { code }, sinks: workerTracing().sinks }, history, file),
      ).resolves.toBeUndefined();
    },
    60_000,
  );
});
