import { createRequire } from 'node:module';
import { context, propagation, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { ClientInterceptors } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry/lib/client/index.js';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/worker/index.js';
import type { OpenTelemetryWorkflowExporter } from '@temporalio/interceptors-opentelemetry/lib/workflow/definitions.js';
import type { ActivityInterceptorsFactory, InjectedSink } from '@temporalio/worker';
import type { TracingConfig } from '../config/app-config.js';

interface ActiveTracing {
  provider: NodeTracerProvider;
  processor: SpanProcessor;
  resource: Resource;
}

/** Tracing is process-wide, like OpenTelemetry's global tracer provider it registers. */
let active: ActiveTracing | undefined;

export interface Tracing {
  /** Flushes the spans not yet exported and unregisters the provider. */
  stop(): Promise<void>;
}

/**
 * Registers a tracer provider whose spans go to `processor`. Until this is called (and after stop)
 * nothing is traced: no interceptors, no middleware, no spans.
 */
export function startTracing(serviceName: string, processor: SpanProcessor): Tracing {
  if (active !== undefined) throw new Error('tracing is already started');
  const resource = new Resource({ ...Resource.default().attributes, 'service.name': serviceName });
  const provider = new NodeTracerProvider({ resource, spanProcessors: [processor] });
  provider.register();
  active = { provider, processor, resource };
  return {
    async stop() {
      if (active?.provider !== provider) return;
      active = undefined;
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

/** Traces to the configured OTLP/HTTP collector, in batches. */
export function startOtlpTracing(config: TracingConfig): Tracing {
  return startTracing(
    config.serviceName,
    new BatchSpanProcessor(new OTLPTraceExporter({ url: config.otlpTracesUrl })),
  );
}

export function isTracingEnabled(): boolean {
  return active !== undefined;
}

/** Starting a workflow, signalling it, ... continues the caller's trace (the GraphQL operation's) in the workflow. */
export function temporalClientInterceptors(): ClientInterceptors {
  return active === undefined ? {} : { workflow: [new OpenTelemetryWorkflowClientInterceptor()] };
}

export interface WorkerTracing {
  activityInterceptors: ActivityInterceptorsFactory[];
  /** Workflow spans are made in the sandbox and leave it through this sink. */
  sinks: { exporter?: InjectedSink<OpenTelemetryWorkflowExporter> };
  workflowModules: string[];
}

/** Interceptors, workflow interceptor modules and sinks that trace workflows and activities; none when off. */
export function workerTracing(): WorkerTracing {
  if (active === undefined) return { activityInterceptors: [], sinks: {}, workflowModules: [] };
  return {
    activityInterceptors: [
      (ctx) => ({
        inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
        outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
      }),
    ],
    sinks: { exporter: makeWorkflowExporter(active.processor, active.resource) },
    workflowModules: [
      createRequire(import.meta.url).resolve(
        '@temporalio/interceptors-opentelemetry/lib/workflow-interceptors',
      ),
    ],
  };
}
