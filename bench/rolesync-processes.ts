// Rolesync as it is deployed for scale-out: one `rolesync worker` and one `rolesync api` process
// (the built dist/cli.js with its prebuilt workflow bundle, as in production: `npm run bench` builds
// it first), on the benchmark's Postgres database and Temporal server.
// Separate processes give the worker and the API their own peak RSS and CPU time, and nothing of
// the benchmark harness is counted in them.
import { createWriteStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort } from '../src/embedded/free-port.js';
import { spawnManaged, type ManagedProcess } from '../src/embedded/managed-process.js';
import { runChecked } from '../src/embedded/run-command.js';
import { readPeakRss, readProcessCpu, readRss, resetPeakRss } from './process-metrics.js';

export interface RolesyncProcess {
  role: 'api' | 'worker';
  pid: number;
  resetPeakRss(): void;
  peakRssBytes(): number;
  rssBytes(): number;
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export interface RolesyncDeployment {
  graphqlUrl: string;
  /** An ADMIN API token made with `rolesync create-token`, as an operator gets the first one. */
  apiToken: string;
  api: RolesyncProcess;
  worker: RolesyncProcess;
  stop(): Promise<void>;
}

export interface RolesyncDeploymentOptions {
  databaseUrl: string;
  temporalAddress: string;
  taskQueue: string;
  /** base64 of 32 bytes: encrypts the directory's bind password at rest. */
  secretKey: string;
  /** Where each process writes its log (worker.log, api.log). */
  logDir: string;
  /** Writes a V8 CPU profile of each process here when it exits (node --cpu-prof). */
  cpuProfileDir?: string;
  /** Further Node/V8 flags for both processes. */
  nodeFlags: readonly string[];
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist/cli.js');
const START_TIMEOUT_MS = 180_000;

/**
 * Starts the worker (it migrates the fresh database), makes an admin token, then starts the API; both
 * are stopped if anything fails.
 */
export async function startRolesync(options: RolesyncDeploymentOptions): Promise<RolesyncDeployment> {
  if (!existsSync(CLI))
    throw new Error(`${CLI} is missing: run \`npm run build:server\` first (npm run bench does)`);
  const worker = await startRole('worker', options, {}, /"msg":"worker started"/);
  try {
    const apiToken = await createAdminToken(options);
    const port = await findFreePort();
    const api = await startRole(
      'api',
      options,
      { HOST: '127.0.0.1', PORT: String(port) },
      /"msg":"API listening"/,
    );
    return {
      graphqlUrl: `http://127.0.0.1:${port}/graphql`,
      apiToken,
      api,
      worker,
      async stop() {
        await api.stop();
        await worker.stop();
      },
    };
  } catch (error) {
    await worker.stop();
    throw error;
  }
}

async function startRole(
  role: RolesyncProcess['role'],
  options: RolesyncDeploymentOptions,
  extraEnv: NodeJS.ProcessEnv,
  readyLine: RegExp,
): Promise<RolesyncProcess> {
  const nodeArgs = [...options.nodeFlags];
  if (options.cpuProfileDir !== undefined) {
    nodeArgs.push(
      '--cpu-prof',
      '--cpu-prof-dir',
      options.cpuProfileDir,
      '--cpu-prof-name',
      `${role}.cpuprofile`,
    );
  }
  const server = spawnManaged(process.execPath, [...nodeArgs, CLI, role], {
    ...rolesyncEnv(options),
    ...extraEnv,
  });
  const log = createWriteStream(join(options.logDir, `${role}.log`));
  server.child.stdout?.pipe(log);
  server.child.stderr?.pipe(log);
  try {
    await waitForLine(server, readyLine, `rolesync ${role}`);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const pid = server.child.pid;
  if (pid === undefined) throw new Error(`rolesync ${role} has no pid`);
  return {
    role,
    pid,
    resetPeakRss: () => resetPeakRss(pid),
    peakRssBytes: () => readPeakRss(pid),
    rssBytes: () => readRss(pid),
    cpuSeconds: () => readProcessCpu(pid),
    stop: () => server.stop(30_000),
  };
}

function rolesyncEnv(options: RolesyncDeploymentOptions): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    TEMPORAL_ADDRESS: options.temporalAddress,
    TEMPORAL_TASK_QUEUE: options.taskQueue,
    ROLESYNC_SECRET_KEY: options.secretKey,
    LOG_LEVEL: 'info',
  };
}

/** `rolesync create-token` prints the secret alone on its last line. */
async function createAdminToken(options: RolesyncDeploymentOptions): Promise<string> {
  const result = await runChecked(
    process.execPath,
    [CLI, 'create-token', '--name', 'bench', '--role', 'ADMIN'],
    { env: { ...rolesyncEnv(options), LOG_LEVEL: 'warn' }, timeoutMs: START_TIMEOUT_MS },
  );
  const secret = result.stdout.trim().split('\n').at(-1)?.trim();
  if (secret === undefined || secret === '')
    throw new Error(`create-token printed no token: ${result.stdout}`);
  return secret;
}

/** Resolves once the process prints a line matching pattern; rejects when it exits or times out first. */
function waitForLine(server: ManagedProcess, pattern: RegExp, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => {
      finish(new Error(`${name} did not start within ${START_TIMEOUT_MS / 1000} s: ${server.outputTail()}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      seen = (seen + chunk.toString('utf8')).slice(-65_536);
      if (pattern.test(seen)) finish();
    };
    const onExit = (): void => {
      finish(new Error(`${name} exited while starting: ${server.outputTail()}`));
    };
    const finish = (error?: Error): void => {
      clearTimeout(timer);
      server.child.stdout?.off('data', onData);
      server.child.off('exit', onExit);
      if (error === undefined) resolve();
      else reject(error);
    };
    server.child.stdout?.on('data', onData);
    server.child.once('exit', onExit);
  });
}
