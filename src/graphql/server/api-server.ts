import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { createContext, type ApiDeps, type GraphQLContext } from '../context.js';
import { createErrorFormatter } from '../format-error.js';
import { RunProgressHub } from '../progress/run-progress-hub.js';
import { mountConsole } from './console-assets.js';
import { queryLimitsRule } from './query-limits.js';
import { tokenFromAuthorization } from '../../services/api-token.service.js';
import { graphqlTracing } from '../../observability/graphql-tracing.js';
import { trackSubscriptions } from '../../observability/metrics.js';
import { createMetricsHandler, METRICS_PATH } from '../../observability/metrics-endpoint.js';

export const GRAPHQL_PATH = '/graphql';
const BODY_LIMIT = '1mb';

export interface ApiServer {
  httpServer: Server;
  /** Listens; port 0 picks a free port. Resolves with the bound address. */
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Drains HTTP and WebSocket clients, then stops Apollo. */
  stop(): Promise<void>;
}

/**
 * One HTTP server for GraphQL over HTTP and over WebSocket (graphql-ws) at /graphql, plus /healthz
 * (process up), /readyz (Postgres and Temporal reachable), /metrics (Prometheus) and the web console at
 * `/`. Built without listening so tests can bind it to port 0.
 */
export async function createApiServer(
  baseDeps: Omit<ApiDeps, 'progressHub'>,
  schema: GraphQLSchema,
): Promise<ApiServer> {
  const progressHub = await RunProgressHub.start(baseDeps.database.pool, baseDeps.logger);
  const untrackSubscriptions = trackSubscriptions(() => progressHub.subscriberCount);
  const deps: ApiDeps = { ...baseDeps, progressHub };
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const wsServer = new WebSocketServer({ server: httpServer, path: GRAPHQL_PATH });
  const formatError = createErrorFormatter(deps.logger);
  const tracing = graphqlTracing<GraphQLContext>();
  const wsCleanup = useServer(
    {
      schema,
      validate: (schema, document) => validate(schema, document, [...specifiedRules, queryLimitsRule()]),
      // The same error edge as HTTP: coded errors, nothing internal.
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors === undefined
          ? undefined
          : { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error)) },
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => formatError(error.toJSON(), error)),
      // A WebSocket without a valid token is refused at connection time (4403), and re-checked per operation.
      onConnect: async (ctx) =>
        (await createContext(deps, tokenFromAuthorization(ctx.connectionParams?.authorization))).principal !==
        null,
      context: (ctx) => createContext(deps, tokenFromAuthorization(ctx.connectionParams?.authorization)),
    },
    wsServer,
  );

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    // The process stops its parts in order on SIGINT/SIGTERM; Apollo's own handler would stop only
    // Apollo and then re-raise the signal, killing the process half-way through that order.
    stopOnTerminationSignals: false,
    validationRules: [queryLimitsRule()],
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        serverWillStart() {
          return Promise.resolve({
            async drainServer() {
              await wsCleanup.dispose();
            },
          });
        },
      },
      ...tracing.plugins,
    ],
  });
  await apollo.start();

  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/readyz', (_request, response) => {
    void checkReadiness(deps).then((checks) => {
      const ready = checks.postgres && checks.temporal;
      response.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', ...checks });
    });
  });
  app.get(METRICS_PATH, createMetricsHandler(deps.database.pool, deps.logger));
  app.use(
    GRAPHQL_PATH,
    express.json({ limit: BODY_LIMIT }),
    ...tracing.middleware,
    expressMiddleware(apollo, {
      context: ({ req }) => createContext(deps, tokenFromAuthorization(req.headers.authorization)),
    }),
  );
  // Last: the web console answers page requests no route above took.
  mountConsole(app);

  return {
    httpServer,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          const address = httpServer.address();
          if (address === null || typeof address === 'string') reject(new Error('server has no TCP address'));
          else resolve(address);
        });
      });
    },
    async stop() {
      await apollo.stop();
      untrackSubscriptions();
      await progressHub.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

async function checkReadiness(deps: ApiDeps): Promise<{ postgres: boolean; temporal: boolean }> {
  const [postgres, temporal] = await Promise.all([
    deps.database.pool.query('select 1').then(
      () => true,
      () => false,
    ),
    deps.temporal.connection.healthService.check({}).then(
      () => true,
      () => false,
    ),
  ]);
  return { postgres, temporal };
}
