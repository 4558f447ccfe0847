import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { spawnManaged, type ManagedProcess } from '../../src/embedded/managed-process.js';
import type { TestApp } from './test-app.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A real `rolesync worker` process (from source, through tsx) joined to a test app; fault tests kill it. */
export async function startWorkerProcess(
  app: TestApp,
  env: Record<string, string> = {},
): Promise<ManagedProcess> {
  const worker = spawnManaged(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'src/cli.ts'), 'worker'],
    {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/root',
      LOG_LEVEL: 'info',
      ...app.workerEnv,
      ...env,
    },
  );
  const deadline = Date.now() + 60_000;
  while (!worker.outputTail().includes('worker started')) {
    if (worker.child.exitCode !== null) throw new Error(`worker exited: ${worker.outputTail()}`);
    if (Date.now() > deadline) throw new Error(`worker did not start: ${worker.outputTail()}`);
    await sleep(200);
  }
  return worker;
}
