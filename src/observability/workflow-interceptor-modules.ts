import { moduleFile } from '../runtime/module-file.js';
import { workerTracing } from './tracing.js';

/**
 * The workflow interceptor modules to bundle with the workflows: run ids on workflow log lines always,
 * OpenTelemetry workflow spans when tracing is on. A prebuilt bundle must be made with the same list.
 */
export function workflowInterceptorModules(): string[] {
  return [
    moduleFile(new URL('./run-log.workflow-interceptors.js', import.meta.url)),
    ...workerTracing().workflowModules,
  ];
}
