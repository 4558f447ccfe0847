import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnManaged, waitForPort, type ManagedProcess } from './managed-process.js';

export interface TemporalDevServerOptions {
  cliPath: string;
  port: number;
  /** 0 disables the web UI. */
  uiPort: number;
  /** SQLite file for persistent state; undefined keeps state in memory (tests). */
  dbFile: string | undefined;
  namespace: string;
  /** Dynamic config values; DEV_SERVER_DYNAMIC_CONFIG unless given ([]: Temporal's defaults). */
  dynamicConfig?: readonly DynamicConfigValue[];
}

export type DynamicConfigValue = readonly [key: string, value: number | boolean];

export interface TemporalDevServer {
  address: string;
  stop(): Promise<void>;
}

/**
 * Each hand-over between a workflow's activities waited about 40 ms on the dev server: its one history
 * shard reads new transfer tasks at most 20 times a second, and an activity task then waited for a poll.
 * With these, a chain of 8 no-op activities took 200 ms instead of 850 ms (bench/temporal-handover.ts;
 * docker/temporal/dynamicconfig.yaml sets the same for compose).
 */
export const DEV_SERVER_DYNAMIC_CONFIG: readonly DynamicConfigValue[] = [
  ['history.transferProcessorMaxPollRPS', 1000],
  // The next activity starts on the worker that completed the workflow task, without a trip through matching.
  ['system.enableActivityEagerExecution', true],
];

const INSTALL_SCRIPT = fileURLToPath(new URL('../../scripts/install-temporal.sh', import.meta.url));

/** Starts `temporal server start-dev` as a child process, installing the CLI first when missing. */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<TemporalDevServer> {
  ensureTemporalCli(options.cliPath);
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--log-level',
    'error',
    ...(options.dynamicConfig ?? DEV_SERVER_DYNAMIC_CONFIG).flatMap(([key, value]) => [
      '--dynamic-config-value',
      `${key}=${String(value)}`,
    ]),
  ];
  if (options.uiPort === 0) args.push('--headless');
  else args.push('--ui-port', String(options.uiPort));
  if (options.dbFile !== undefined) {
    mkdirSync(path.dirname(options.dbFile), { recursive: true });
    args.push('--db-filename', options.dbFile);
  }
  if (options.namespace !== 'default') args.push('--namespace', options.namespace);
  const server: ManagedProcess = spawnManaged(options.cliPath, args);
  try {
    await waitForPort('127.0.0.1', options.port, 60_000, server);
  } catch (error) {
    await server.stop();
    throw new Error(
      `Temporal dev server did not start: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return { address: `127.0.0.1:${options.port}`, stop: () => server.stop() };
}

function ensureTemporalCli(cliPath: string): void {
  if (existsSync(cliPath)) return;
  const result = spawnSync('bash', [INSTALL_SCRIPT], { stdio: 'inherit' });
  if (result.status !== 0 || !existsSync(cliPath)) {
    throw new Error(
      `Temporal CLI not found at ${cliPath} and its install failed; set TEMPORAL_ADDRESS to use a running server`,
    );
  }
}
