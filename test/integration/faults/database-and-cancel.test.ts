import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createMappedConfig,
  groupsByLogin,
  identityStates,
  type MappedConfig,
} from '../../support/directory-sync-queries.js';
import {
  createDirectory,
  createSyncConfig,
  directoryInputFor,
  syncConfigInputFor,
} from '../../support/factories.js';
import { startSlapd } from '../../support/slapd-server.js';
import { getRun, runSync, startSync, waitForRun } from '../../support/sync-runs.js';
import { lockTable, releaseOpenLocks, waitForPhase } from '../../support/phase-control.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const { slapd } = inject('servers');
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

afterEach(releaseOpenLocks);

/** A fresh config on the shared slapd with its first groups mapped; earlier tests' identities are removed. */
async function mappedConfig(): Promise<MappedConfig> {
  await app.database.pool.query('delete from identity');
  return createMappedConfig(app, slapd, { groupCount: 6, oneAppGroup: false });
}

describe('database connection dropped during apply', () => {
  it('the apply is retried: no duplicate, no lost change', async () => {
    const { directoryId, configId } = await mappedConfig();
    expect((await runSync(app, configId)).status).toBe('SUCCEEDED');
    const expected = groupsByLogin(await identityStates(app, directoryId), (id) => id);
    await app.database.pool.query('delete from identity where source_directory_id = $1', [directoryId]);

    const lock = await lockTable(app, 'synced_membership');
    const run = await startSync(app, configId);
    await waitForPhase(app, run.id, 'APPLY');
    // The apply's connection waits on the lock: terminate it, as a database failover would.
    const deadline = Date.now() + 30_000;
    let terminated = 0;
    while (terminated === 0 && Date.now() < deadline) {
      const { rowCount } = await lock.client.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
         where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'`,
      );
      terminated = rowCount ?? 0;
      if (terminated === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(terminated).toBeGreaterThan(0);
    await lock.release();
    const done = await waitForRun(app, run.id);
    expect(done.status).toBe('SUCCEEDED');
    expect(groupsByLogin(await identityStates(app, directoryId), (id) => id)).toEqual(expected);
    const duplicates = await app.database.pool.query(
      'select identity_id, app_group_id from synced_membership group by 1, 2, sync_config_id, ldap_group_dn_norm having count(*) > 1',
    );
    expect(duplicates.rowCount).toBe(0);
  });
});

describe('cancel during a phase', () => {
  it('during the read: the run ends CANCELLED and nothing is applied', async () => {
    const own = await startSlapd({ fixture: { userCount: 300, groupCount: 10, bigGroupMemberCount: 100 } });
    try {
      const directory = await createDirectory(
        app,
        directoryInputFor(own.info, { operationTimeoutMs: 60_000 }),
      );
      const config = await createSyncConfig(app, {
        ...syncConfigInputFor(own.info, directory.id),
        autoCreateUsers: true,
      });
      await own.pause();
      const run = await startSync(app, config.id);
      await waitForPhase(app, run.id, 'READ_USERS');
      await app.gqlData(`mutation($id: ID!) { cancelSyncRun(id: $id) { id } }`, { id: run.id });
      expect((await waitForRun(app, run.id)).status).toBe('CANCELLED');
      const { rows } = await app.database.pool.query<{ n: number }>(
        'select count(*)::int as n from identity where source_directory_id = $1',
        [directory.id],
      );
      expect(rows[0]?.n).toBe(0);
    } finally {
      own.resume();
      await own.stop();
    }
  });

  it('during apply: the plan is applied whole or not at all', async () => {
    const { directoryId, configId } = await mappedConfig();
    const lock = await lockTable(app, 'synced_membership');
    const run = await startSync(app, configId);
    await waitForPhase(app, run.id, 'APPLY');
    const planned = await getRun(app, run.id);
    expect(planned.counters.identitiesToCreate).toBeGreaterThan(0);
    await app.gqlData(`mutation($id: ID!) { cancelSyncRun(id: $id) { id } }`, { id: run.id });
    // The apply holds its run row until it commits or rolls back; the run can end only after that.
    await lock.release();
    expect((await waitForRun(app, run.id)).status).toBe('CANCELLED');
    const states = await identityStates(app, directoryId);
    const memberships = [...states.values()].reduce((sum, state) => sum + state.groupIds.length, 0);
    const whole =
      states.size === planned.counters.identitiesToCreate &&
      memberships === planned.counters.membershipsToAdd;
    const nothing = states.size === 0 && memberships === 0;
    expect(whole || nothing, `identities ${states.size}, memberships ${memberships}`).toBe(true);
  });

  it('during the role-request commit: requests are executed in whole batches or not at all', async () => {
    const { directoryId, configId } = await mappedConfig();
    expect((await runSync(app, configId)).status).toBe('SUCCEEDED');
    await app.database.pool.query(
      `insert into contract (id, identity_id, "primary", excluded, created_at)
       select gen_random_uuid(), id, true, false, now() from identity where source_directory_id = $1`,
      [directoryId],
    );
    const roles = await createSyncConfig(app, {
      ...syncConfigInputFor(slapd, directoryId),
      kind: 'ROLE_SYNC',
      assignRolesToIdentities: true,
    });
    const lock = await lockTable(app, 'identity_role');
    const run = await startSync(app, roles.id);
    await waitForPhase(app, run.id, 'COMMIT_ROLE_REQUESTS');
    await app.gqlData(`mutation($id: ID!) { cancelSyncRun(id: $id) { id } }`, { id: run.id });
    await lock.release();
    expect((await waitForRun(app, run.id)).status).toBe('CANCELLED');
    const { rows } = await app.database.pool.query<{
      executed: number;
      pending: number;
      assigned: number;
      addItems: number;
    }>(
      `select (select count(*)::int from role_request where created_by_run_id = $1 and state = 'EXECUTED') as executed,
              (select count(*)::int from role_request where created_by_run_id = $1 and state = 'CONCEPT') as pending,
              (select count(*)::int from identity_role ir join role r on r.id = ir.role_id where r.sync_config_id = $2) as assigned,
              (select count(*)::int from role_request_item it join role_request rr on rr.id = it.request_id
                where rr.created_by_run_id = $1 and rr.state = 'EXECUTED' and it.operation = 'ADD') as "addItems"`,
      [run.id, roles.id],
    );
    const counts = rows[0];
    expect(counts).toBeDefined();
    // Every executed request has all its roles assigned, and no role was assigned by a request left pending.
    expect(counts?.assigned).toBe(counts?.addItems);
    expect((counts?.executed ?? 0) + (counts?.pending ?? 0)).toBeGreaterThan(0);
  });
});
