import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createDirectory,
  createSyncConfig,
  directoryInputFor,
  syncConfigInputFor,
} from '../../support/factories.js';
import { startSync, waitForRun } from '../../support/sync-runs.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const { slapd } = inject('servers');
const CLIENTS = 50;
const QUERIES_PER_CLIENT = 10;
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

describe('load (bounded, loopback only)', () => {
  it('50 clients query and subscribe while 3 runs execute: no error, every subscriber sees every run finish', async () => {
    const directory = await createDirectory(app, directoryInputFor(slapd));
    const configs = [];
    for (let i = 0; i < 3; i++)
      configs.push((await createSyncConfig(app, syncConfigInputFor(slapd, directory.id))).id);

    const clients: Client[] = [];
    const seen: Set<string>[] = [];
    const latencies: number[] = [];
    const subscribed: Promise<void>[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const client = createClient({
        url: app.graphqlUrl.replace('http', 'ws'),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: { authorization: `Bearer ${app.adminToken}` },
      });
      clients.push(client);
      const finished = new Set<string>();
      seen.push(finished);
      subscribed.push(
        new Promise<void>((resolve, reject) => {
          client.subscribe<{ syncRunUpdates: { id: string; status: string; finishedAt: string | null } }>(
            { query: 'subscription { syncRunUpdates { id status finishedAt } }' },
            {
              next: ({ data, errors }) => {
                if (errors !== undefined) reject(new Error(JSON.stringify(errors)));
                const run = data?.syncRunUpdates;
                if (run?.status === 'SUCCEEDED' && !finished.has(run.id)) {
                  finished.add(run.id);
                  if (run.finishedAt !== null)
                    latencies.push(Date.now() - new Date(run.finishedAt).getTime());
                  if (finished.size === configs.length) resolve();
                }
              },
              error: reject,
              complete: () => resolve(),
            },
          );
        }),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 500));

    const runs = await Promise.all(configs.map((id) => startSync(app, id)));
    const queries = Array.from({ length: CLIENTS }, async () => {
      for (let q = 0; q < QUERIES_PER_CLIENT; q++) {
        const result = await app.gql<{ syncRuns: unknown[] }>(
          '{ syncRuns(limit: 20) { id status counters { usersRead } } directories { id } }',
        );
        expect(result.errors).toBeUndefined();
      }
    });
    await Promise.all(queries);
    for (const run of runs) {
      const done = await waitForRun(app, run.id);
      expect(done.status).toBe('SUCCEEDED');
    }
    await Promise.race([
      Promise.all(subscribed),
      new Promise((_, reject) => setTimeout(() => reject(new Error('subscribers timed out')), 30_000)),
    ]);
    for (const finished of seen) expect([...finished].sort()).toEqual(runs.map((run) => run.id).sort());
    for (const client of clients) await client.dispose();
    console.info(
      `progress latency (run finished in Postgres -> subscriber received), ${latencies.length} samples: ` +
        `p50 ${percentile(latencies, 50)} ms, p95 ${percentile(latencies, 95)} ms`,
    );
  });
});
