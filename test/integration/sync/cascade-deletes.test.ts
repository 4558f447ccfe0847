import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAppGroup, createTreeSync } from '../../support/directory-sync-queries.js';
import { uniqueName } from '../../support/factories.js';
import { createScenarioTree, type ScenarioTree } from '../../support/ldap-scenario.js';
import { runSync } from '../../support/sync-runs.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const { slapd } = inject('servers');
let app: TestApp;
let tree: ScenarioTree;
let configId: string;
const group: Record<'A' | 'B', string> = { A: '', B: '' };

/**
 * synced_membership, identity_role and role_request_item have no foreign keys (a million per-row checks
 * at 100k users);
 * triggers on their parents do what ON DELETE CASCADE / SET NULL did. Each deletion path must leave no
 * row behind.
 */
beforeAll(async () => {
  app = await startTestApp();
  tree = await createScenarioTree(slapd, 'cascade');
  const members = [await tree.addUser('ann'), await tree.addUser('ben')];
  const team = await tree.addGroup('team', members);
  group.A = await createAppGroup(app, uniqueName('A'));
  group.B = await createAppGroup(app, uniqueName('B'));
  ({ configId } = await createTreeSync(app, slapd, tree, [
    { ldapGroupDn: team, appGroupIds: [group.A, group.B] },
  ]));
  const run = await runSync(app, configId);
  expect(run.counters).toMatchObject({ identitiesCreated: 2, membershipsAdded: 4 });
});

afterAll(async () => {
  await tree.close();
  await app.stop();
});

/** login -> app groups (A/B) of the config's synced memberships; plus rows whose parent is gone. */
async function syncedRows(): Promise<{ byLogin: Record<string, string[]>; orphans: number }> {
  const { rows } = await app.database.pool.query<{ login: string | null; app_group_id: string }>(
    `select i.login, s.app_group_id from synced_membership s left join identity i on i.id = s.identity_id
     where s.sync_config_id = $1 order by 1, 2`,
    [configId],
  );
  const label = (id: string): string => (id === group.A ? 'A' : id === group.B ? 'B' : id);
  const byLogin: Record<string, string[]> = {};
  for (const row of rows) (byLogin[row.login ?? '(none)'] ??= []).push(label(row.app_group_id));
  for (const labels of Object.values(byLogin)) labels.sort();
  const orphans = await app.database.pool.query<{ n: number }>(
    `select count(*)::int as n from synced_membership s
     where not exists (select 1 from identity i where i.id = s.identity_id)
        or not exists (select 1 from app_group g where g.id = s.app_group_id)
        or not exists (select 1 from sync_config c where c.id = s.sync_config_id)`,
  );
  return { byLogin, orphans: orphans.rows[0]?.n ?? -1 };
}

describe('synced memberships follow their parents', () => {
  it('deleting an app group deletes its synced memberships only', async () => {
    expect((await syncedRows()).byLogin).toEqual({ ann: ['A', 'B'], ben: ['A', 'B'] });
    await app.gqlData(`mutation($id: ID!) { deleteAppGroup(id: $id) }`, { id: group.B });
    expect(await syncedRows()).toEqual({ byLogin: { ann: ['A'], ben: ['A'] }, orphans: 0 });
  });

  it('deleting an identity deletes its synced memberships', async () => {
    await app.database.pool.query(`delete from identity where login = 'ben'`);
    expect(await syncedRows()).toEqual({ byLogin: { ann: ['A'] }, orphans: 0 });
  });

  it('deleting a role or a contract deletes the role assignments and request items through it', async () => {
    const pool = app.database.pool;
    const { rows } = await pool.query<{ identity_id: string; contract_id: string }>(
      `insert into contract (id, identity_id, "primary", excluded, created_at)
       select gen_random_uuid(), id, true, false, now() from identity where login = 'ann'
       returning identity_id, id as contract_id`,
    );
    const ann = rows[0];
    if (ann === undefined) throw new Error('no contract');
    const roles: string[] = [];
    for (const code of [uniqueName('r1'), uniqueName('r2')]) {
      const role = await pool.query<{ id: string }>(
        `insert into role (id, name, code, created_at, updated_at) values (gen_random_uuid(), $1::text, $1::text, now(), now())
         returning id`,
        [code],
      );
      roles.push(role.rows[0]?.id ?? '');
    }
    for (const roleId of roles) {
      await pool.query(
        `insert into identity_role (id, identity_id, contract_id, role_id, origin, sync_config_id, created_at)
         values (gen_random_uuid(), $1, $2, $3, 'SYNC', $4, now())`,
        [ann.identity_id, ann.contract_id, roleId, configId],
      );
    }
    const assignments = async (): Promise<{ role_id: string; sync_config_id: string | null }[]> =>
      (
        await pool.query<{ role_id: string; sync_config_id: string | null }>(
          'select role_id, sync_config_id from identity_role where identity_id = $1 order by role_id',
          [ann.identity_id],
        )
      ).rows;
    const request = await pool.query<{ id: string }>(
      `insert into role_request (id, identity_id, state, result_code, created_at)
       values (gen_random_uuid(), $1, 'CONCEPT', 'TEST', now()) returning id`,
      [ann.identity_id],
    );
    const requestId = request.rows[0]?.id ?? '';
    await pool.query(
      `insert into role_request_item (id, request_id, role_id, operation)
       select gen_random_uuid(), $1, unnest($2::uuid[]), 'ADD'`,
      [requestId, roles],
    );
    const items = async (): Promise<string[]> =>
      (
        await pool.query<{ role_id: string }>(
          'select role_id from role_request_item where request_id = $1 order by role_id',
          [requestId],
        )
      ).rows.map((row) => row.role_id);
    expect(await assignments()).toHaveLength(2);
    expect(await items()).toEqual([...roles].sort());
    await pool.query('delete from role where id = $1', [roles[0]]);
    expect(await assignments()).toEqual([{ role_id: roles[1], sync_config_id: configId }]);
    expect(await items()).toEqual([roles[1]]);
    await pool.query('delete from role_request where id = $1', [requestId]);
    expect(await items()).toEqual([]);
    await app.gqlData(`mutation($id: ID!) { deleteSyncConfig(id: $id) }`, { id: configId });
    expect(await assignments()).toEqual([{ role_id: roles[1], sync_config_id: null }]);
    expect(await syncedRows()).toEqual({ byLogin: {}, orphans: 0 });
    await pool.query('delete from contract where id = $1', [ann.contract_id]);
    expect(await assignments()).toEqual([]);
  });
});
