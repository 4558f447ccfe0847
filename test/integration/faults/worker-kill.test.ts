import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ManagedProcess } from '../../../src/embedded/managed-process.js';
import {
  createAppGroup,
  groupsByLogin,
  identityStates,
  setMappings,
} from '../../support/directory-sync-queries.js';
import {
  createDirectory,
  createSyncConfig,
  directoryInputFor,
  syncConfigInputFor,
  uniqueName,
} from '../../support/factories.js';
import type { LdapServerHandle } from '../../support/server-process.js';
import { startSlapd } from '../../support/slapd-server.js';
import { getRun, runSync, startSync, waitForRun } from '../../support/sync-runs.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { startWorkerProcess } from '../../support/worker-process.js';

const { slapd: sharedSlapd } = inject('servers');
let app: TestApp;
const workers: ManagedProcess[] = [];

/**
 * A worker process is SIGKILLed in the middle of a phase; a new worker process finishes the run. Phases
 * are held in place by a table lock (apply, commit) or a paused slapd (read), so the kill is never racy.
 */
beforeAll(async () => {
  app = await startTestApp({ worker: false });
});
afterAll(async () => {
  for (const worker of workers) await worker.stop(1000);
  await app.stop();
});

async function newWorker(): Promise<ManagedProcess> {
  const worker = await startWorkerProcess(app);
  workers.push(worker);
  return worker;
}

async function kill(worker: ManagedProcess): Promise<void> {
  worker.child.kill('SIGKILL');
  await worker.stop(0);
}

/** Holds an EXCLUSIVE lock (reads pass, writes wait) on a table until released. */
async function lockTable(table: string): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: app.workerEnv.DATABASE_URL });
  await client.connect();
  await client.query('begin');
  await client.query(`lock table ${table} in exclusive mode`);
  let released = false;
  const release = async (): Promise<void> => {
    if (released) return;
    released = true;
    await client.query('commit');
    await client.end();
  };
  openLocks.push(release);
  return release;
}

/** Locks a failed test did not release, released before anything else waits on them. */
const openLocks: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const release of openLocks.splice(0)) await release();
});

async function waitForPhase(runId: string, phase: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while ((await getRun(app, runId)).phase !== phase) {
    if (Date.now() > deadline) throw new Error(`run never reached ${phase}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A directory sync config on the shared slapd with its first groups mapped (found by a dry run). */
async function mappedConfig(groupCount: number, oneAppGroup: boolean) {
  const directory = await createDirectory(app, directoryInputFor(sharedSlapd));
  const config = await createSyncConfig(app, {
    ...syncConfigInputFor(sharedSlapd, directory.id),
    autoCreateUsers: true,
    safetyThresholdPercent: 100,
  });
  expect((await runSync(app, config.id, { dryRun: true })).status).toBe('SUCCEEDED');
  const { ldapGroups } = await app.gqlData<{ ldapGroups: { dn: string }[] }>(
    `query($id: ID!, $n: Int!) { ldapGroups(syncConfigId: $id, limit: $n) { dn } }`,
    {
      id: config.id,
      n: groupCount,
    },
  );
  const shared = await createAppGroup(app, uniqueName('k'));
  const mappings = [];
  for (const group of ldapGroups)
    mappings.push({
      ldapGroupDn: group.dn,
      appGroupIds: [oneAppGroup ? shared : await createAppGroup(app, uniqueName('k'))],
    });
  await setMappings(app, config.id, mappings);
  return { directoryId: directory.id, configId: config.id, groupDns: ldapGroups.map((group) => group.dn) };
}

describe('a worker killed mid-run', () => {
  it('during apply: a new worker finishes, with the same final state as an undisturbed run', async () => {
    const worker = await newWorker();
    const { directoryId, configId } = await mappedConfig(4, false);
    expect((await runSync(app, configId)).status).toBe('SUCCEEDED');
    const expected = groupsByLogin(await identityStates(app, directoryId), (id) => id);
    expect(Object.keys(expected).length).toBeGreaterThan(0);
    await app.database.pool.query('delete from identity where source_directory_id = $1', [directoryId]);

    const release = await lockTable('synced_membership');
    const run = await startSync(app, configId);
    await waitForPhase(run.id, 'APPLY');
    await kill(worker);
    await release();
    await newWorker();
    const done = await waitForRun(app, run.id);
    expect(done.status).toBe('SUCCEEDED');
    expect(groupsByLogin(await identityStates(app, directoryId), (id) => id)).toEqual(expected);
  });

  it('during the role-request commit: every request is executed once', async () => {
    const worker = await newWorker();
    const { directoryId, configId, groupDns } = await mappedConfig(5, true);
    expect((await runSync(app, configId)).status).toBe('SUCCEEDED');
    await app.database.pool.query(
      `insert into contract (id, identity_id, "primary", excluded, created_at)
       select gen_random_uuid(), id, true, false, now() from identity where source_directory_id = $1`,
      [directoryId],
    );
    const roles = await createSyncConfig(app, {
      ...syncConfigInputFor(sharedSlapd, directoryId),
      kind: 'ROLE_SYNC',
      assignRolesToIdentities: true,
      groupsFilter: `(|${groupDns.map((dn) => `(entryDN=${dn})`).join('')})`,
    });

    const release = await lockTable('identity_role');
    const run = await startSync(app, roles.id);
    await waitForPhase(run.id, 'COMMIT_ROLE_REQUESTS');
    await kill(worker);
    await release();
    await newWorker();
    const done = await waitForRun(app, run.id);
    expect(done.status).toBe('SUCCEEDED');
    const { rows } = await app.database.pool.query<{
      requests: number;
      executed: number;
      assignments: number;
      items: number;
    }>(
      `select (select count(*)::int from role_request where created_by_run_id = $1) as requests,
              (select count(*)::int from role_request where created_by_run_id = $1 and state = 'EXECUTED') as executed,
              (select count(*)::int from role_request_item it join role_request rr on rr.id = it.request_id
                where rr.created_by_run_id = $1) as items,
              (select count(*)::int from identity_role ir join role r on r.id = ir.role_id where r.sync_config_id = $2) as assignments`,
      [run.id, roles.id],
    );
    expect(rows[0]?.requests).toBeGreaterThan(0);
    expect(rows[0]?.executed).toBe(rows[0]?.requests);
    expect(rows[0]?.assignments).toBe(rows[0]?.items);
    expect(done.counters.roleRequestsExecuted).toBe(rows[0]?.requests);
  });

  it('during the user read: a new worker reads again and finishes', async () => {
    const worker = await newWorker();
    const slapd: LdapServerHandle = await startSlapd({
      fixture: { userCount: 300, groupCount: 10, bigGroupMemberCount: 100 },
    });
    try {
      const directory = await createDirectory(
        app,
        directoryInputFor(slapd.info, { operationTimeoutMs: 60_000 }),
      );
      const config = await createSyncConfig(app, syncConfigInputFor(slapd.info, directory.id));
      slapd.pause();
      const run = await startSync(app, config.id);
      await waitForPhase(run.id, 'READ_USERS');
      await kill(worker);
      slapd.resume();
      await newWorker();
      const done = await waitForRun(app, run.id);
      expect(done.status).toBe('SUCCEEDED');
      expect(done.counters.usersRead).toBe(slapd.fixture.info.userCount);
    } finally {
      slapd.resume();
      await slapd.stop();
    }
  });
});
