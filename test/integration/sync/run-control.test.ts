import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppGroup, setMappings, updateConfig } from '../../support/directory-sync-queries.js';
import {
  createDirectory,
  createSyncConfig,
  directoryInputFor,
  syncConfigInputFor,
  uniqueName,
} from '../../support/factories.js';
import type { LdapServerHandle } from '../../support/server-process.js';
import { startSlapd } from '../../support/slapd-server.js';
import { RUN_FIELDS, type RunView, startSync, waitForRun } from '../../support/sync-runs.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

let app: TestApp;
let slapd: LdapServerHandle | undefined;

function server(): LdapServerHandle {
  if (slapd === undefined) throw new Error('slapd did not start');
  return slapd;
}
let configId: string;

/** A private slapd this file may stop and restart, with a small fixture. */
beforeAll(async () => {
  let started: LdapServerHandle;
  [app, started] = await Promise.all([
    startTestApp(),
    startSlapd({ fixture: { userCount: 300, groupCount: 10, bigGroupMemberCount: 100 } }),
  ]);
  slapd = started;
  const directory = await createDirectory(
    app,
    directoryInputFor(started.info, { connectTimeoutMs: 500, operationTimeoutMs: 5000 }),
  );
  configId = (
    await createSyncConfig(app, { ...syncConfigInputFor(started.info, directory.id), autoCreateUsers: true })
  ).id;
  const mappings = [];
  for (const dn of started.fixture.groups.slice(0, 3).map((group) => group.dn)) {
    mappings.push({ ldapGroupDn: dn, appGroupIds: [await createAppGroup(app, uniqueName('ctl'))] });
  }
  await setMappings(app, configId, mappings);
});
afterAll(async () => {
  await app.stop();
  await slapd?.stop();
});

async function retry(runId: string): Promise<RunView & { retryOfId: string | null }> {
  return (
    await app.gqlData<{ retrySyncRun: RunView & { retryOfId: string | null } }>(
      `mutation($id: ID!) { retrySyncRun(id: $id) { ${RUN_FIELDS} retryOfId } }`,
      {
        id: runId,
      },
    )
  ).retrySyncRun;
}

async function identityCount(): Promise<number> {
  return (await app.gqlData<{ identities: { total: number } }>('{ identities(limit: 1) { total } }'))
    .identities.total;
}

describe('run control', () => {
  it('fails with DIRECTORY_UNREACHABLE when slapd stays down, applies nothing, and a retry succeeds once it is back', async () => {
    await server().kill();
    const failed = await waitForRun(app, (await startSync(app, configId)).id);
    expect(failed).toMatchObject({ status: 'FAILED', errorCode: 'DIRECTORY_UNREACHABLE' });
    expect(await identityCount()).toBe(0);

    await server().restart();
    const retried = await retry(failed.id);
    expect(retried.retryOfId).toBe(failed.id);
    const done = await waitForRun(app, retried.id);
    expect(done.status).toBe('SUCCEEDED');
    expect(done.counters.identitiesCreated).toBeGreaterThan(0);
    expect(await identityCount()).toBe(done.counters.identitiesCreated);
  });

  it('a retry of a run cancelled after its reads continues from their staging, without the directory', async () => {
    await updateConfig(app, configId, { safetyThresholdPercent: 0, autoDeactivateUsers: true });
    await app.gqlData(
      `mutation($id: ID!, $m: [GroupMappingInput!]!) { setGroupMappings(syncConfigId: $id, mappings: $m) { ldapGroupDn } }`,
      {
        id: configId,
        m: [],
      },
    );
    const waiting = await waitForRun(app, (await startSync(app, configId)).id, ['QUEUED', 'RUNNING']);
    expect(waiting.status).toBe('AWAITING_APPROVAL');
    await app.gqlData(`mutation($id: ID!) { cancelSyncRun(id: $id) { id } }`, { id: waiting.id });
    const cancelled = await waitForRun(app, waiting.id);
    expect(cancelled.status).toBe('CANCELLED');

    await server().kill();
    try {
      const retried = await retry(cancelled.id);
      const paused = await waitForRun(app, retried.id, ['QUEUED', 'RUNNING']);
      expect(paused.status).toBe('AWAITING_APPROVAL');
      expect(paused.counters.usersRead).toBe(cancelled.counters.usersRead);
      await app.gqlData(`mutation($id: ID!) { approveSyncRun(id: $id) { id } }`, { id: retried.id });
      const done = await waitForRun(app, retried.id);
      expect(done.status).toBe('SUCCEEDED');
      expect(done.counters.identitiesDeactivated).toBe(await identityCount());
    } finally {
      await server().restart();
    }
  });

  it('refuses to retry a run that is not failed or cancelled', async () => {
    const { syncRuns } = await app.gqlData<{ syncRuns: { id: string; status: string }[] }>(
      `query($c: ID!) { syncRuns(syncConfigId: $c) { id status } }`,
      { c: configId },
    );
    const succeeded = syncRuns.find((run) => run.status === 'SUCCEEDED');
    const result = await app.gql(`mutation($id: ID!) { retrySyncRun(id: $id) { id } }`, {
      id: succeeded?.id,
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('RUN_NOT_ACTIVE');
  });
});
