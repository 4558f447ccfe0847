import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeSecretKey, type AppConfig } from '../config/app-config.js';
import { startEmbeddedPostgres } from '../embedded/embedded-postgres-server.js';
import { startTemporalDevServer } from '../embedded/temporal-dev-server.js';
import type { Logger } from '../logging/logger.js';
import { generateSecretKey } from '../secrets/secret-box.js';

/** Where the process finds Postgres, Temporal and its secret key, after starting embedded ones if needed. */
export interface Infrastructure {
  databaseUrl: string;
  /** Undefined only when the caller did not ask for Temporal. */
  temporalAddress: string | undefined;
  secretKey: Buffer;
  embedded: { postgres: boolean; temporal: boolean };
  stop(): Promise<void>;
}

export async function startInfrastructure(
  config: AppConfig,
  logger: Logger,
  needs: { temporal: boolean } = { temporal: true },
): Promise<Infrastructure> {
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    let databaseUrl = config.databaseUrl;
    if (databaseUrl === undefined) {
      logger.info(
        { dataDir: config.dataDir, port: config.embeddedPostgresPort },
        'starting embedded PostgreSQL',
      );
      const postgres = await startEmbeddedPostgres(
        path.join(config.dataDir, 'postgres'),
        config.embeddedPostgresPort,
      );
      stops.push(() => postgres.stop());
      databaseUrl = postgres.url;
    }
    let temporalAddress = config.temporalAddress;
    if (temporalAddress === undefined && needs.temporal) {
      logger.info({ port: config.temporalDevPort }, 'starting Temporal dev server');
      const temporal = await startTemporalDevServer({
        cliPath: config.temporalCliPath,
        port: config.temporalDevPort,
        uiPort: config.temporalDevUiPort,
        dbFile: path.join(config.dataDir, 'temporal', 'temporal.db'),
        namespace: config.temporalNamespace,
      });
      stops.push(() => temporal.stop());
      temporalAddress = temporal.address;
    }
    return {
      databaseUrl,
      temporalAddress,
      secretKey: config.secretKey ?? readOrCreateKeyFile(path.join(config.dataDir, 'secret.key')),
      embedded: {
        postgres: config.databaseUrl === undefined,
        temporal: needs.temporal && config.temporalAddress === undefined,
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Embedded defaults only: a key generated once and kept beside the embedded data (mode 0600). */
function readOrCreateKeyFile(file: string): Buffer {
  if (existsSync(file)) return decodeSecretKey(readFileSync(file, 'utf8').trim(), file);
  mkdirSync(path.dirname(file), { recursive: true });
  const key = generateSecretKey();
  writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600 });
  return key;
}
