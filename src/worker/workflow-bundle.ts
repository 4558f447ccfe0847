import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowInterceptorModules } from '../observability/workflow-interceptor-modules.js';
import { moduleFile } from '../runtime/module-file.js';

/**
 * Where `npm run build` leaves the prebuilt workflow bundle (dist/workflow-bundle.js). A worker that finds
 * it skips bundling at start: about 115 MB less memory and seconds less start-up. Running from source
 * there is no such file, so edited workflows are always bundled fresh.
 */
export const PREBUILT_WORKFLOW_BUNDLE = fileURLToPath(new URL('../workflow-bundle.js', import.meta.url));

/** The workflows' entry file: `.js` in the built output, `.ts` when running from source (tests). */
export function workflowsEntryPath(): string {
  return moduleFile(new URL('../workflows/index.js', import.meta.url));
}

/** The workflow code with the interceptor modules of this process (see workflowInterceptorModules). */
export async function bundleWorkflows(): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: workflowsEntryPath(),
    workflowInterceptorModules: workflowInterceptorModules(),
    logger: silentLogger,
  });
  return code;
}

export function prebuiltWorkflowBundlePath(): string | undefined {
  return existsSync(PREBUILT_WORKFLOW_BUNDLE) ? PREBUILT_WORKFLOW_BUNDLE : undefined;
}

const noop = (): void => undefined;
// The bundler's webpack chatter is not worth a log line; its errors reject the promise.
const silentLogger = { log: noop, trace: noop, debug: noop, info: noop, warn: noop, error: noop };
