import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { RequestHandler } from 'express';
import { Kind, type FieldNode } from 'graphql';
import { isTracingEnabled } from './tracing.js';

export interface GraphqlTracing<TContext extends BaseContext> {
  /** Express middleware for the GraphQL route, after the body parser. */
  middleware: RequestHandler[];
  plugins: ApolloServerPlugin<TContext>[];
}

/**
 * One span per GraphQL request over HTTP, named after its operation. The middleware makes the span the
 * active context for the rest of the request, so a workflow started by a resolver (startSync) continues
 * its trace; the plugin names it once the operation is known. Nothing at all when tracing is off.
 */
export function graphqlTracing<TContext extends BaseContext>(): GraphqlTracing<TContext> {
  if (!isTracingEnabled()) return { middleware: [], plugins: [] };
  const tracer = trace.getTracer('rolesync-graphql');
  return {
    middleware: [
      (_request, response, next) => {
        tracer.startActiveSpan('graphql', { kind: SpanKind.SERVER }, (span) => {
          response.once('close', () => {
            span.end();
          });
          next();
        });
      },
    ],
    plugins: [
      {
        requestDidStart() {
          const span = trace.getActiveSpan();
          if (span === undefined) return Promise.resolve({});
          return Promise.resolve({
            didResolveOperation({ operation, operationName }) {
              if (operation === undefined) return Promise.resolve();
              const firstField = operation.selectionSet.selections.find(
                (selection): selection is FieldNode => selection.kind === Kind.FIELD,
              );
              const name = operationName ?? firstField?.name.value ?? 'anonymous';
              span.updateName(`graphql ${operation.operation} ${name}`);
              span.setAttributes({
                'graphql.operation.type': operation.operation,
                'graphql.operation.name': name,
              });
              return Promise.resolve();
            },
            willSendResponse({ response }) {
              // The errors as the client gets them (formatted): codes only, messages may hold input values.
              const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
              if (errors !== undefined && errors.length > 0) {
                const codes = errors.map((error) =>
                  typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL',
                );
                span.setStatus({ code: SpanStatusCode.ERROR, message: [...new Set(codes)].join(', ') });
              }
              return Promise.resolve();
            },
          });
        },
      },
    ],
  };
}
