import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createDirectory,
  createSyncConfig,
  directoryInputFor,
  syncConfigInputFor,
} from '../../support/factories.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const { slapd } = inject('servers');
let app: TestApp;
let replicaUrl: string;
let configId: string;

beforeAll(async () => {
  app = await startTestApp();
  replicaUrl = (await app.startReplica()).graphqlUrl;
  const directory = await createDirectory(app, directoryInputFor(slapd, { pageSize: 100 }));
  configId = (await createSyncConfig(app, syncConfigInputFor(slapd, directory.id))).id;
});
afterAll(async () => {
  await app.stop();
});

function wsClient(url: string, token: string): Client {
  return createClient({
    url: url.replace('http', 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${token}` },
  });
}

/** Collects a subscription's messages until it completes, errors, or `until` says stop. */
function collect<T>(
  client: Client,
  query: string,
  variables: Record<string, unknown>,
  until: (messages: T[]) => boolean = () => false,
): { messages: T[]; done: Promise<{ error: unknown }> } {
  const messages: T[] = [];
  const done = new Promise<{ error: unknown }>((resolve) => {
    const stop = client.subscribe<T>(
      { query, variables },
      {
        next: (message) => {
          if (message.data != null) messages.push(message.data);
          if (message.errors !== undefined) resolve({ error: message.errors });
          if (until(messages)) {
            stop();
            resolve({ error: null });
          }
        },
        error: (error) => resolve({ error }),
        complete: () => resolve({ error: null }),
      },
    );
  });
  return { messages, done };
}

describe('live progress', () => {
  it('a client on one API process sees a run started through another, from first state to the end', async () => {
    const watcher = wsClient(app.graphqlUrl, app.adminToken);
    type Update = { syncRunUpdates: { id: string; status: string } };
    const updates = collect<Update>(
      watcher,
      `subscription($c: ID) { syncRunUpdates(syncConfigId: $c) { id status } }`,
      { c: configId },
      (m) => m.some((u) => u.syncRunUpdates.status === 'SUCCEEDED'),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = await fetch(replicaUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${app.adminToken}` },
      body: JSON.stringify({
        query: `mutation($id: ID!) { startSync(syncConfigId: $id) { id } }`,
        variables: { id: configId },
      }),
    });
    const runId = ((await started.json()) as { data: { startSync: { id: string } } }).data.startSync.id;

    type Progress = {
      syncRunProgress: {
        run: { id: string; status: string; phase: string; counters: { usersRead: number } };
        ratePerSecond: number;
      };
    };
    const progress = collect<Progress>(
      watcher,
      `subscription($r: ID!) { syncRunProgress(runId: $r) { run { id status phase counters { usersRead } } ratePerSecond } }`,
      {
        r: runId,
      },
    );
    expect((await progress.done).error).toBeNull();
    expect((await updates.done).error).toBeNull();
    await watcher.dispose();

    const statuses = progress.messages.map((m) => m.syncRunProgress.run.status);
    expect(progress.messages[0]?.syncRunProgress.run.id).toBe(runId);
    expect(statuses.at(-1)).toBe('SUCCEEDED');
    expect(progress.messages.at(-1)?.syncRunProgress.run.counters.usersRead).toBe(slapd.fixture.userCount);
    expect(progress.messages.length).toBeGreaterThan(1);
    expect(
      updates.messages.filter((u) => u.syncRunUpdates.id === runId).map((u) => u.syncRunUpdates.status),
    ).toContain('SUCCEEDED');
  });

  it('ends an open subscription when its token is revoked', async () => {
    const viewer = await app.createToken('VIEWER');
    const client = wsClient(app.graphqlUrl, viewer.secret);
    const updates = collect(client, `subscription { syncRunUpdates { id } }`, {});
    await new Promise((resolve) => setTimeout(resolve, 300));
    await app.gqlData(`mutation($id: ID!) { revokeApiToken(id: $id) { id } }`, { id: viewer.id });
    await app.gqlData(`mutation($id: ID!) { startSync(syncConfigId: $id) { id } }`, { id: configId });
    const { error } = await updates.done;
    await client.dispose();
    expect(JSON.stringify(error)).toContain('UNAUTHENTICATED');
  });

  it('refuses a subscription without a valid token', async () => {
    const client = wsClient(app.graphqlUrl, 'rs_invalid');
    const { error } = await collect(client, `subscription { syncRunUpdates { id } }`, {}).done;
    await client.dispose();
    expect(error).not.toBeNull();
  });
});
