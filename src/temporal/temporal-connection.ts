import { Client, Connection } from '@temporalio/client';
import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import { temporalClientInterceptors } from '../observability/tracing.js';

export interface TemporalHandle {
  client: Client;
  connection: Connection;
  taskQueue: string;
}

export async function connectTemporal(
  address: string,
  namespace: string,
  taskQueue: string,
): Promise<TemporalHandle> {
  try {
    const connection = await Connection.connect({ address, connectTimeout: '10s' });
    return {
      connection,
      client: new Client({ connection, namespace, interceptors: temporalClientInterceptors() }),
      taskQueue,
    };
  } catch (error) {
    throw new AppError(ErrorCode.TEMPORAL_UNAVAILABLE, `Cannot connect to Temporal at ${address}.`, {
      cause: error,
    });
  }
}
