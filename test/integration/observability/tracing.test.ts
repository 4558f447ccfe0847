import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  isTracingEnabled,
  startOtlpTracing,
  startTracing,
  type Tracing,
} from '../../../src/observability/tracing.js';
import { directorySyncWorkflowId } from '../../../src/workflows/workflow-ids.js';
import {
  createDirectory,
  createSyncConfig,
  directoryInputFor,
  syncConfigInputFor,
} from '../../support/factories.js';
import { runSync } from '../../support/sync-runs.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const { slapd } = inject('servers');

describe('tracing', () => {
  describe('across API, workflow and activities', () => {
    const exporter = new InMemorySpanExporter();
    let tracing: Tracing;
    let app: TestApp;

    beforeAll(async () => {
      tracing = startTracing('rolesync-test', new SimpleSpanProcessor(exporter));
      // Bundled at start, so the workflow bundle gets the OpenTelemetry interceptors.
      app = await startTestApp({ bundleWorkflows: true });
    });
    afterAll(async () => {
      await app.stop();
      await tracing.stop();
    });

    it('puts the startSync operation, its workflow and its activities in one trace', async () => {
      const directory = await createDirectory(app, directoryInputFor(slapd));
      const config = await createSyncConfig(app, syncConfigInputFor(slapd, directory.id));
      const run = await runSync(app, config.id, { dryRun: true });
      expect(run.status).toBe('SUCCEEDED');
      // The run's row ends before its workflow does; the workflow's span ends with its completion.
      await app.temporal.client.workflow.getHandle(directorySyncWorkflowId(config.id)).result();

      const spans = exporter.getFinishedSpans();
      const named = (name: string): ReadableSpan => {
        const span = spans.find((candidate) => candidate.name === name);
        if (span === undefined)
          throw new Error(`no span ${name} among ${spans.map((s) => s.name).join(', ')}`);
        return span;
      };
      const operation = named('graphql mutation startSync');
      expect(operation.attributes).toMatchObject({
        'graphql.operation.type': 'mutation',
        'graphql.operation.name': 'startSync',
      });
      const { traceId } = operation.spanContext();
      for (const name of [
        'StartWorkflow:directorySyncWorkflow',
        'RunWorkflow:directorySyncWorkflow',
        'StartActivity:stageUsers',
        'RunActivity:stageUsers',
        'RunActivity:finishRun',
      ]) {
        expect(named(name).spanContext().traceId, name).toBe(traceId);
      }
      // Every span of the run's trace is a descendant of the operation's.
      const ofTrace = spans.filter((span) => span.spanContext().traceId === traceId);
      const ids = new Set(ofTrace.map((span) => span.spanContext().spanId));
      for (const span of ofTrace) {
        if (span !== operation) expect(ids.has(span.parentSpanId ?? ''), span.name).toBe(true);
      }
    });

    it('marks a failed operation with its error code, never its message', async () => {
      exporter.reset();
      const result = await app.gql(
        `mutation { startSync(syncConfigId: "00000000-0000-4000-8000-000000000000") { id } }`,
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const span = exporter.getFinishedSpans().find((s) => s.name === 'graphql mutation startSync');
      expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'NOT_FOUND' });
    });
  });

  it('exports to an OTLP/HTTP collector when configured, and flushes on stop', async () => {
    const received: { path: string; body: string }[] = [];
    const collector: Server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ path: request.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const { port } = collector.address() as AddressInfo;
    try {
      const tracing = startOtlpTracing({
        otlpTracesUrl: `http://127.0.0.1:${port}/v1/traces`,
        serviceName: 'rolesync-otlp-test',
      });
      trace.getTracer('test').startSpan('a span to export').end();
      await tracing.stop();
      expect(received).toHaveLength(1);
      expect(received[0]?.path).toBe('/v1/traces');
      expect(received[0]?.body).toContain('a span to export');
      expect(received[0]?.body).toContain('rolesync-otlp-test');
      expect(isTracingEnabled()).toBe(false);
    } finally {
      await new Promise((resolve) => collector.close(resolve));
    }
  });
});
