import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities/index.js';
import { runLogActivityInterceptors } from '../observability/run-log.activity-interceptors.js';
import { workerTracing } from '../observability/tracing.js';
import { workflowInterceptorModules } from '../observability/workflow-interceptor-modules.js';
import { moduleFile } from '../runtime/module-file.js';

export interface WorkerSettings {
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  /**
   * A prebuilt workflow bundle (tests build it once, with workflowInterceptorModules()); otherwise the
   * worker bundles at start.
   */
  workflowBundlePath?: string;
}

export interface RunningWorker {
  worker: Worker;
  /** Resolves when the worker has stopped; rejects if it failed. */
  done: Promise<void>;
  stop(): Promise<void>;
}

/** The workflows' entry file: `.js` in the built output, `.ts` when running from source (tests). */
export function workflowsEntryPath(): string {
  return moduleFile(new URL('../workflows/index.js', import.meta.url));
}

export async function startWorker(settings: WorkerSettings, deps: ActivityDeps): Promise<RunningWorker> {
  const connection = await NativeConnection.connect({ address: settings.temporalAddress });
  const workflowSource: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> =
    settings.workflowBundlePath === undefined
      ? { workflowsPath: workflowsEntryPath() }
      : { workflowBundle: { codePath: settings.workflowBundlePath } };
  const tracing = workerTracing();
  const worker = await Worker.create({
    connection,
    namespace: settings.namespace,
    taskQueue: settings.taskQueue,
    activities: createActivities(deps),
    ...workflowSource,
    interceptors: {
      activity: [runLogActivityInterceptors(deps.logger), ...tracing.activityInterceptors],
      ...(settings.workflowBundlePath === undefined ? { workflowModules: workflowInterceptorModules() } : {}),
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
