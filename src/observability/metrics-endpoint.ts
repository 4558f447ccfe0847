import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import type { Logger } from '../logging/logger.js';
import { metricsRegistry } from './metrics.js';
import { refreshRunGauges } from './run-metrics.js';

export const METRICS_PATH = '/metrics';

/**
 * Answers a Prometheus scrape. The run gauges are read from PostgreSQL first; when that fails the other
 * series are still served (the run gauges keep their last values) and the failure is logged.
 */
export function createMetricsHandler(
  pool: pg.Pool,
  logger: Logger,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (_request, response) => {
    void (async () => {
      await refreshRunGauges(pool).catch((error: unknown) => {
        logger.warn({ err: error }, 'run gauges not refreshed for /metrics');
      });
      const body = await metricsRegistry.metrics();
      response.writeHead(200, { 'content-type': metricsRegistry.contentType }).end(body);
    })().catch((error: unknown) => {
      logger.error({ err: error }, '/metrics failed');
      if (!response.headersSent) response.writeHead(500).end();
    });
  };
}

export interface MetricsServer {
  address: AddressInfo;
  stop(): Promise<void>;
}

/** A listener serving only /metrics: for a process without the API (`rolesync worker`). */
export async function startMetricsServer(
  host: string,
  port: number,
  pool: pg.Pool,
  logger: Logger,
): Promise<MetricsServer> {
  const handle = createMetricsHandler(pool, logger);
  const server = createServer((request, response) => {
    if (request.method === 'GET' && request.url?.split('?')[0] === METRICS_PATH) handle(request, response);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('metrics server has no TCP address');
  return {
    address,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
