import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ManagedProcess } from '../../../src/embedded/managed-process.js';
import { findFreePort } from '../../../src/embedded/free-port.js';
import {
  createDirectory,
  createSyncConfig,
  directoryInputFor,
  syncConfigInputFor,
} from '../../support/factories.js';
import { runSync } from '../../support/sync-runs.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { startWorkerProcess } from '../../support/worker-process.js';

const { slapd } = inject('servers');
let app: TestApp;
let worker: ManagedProcess;
let metricsUrl: string;

/** `rolesync worker` has no API port: with METRICS_PORT it serves its own /metrics. */
beforeAll(async () => {
  app = await startTestApp({ worker: false });
  const port = await findFreePort();
  metricsUrl = `http://127.0.0.1:${port}/metrics`;
  worker = await startWorkerProcess(app, { METRICS_PORT: String(port) });
});
afterAll(async () => {
  await worker.stop();
  await app.stop();
});

async function workerSample(series: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

describe('a worker-only process', () => {
  it('exposes the metrics of the runs it executed on METRICS_PORT, and nothing else there', async () => {
    const directory = await createDirectory(app, directoryInputFor(slapd));
    const config = await createSyncConfig(app, syncConfigInputFor(slapd, directory.id));
    expect(await workerSample('rolesync_ldap_entries_read_total')).toBe(0);
    const run = await runSync(app, config.id, { dryRun: true });
    expect(run.status).toBe('SUCCEEDED');
    // A first run reads each entry twice: its entryCSN for the mark before the read, then the entry.
    expect(await workerSample('rolesync_ldap_entries_read_total')).toBe(
      2 * ((run.counters.usersRead ?? 0) + (run.counters.groupsRead ?? 0)),
    );
    expect(
      await workerSample('rolesync_run_duration_seconds_count{kind="DIRECTORY_SYNC",status="SUCCEEDED"}'),
    ).toBe(1);
    expect(await workerSample('rolesync_runs{status="SUCCEEDED"}')).toBe(1);
    expect((await fetch(metricsUrl.replace('/metrics', '/graphql'))).status).toBe(404);
  });
});
