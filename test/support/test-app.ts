import { randomBytes, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { inject } from 'vitest';
import type { FaultHooks } from '../../src/activities/activity-deps.js';
import { migrateDatabase, openDatabase, type Database } from '../../src/db/database.js';
import { createApiServer } from '../../src/graphql/server/api-server.js';
import { buildRolesyncSchema } from '../../src/graphql/schema.js';
import { createLogger } from '../../src/logging/logger.js';
import { SecretBox } from '../../src/secrets/secret-box.js';
import { ApiTokenService } from '../../src/services/api-token.service.js';
import { connectTemporal, type TemporalHandle } from '../../src/temporal/temporal-connection.js';
import { startWorker } from '../../src/worker/rolesync-worker.js';
import { installTemporalRuntime } from '../../src/worker/temporal-runtime.js';
import { createTestDatabase } from './test-database.js';

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface TestApp {
  baseUrl: string;
  /** What a separate worker process needs to join this app: its database, key and task queue. */
  workerEnv: Record<string, string>;
  graphqlUrl: string;
  database: Database;
  temporal: TemporalHandle;
  /** Every log line the app wrote, for assertions that secrets never appear. */
  logs: string[];
  /** An ADMIN token the helpers send by default. */
  adminToken: string;
  /** Runs an operation; with the admin token unless another (or null: none) is given. */
  gql<T>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ): Promise<GraphQLResponse<T>>;
  /** Another API server (another "replica") on the same database and Temporal; stopped with the app. */
  startReplica(): Promise<{ graphqlUrl: string }>;
  /** A new token of the given role, through the API. */
  createToken(role: 'VIEWER' | 'OPERATOR' | 'ADMIN'): Promise<{ id: string; secret: string }>;
  /** Like gql, but fails the test on errors and returns data. */
  gqlData<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

/**
 * The real application for one test file: its own database (migrated), its own task queue, a worker
 * and the API on a free port, against the shared Postgres and Temporal servers.
 */
export async function startTestApp(
  options: {
    worker?: boolean;
    faults?: FaultHooks;
    /** Bundle the workflows at worker start (with the interceptor modules of now, e.g. tracing) instead of the prebuilt bundle. */
    bundleWorkflows?: boolean;
  } = {},
): Promise<TestApp> {
  const servers = inject('servers');
  const testDatabase = await createTestDatabase(servers.databaseUrl);
  const logs: string[] = [];
  const logger = createLogger(
    'debug',
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs.push(chunk.toString('utf8'));
        done();
      },
    }),
  );
  installTemporalRuntime(logger);
  const database = await openDatabase(testDatabase.url);
  await migrateDatabase(database);
  const secretKey = randomBytes(32);
  const secrets = new SecretBox(secretKey);
  const taskQueue = `test-${randomUUID()}`;
  const temporal = await connectTemporal(servers.temporalAddress, servers.temporalNamespace, taskQueue);
  const worker =
    options.worker === false
      ? undefined
      : await startWorker(
          {
            temporalAddress: servers.temporalAddress,
            namespace: servers.temporalNamespace,
            taskQueue,
            ...(options.bundleWorkflows === true ? {} : { workflowBundlePath: servers.workflowBundlePath }),
          },
          { database, secrets, logger, ...(options.faults === undefined ? {} : { faults: options.faults }) },
        );
  const api = await createApiServer({ database, temporal, secrets, logger }, await buildRolesyncSchema());
  const address = await api.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const graphqlUrl = `${baseUrl}/graphql`;

  const adminToken = (await new ApiTokenService(database.orm.em.fork()).create('test admin', 'ADMIN')).secret;

  const replicas: { stop(): Promise<void> }[] = [];

  async function gql<T>(
    query: string,
    variables?: Record<string, unknown>,
    token: string | null = adminToken,
  ): Promise<GraphQLResponse<T>> {
    const response = await fetch(graphqlUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    logs.push(`<response> ${text}`);
    return JSON.parse(text) as GraphQLResponse<T>;
  }

  return {
    baseUrl,
    workerEnv: {
      DATABASE_URL: testDatabase.url,
      ROLESYNC_SECRET_KEY: secretKey.toString('base64'),
      TEMPORAL_ADDRESS: servers.temporalAddress,
      TEMPORAL_NAMESPACE: servers.temporalNamespace,
      TEMPORAL_TASK_QUEUE: taskQueue,
    },
    graphqlUrl,
    database,
    temporal,
    logs,
    adminToken,
    gql,
    async startReplica() {
      const replica = await createApiServer(
        { database, temporal, secrets, logger },
        await buildRolesyncSchema(),
      );
      replicas.push(replica);
      const replicaAddress = await replica.listen(0, '127.0.0.1');
      return { graphqlUrl: `http://127.0.0.1:${replicaAddress.port}/graphql` };
    },
    async createToken(role) {
      const result = await gql<{ createApiToken: { token: { id: string }; secret: string } }>(
        `mutation($role: ApiRole!) { createApiToken(name: "test", role: $role) { token { id } secret } }`,
        { role },
      );
      const created = result.data?.createApiToken;
      if (created == null) throw new Error(`token not created: ${JSON.stringify(result.errors)}`);
      return { id: created.token.id, secret: created.secret };
    },
    async gqlData<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
      const result = await gql<T>(query, variables);
      if (result.errors !== undefined || result.data == null) {
        throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      }
      return result.data;
    },
    async stop() {
      for (const replica of replicas) await replica.stop();
      await api.stop();
      await worker?.stop();
      await temporal.connection.close();
      await database.close();
      await testDatabase.drop();
    },
  };
}
