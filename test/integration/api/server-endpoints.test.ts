import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ worker: false });
});
afterAll(async () => {
  await app.stop();
});

describe('HTTP server', () => {
  it('answers /healthz while the process is up', async () => {
    const response = await fetch(`${app.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with the state of Postgres and Temporal', async () => {
    const response = await fetch(`${app.baseUrl}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', postgres: true, temporal: true });
  });

  it('serves GraphQL over WebSocket (graphql-ws) on the same port and path', async () => {
    const client = createClient({
      url: app.graphqlUrl.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${app.adminToken}` },
    });
    try {
      const result = await new Promise<unknown>((resolve, reject) => {
        let value: unknown;
        client.subscribe(
          { query: '{ directories { id } }' },
          { next: (data) => (value = data), error: reject, complete: () => resolve(value) },
        );
      });
      expect(result).toEqual({ data: { directories: [] } });
    } finally {
      await client.dispose();
    }
  });

  it('rejects request bodies over the size limit', async () => {
    const response = await fetch(app.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ directories { id } }`,
        variables: { padding: 'x'.repeat(2 * 1024 * 1024) },
      }),
    });
    expect(response.status).toBe(413);
  });

  it('rejects operations nested too deep or selecting too many fields, before executing them', async () => {
    const deep = '{ roleRequests { items { items { roleId } } } }';
    expect((await app.gql(deep)).errors).toBeUndefined();
    const tooDeep =
      '{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } }';
    expect((await app.gql(tooDeep)).errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const tooWide = `{ ${Array.from({ length: 1100 }, (_, i) => `a${i}: directories { id }`).join(' ')} }`;
    expect((await app.gql(tooWide)).errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('answers malformed GraphQL with a coded error, not a stack trace', async () => {
    const result = await app.gql('{ directories { id ');
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(JSON.stringify(result)).not.toMatch(/at .*\.ts:\d+/);
  });
});
