import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities/index.js';
import { runLogActivityInterceptors } from '../observability/run-log.activity-interceptors.js';
import { workerTracing } from '../observability/tracing.js';
import { workflowInterceptorModules } from '../observability/workflow-interceptor-modules.js';
import { prebuiltWorkflowBundlePath, workflowsEntryPath } from './workflow-bundle.js';

export interface WorkerSettings {
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  /**
   * A prebuilt workflow bundle (tests build it once, with workflowInterceptorModules()). Without it the
   * worker uses the bundle `npm run build` made, or bundles at start (from source, or with tracing on:
   * the tracing interceptors are not in the prebuilt bundle).
   */
  workflowBundlePath?: string;
}

export interface RunningWorker {
  worker: Worker;
  /** Resolves when the worker has stopped; rejects if it failed. */
  done: Promise<void>;
  stop(): Promise<void>;
}

export async function startWorker(settings: WorkerSettings, deps: ActivityDeps): Promise<RunningWorker> {
  const connection = await NativeConnection.connect({ address: settings.temporalAddress });
  const tracing = workerTracing();
  const bundlePath =
    settings.workflowBundlePath ??
    (tracing.workflowModules.length === 0 ? prebuiltWorkflowBundlePath() : undefined);
  const workflowSource: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> =
    bundlePath === undefined
      ? { workflowsPath: workflowsEntryPath() }
      : { workflowBundle: { codePath: bundlePath } };
  const worker = await Worker.create({
    connection,
    namespace: settings.namespace,
    taskQueue: settings.taskQueue,
    activities: createActivities(deps),
    ...workflowSource,
    interceptors: {
      activity: [runLogActivityInterceptors(deps.logger), ...tracing.activityInterceptors],
      ...(bundlePath === undefined ? { workflowModules: workflowInterceptorModules() } : {}),
    },
    sinks: tracing.sinks,
    maxConcurrentActivityTaskExecutions: 20,
    shutdownGraceTime: '10s',
  });
  const done = worker.run().finally(() => connection.close());
  return {
    worker,
    done,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}
