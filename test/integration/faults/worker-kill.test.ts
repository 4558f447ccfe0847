import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ManagedProcess } from '../../../src/embedded/managed-process.js';
import { createMappedConfig, groupsByLogin, identityStates } from '../../support/directory-sync-queries.js';
import {
  createDirectory,
  createSyncConfig,
  directoryInputFor,
  syncConfigInputFor,
} from '../../support/factories.js';
import type { LdapServerHandle } from '../../support/server-process.js';
import { startSlapd } from '../../support/slapd-server.js';
import { runSync, startSync, waitForRun } from '../../support/sync-runs.js';
import { lockTable, releaseOpenLocks, waitForPhase } from '../../support/phase-control.js';
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

afterEach(releaseOpenLocks);

describe('a worker killed mid-run', () => {
  it('during apply: a new worker finishes, with the same final state as an undisturbed run', async () => {
    const worker = await newWorker();
    const { directoryId, configId } = await createMappedConfig(app, sharedSlapd, {
      groupCount: 4,
      oneAppGroup: false,
    });
    expect((await runSync(app, configId)).status).toBe('SUCCEEDED');
    const expected = groupsByLogin(await identityStates(app, directoryId), (id) => id);
    expect(Object.keys(expected).length).toBeGreaterThan(0);
    await app.database.pool.query('delete from identity where source_directory_id = $1', [directoryId]);

    const lock = await lockTable(app, 'synced_membership');
    const run = await startSync(app, configId);
    await waitForPhase(app, run.id, 'APPLY');
    await kill(worker);
    await lock.release();
    await newWorker();
    const done = await waitForRun(app, run.id);
    expect(done.status).toBe('SUCCEEDED');
    expect(groupsByLogin(await identityStates(app, directoryId), (id) => id)).toEqual(expected);
  });

  it('during the role-request commit: every request is executed once', async () => {
    const worker = await newWorker();
    const { directoryId, configId, groupDns } = await createMappedConfig(app, sharedSlapd, {
      groupCount: 5,
      oneAppGroup: true,
    });
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

    const lock = await lockTable(app, 'identity_role');
    const run = await startSync(app, roles.id);
    await waitForPhase(app, run.id, 'COMMIT_ROLE_REQUESTS');
    await kill(worker);
    await lock.release();
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
      await slapd.pause();
      const run = await startSync(app, config.id);
      await waitForPhase(app, run.id, 'READ_USERS');
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
