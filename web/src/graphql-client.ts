import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient } from 'graphql-ws';

/** Where the API lives: the server that served the console. */
const GRAPHQL_PATH = '/graphql';

/**
 * A client that sends the token as a bearer token over HTTP and in the graphql-ws connection params
 * (the same `authorization` value), and reports an UNAUTHENTICATED answer (revoked token) once.
 */
export function createGraphqlClient(token: string, onUnauthenticated: () => void): Client {
  const authorization = `Bearer ${token}`;
  const wsUrl = new URL(GRAPHQL_PATH, window.location.href);
  wsUrl.protocol = wsUrl.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = createWsClient({ url: wsUrl.href, connectionParams: { authorization }, lazy: true });
  return new Client({
    url: GRAPHQL_PATH,
    // POST with a JSON body: Apollo's CSRF prevention refuses simple GET requests.
    preferGetMethod: false,
    // Show what is cached at once, and always re-read: other operators and runs change things too.
    requestPolicy: 'cache-and-network',
    fetchOptions: { headers: { authorization } },
    exchanges: [
      cacheExchange,
      mapExchange({
        onError(error) {
          if (error.graphQLErrors.some((item) => item.extensions.code === 'UNAUTHENTICATED')) {
            onUnauthenticated();
          }
        },
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              return { unsubscribe: ws.subscribe(input, sink) };
            },
          };
        },
      }),
    ],
  });
}
