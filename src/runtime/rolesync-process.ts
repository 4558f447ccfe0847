import type { AppConfig } from '../config/app-config.js';
import { migrateDatabase, openDatabase, type Database } from '../db/database.js';
import { ApiToken } from '../entities/api-token.entity.js';
import { createApiServer } from '../graphql/server/api-server.js';
import { buildRolesyncSchema } from '../graphql/schema.js';
import type { Logger } from '../logging/logger.js';
import { startMetricsServer } from '../observability/metrics-endpoint.js';
import { startOtlpTracing } from '../observability/tracing.js';
import { SecretBox } from '../secrets/secret-box.js';
import { connectTemporal } from '../temporal/temporal-connection.js';
import { applyRetentionSchedule } from '../services/retention-scheduler.js';
import { startWorker } from '../worker/rolesync-worker.js';
import { limitHeapGrowth } from '../worker/heap-growth.js';
import { startInfrastructure } from './infrastructure.js';

export interface ProcessRoles {
  api: boolean;
  worker: boolean;
}

export interface RunningProcess {
  url: string | undefined;
  /** The process's own database connection (e.g. for the demo's first admin token). */
  database: Database;
  /** Resolves when the worker stops by itself (a fatal worker error rejects). */
  workerDone: Promise<void> | undefined;
  stop(): Promise<void>;
}

/**
 * Starts what this process serves: API, worker or both, on one Postgres and one Temporal (embedded
 * ones when none is configured). Everything started is stopped again, in reverse order, by stop() or
 * when start-up fails half-way.
 */
export async function startRolesyncProcess(
  config: AppConfig,
  logger: Logger,
  roles: ProcessRoles,
): Promise<RunningProcess> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async (): Promise<void> => {
    for (const step of stops.reverse()) {
      await step().catch((error: unknown) => logger.warn({ err: error }, 'error while stopping'));
    }
  };
  try {
    if (config.tracing !== undefined) {
      // Started first and stopped last, so spans of the whole lifetime are flushed.
      const tracing = startOtlpTracing(config.tracing);
      stops.push(() => tracing.stop());
      logger.info({ otlpTracesUrl: config.tracing.otlpTracesUrl }, 'exporting traces');
    }
    const infrastructure = await startInfrastructure(config, logger);
    stops.push(() => infrastructure.stop());
    const temporalAddress = infrastructure.temporalAddress;
    if (temporalAddress === undefined) throw new Error('no Temporal address');
    const database = await openDatabase(infrastructure.databaseUrl);
    stops.push(() => database.close());
    const applied = await migrateDatabase(database);
    if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
    const secrets = new SecretBox(infrastructure.secretKey);

    let workerDone: Promise<void> | undefined;
    if (roles.worker) {
      limitHeapGrowth(config.heapGrowingPercent);
      const worker = await startWorker(
        {
          temporalAddress: temporalAddress,
          namespace: config.temporalNamespace,
          taskQueue: config.temporalTaskQueue,
        },
        { database, secrets, logger },
      );
      stops.push(() => worker.stop());
      workerDone = worker.done;
      logger.info({ taskQueue: config.temporalTaskQueue }, 'worker started');
      // Workers own the retention schedule: every worker applies the same settings, idempotently.
      const temporal = await connectTemporal(
        temporalAddress,
        config.temporalNamespace,
        config.temporalTaskQueue,
      );
      try {
        await applyRetentionSchedule(temporal, config);
      } finally {
        await temporal.connection.close();
      }
    }

    if (config.metricsPort !== undefined) {
      const metrics = await startMetricsServer(config.host, config.metricsPort, database.pool, logger);
      stops.push(() => metrics.stop());
      logger.info({ port: metrics.address.port }, 'metrics listening on /metrics');
    }

    let url: string | undefined;
    if (roles.api) {
      const temporal = await connectTemporal(
        temporalAddress,
        config.temporalNamespace,
        config.temporalTaskQueue,
      );
      stops.push(() => temporal.connection.close());
      const api = await createApiServer({ database, temporal, secrets, logger }, await buildRolesyncSchema());
      const address = await api.listen(config.port, config.host);
      stops.push(() => api.stop());
      url = `http://${address.address}:${address.port}/graphql`;
      logger.info({ url }, 'API listening');
      if ((await database.orm.em.fork().count(ApiToken, { revokedAt: null })) === 0) {
        logger.info(
          'no API token yet: create the first admin token with `npm run rolesync -- create-token --name admin`',
        );
      }
    }
    return { url, database, workerDone, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
