import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ADOPTED_BY_DIGEST } from '../../../src/activities/read-directory.activities.js';
import {
  activeByLogin,
  createAppGroup,
  createTreeSync,
  identityStates,
  labelledGroupsByLogin,
  setMappings,
  updateConfig,
} from '../../support/directory-sync-queries.js';
import { uniqueName } from '../../support/factories.js';
import { createScenarioTree, type ScenarioTree } from '../../support/ldap-scenario.js';
import { infoMessagesOf, NOTHING_PLANNED, planMessageOf, runSync } from '../../support/sync-runs.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const { slapd } = inject('servers');
let app: TestApp;
let tree: ScenarioTree;
let directoryId: string;
let configId: string;
const user: Record<string, string> = {};
const dn: Record<string, string> = {};
const group: Record<string, string> = {};
const USERS = ['dif1', 'dif2', 'dif3', 'dif4', 'dif5', 'dif6'];

/**
 * Differential sync on full reads: a user whose staged row equals the snapshot's is neither resolved nor
 * planned, as long as the plan context (switches, mappings, groups, nesting) is the snapshot's too and
 * the identity is as the last plan left it. Each test changes one of these and checks that exactly the
 * users it concerns are planned, with the outcome a full plan would give.
 */
beforeAll(async () => {
  app = await startTestApp();
  tree = await createScenarioTree(slapd, 'differential');
  for (const uid of USERS) user[uid] = await tree.addUser(uid);
  dn.a = await tree.addGroup('a', [user.dif1 ?? '', user.dif2 ?? '']);
  dn.b = await tree.addGroup('b', [user.dif3 ?? '', user.dif4 ?? '']);
  dn.inner = await tree.addGroup('inner', [user.dif5 ?? '']);
  for (const label of ['A', 'B', 'O']) group[label] = await createAppGroup(app, uniqueName(label));
  ({ directoryId, configId } = await createTreeSync(app, slapd, tree, [
    { ldapGroupDn: dn.a, appGroupIds: [group.A ?? ''] },
    { ldapGroupDn: dn.b, appGroupIds: [group.B ?? ''] },
  ]));
  // Every run reads in full, so the differential plan alone keeps unchanged users out.
  await updateConfig(app, configId, { incrementalReads: false, expandNestedGroups: true });
});

afterAll(async () => {
  await tree.close();
  await app.stop();
});

const state = (): Promise<Record<string, string[]>> => labelledGroupsByLogin(app, directoryId, group);

/** Re-activates an identity outside every mapped group by hand: the next run plans it alone and deactivates it. */
async function expectReactivatedByHandDeactivatedAgain(login: string): Promise<void> {
  await app.database.pool.query(
    'update identity set active = true, deactivation_reason = null where login = $1',
    [login],
  );
  const run = await runSync(app, configId);
  expect(run.counters).toMatchObject({ entriesUnchanged: USERS.length - 1, identitiesDeactivated: 1 });
  expect((await activeByLogin(app, directoryId))[login]).toBe(false);
}

describe('differential sync', () => {
  it('an unchanged re-run resolves and plans no user', async () => {
    const first = await runSync(app, configId);
    expect(first.counters).toMatchObject({ identitiesCreated: 4, membershipEdges: 5, entriesUnchanged: 0 });
    const again = await runSync(app, configId);
    expect(again).toMatchObject({ status: 'SUCCEEDED', readMode: 'FULL' });
    expect(again.counters).toMatchObject({
      usersRead: USERS.length,
      membershipEdges: 0,
      entriesUnchanged: USERS.length,
      ...NOTHING_PLANNED,
    });
    // Every entry arrived with the bytes of the first run's read: none was decoded again.
    expect(await infoMessagesOf(app, again.id, 'READ_USERS')).toContain(
      `${USERS.length} of the ${USERS.length} users read are unchanged since the last successful run: ` +
        'their rows were taken from its staging, not decoded again',
    );
  });

  it('a user whose memberOf changed is the only one resolved and planned', async () => {
    await tree.setMembers(dn.b ?? '', [user.dif3 ?? '', user.dif4 ?? '', user.dif2 ?? '']);
    const run = await runSync(app, configId);
    expect(run.counters).toMatchObject({
      membershipEdges: 2,
      entriesUnchanged: USERS.length - 1,
      membershipsAdded: 1,
    });
    expect((await state()).dif2).toEqual(['A', 'B']);
    // dif2's entry changed (its memberOf): the one decoded.
    expect((await infoMessagesOf(app, run.id, 'READ_USERS')).join('\n')).toContain(
      `${USERS.length - 1} of the ${USERS.length} users read are unchanged`,
    );
  });

  it('a group nested into a mapped group re-plans everyone, though no member entry changed', async () => {
    // The memberof overlay writes memberOf on the nested group's entry, not on its members'.
    await tree.setMembers(dn.b ?? '', [user.dif3 ?? '', user.dif4 ?? '', user.dif2 ?? '', dn.a ?? '']);
    const run = await runSync(app, configId);
    expect(run.counters).toMatchObject({ entriesUnchanged: 0, membershipsAdded: 1 });
    expect((await state()).dif1).toEqual(['A', 'B']);
  });

  it('a changed mapping re-plans everyone', async () => {
    await setMappings(app, configId, [
      { ldapGroupDn: dn.a ?? '', appGroupIds: [group.A ?? '', group.O ?? ''] },
      { ldapGroupDn: dn.b ?? '', appGroupIds: [group.B ?? ''] },
    ]);
    const run = await runSync(app, configId);
    expect(run.counters).toMatchObject({ entriesUnchanged: 0, membershipsAdded: 2 });
    expect(await state()).toMatchObject({ dif1: ['A', 'B', 'O'], dif2: ['A', 'B', 'O'] });
    expect((await runSync(app, configId)).counters).toMatchObject({
      entriesUnchanged: USERS.length,
      ...NOTHING_PLANNED,
    });
  });

  it('an identity deleted by hand comes back with its memberships, though its entry did not change', async () => {
    await app.database.pool.query('delete from identity where login = $1', ['dif1']);
    const run = await runSync(app, configId);
    // No row changed; the plan resolved the edges of the one user it had to plan again, and no others.
    expect(run.counters).toMatchObject({
      membershipEdges: 2,
      entriesUnchanged: USERS.length - 1,
      identitiesCreated: 1,
      membershipsAdded: 3,
    });
    expect((await state()).dif1).toEqual(['A', 'B', 'O']);
  });

  it('an identity re-activated by hand while in no mapped group is deactivated again', async () => {
    await tree.setMembers(dn.b ?? '', [user.dif3 ?? '', user.dif2 ?? '', dn.a ?? '']);
    const left = await runSync(app, configId);
    expect(left.counters).toMatchObject({ identitiesDeactivated: 1, membershipsRemoved: 1 });
    await expectReactivatedByHandDeactivatedAgain('dif4');
    expect((await identityStates(app, directoryId)).get('dif4')?.deactivationReason).toBe(
      'NOT_IN_MAPPED_GROUP',
    );
  });

  it("with the groups' member values as the source, an unchanged user stays out and a drifted one is planned", async () => {
    // The users reached through the mapped groups are found another way here (from the member values).
    await updateConfig(app, configId, { membershipSource: 'GROUP_MEMBERS' });
    await runSync(app, configId);
    const again = await runSync(app, configId);
    expect(again.counters).toMatchObject({ entriesUnchanged: USERS.length, ...NOTHING_PLANNED });
    // Every entry known, member values and all: the run adopted the snapshot's staging, copying nothing.
    expect(await infoMessagesOf(app, again.id, 'READ_GROUPS')).toContain(ADOPTED_BY_DIGEST);
    const { rows } = await app.database.pool.query<{ own: number }>(
      `select (select count(*) from staged_user where run_id = $1)::int
            + (select count(*) from staged_group_member where run_id = $1)::int as own`,
      [again.id],
    );
    expect(rows[0]?.own).toBe(0);
    // The next run adopts too, and plans the identity changed by hand from that staging.
    await expectReactivatedByHandDeactivatedAgain('dif4');
  });

  it('with memberOf and no nesting, an unchanged full read adopts by digest; one where a group alone changed copies the users', async () => {
    await updateConfig(app, configId, { membershipSource: 'MEMBER_OF', expandNestedGroups: false });
    // The groups are read under another seed now (their member values only counted): this run decodes
    // them, finds its staging equal to the snapshot's, and adopts it with the digests it took.
    await runSync(app, configId);
    const before = await state();
    const unchanged = await runSync(app, configId);
    expect(await infoMessagesOf(app, unchanged.id, 'READ_GROUPS')).toContain(ADOPTED_BY_DIGEST);
    // A second cn on group b: its entry changes, no user's does.
    await tree.setAttribute(dn.b ?? '', 'cn', ['b', 'b-alias']);
    const groupChanged = await runSync(app, configId);
    expect(groupChanged).toMatchObject({ status: 'SUCCEEDED', readMode: 'FULL' });
    const groupLines = await infoMessagesOf(app, groupChanged.id, 'READ_GROUPS');
    expect(groupLines).not.toContain(ADOPTED_BY_DIGEST);
    expect(groupLines.join('\n')).toContain('2 of the 3 groups read are unchanged');
    expect((await infoMessagesOf(app, groupChanged.id, 'READ_USERS')).join('\n')).toContain(
      `${USERS.length} of the ${USERS.length} users read are unchanged`,
    );
    const { rows } = await app.database.pool.query<{ users: string }>(
      `select count(*) as users from staged_user u join sync_run r on u.run_id = coalesce(r.staging_run_id, r.id)
       where r.id = $1`,
      [groupChanged.id],
    );
    expect(Number(rows[0]?.users)).toBe(USERS.length);
    expect(await state()).toEqual(before);
  });

  it('a plan of nothing leaves analyzing the tables written since to the next run that plans', async () => {
    const before = await lastAnalyzed('synced_membership');
    await makeStale('synced_membership');
    const unchanged = await runSync(app, configId);
    expect(await infoMessagesOf(app, unchanged.id, 'READ_GROUPS')).toContain(ADOPTED_BY_DIGEST);
    expect(unchanged.counters).toMatchObject(NOTHING_PLANNED);
    expect(await lastAnalyzed('synced_membership')).toEqual(before);
    // dif6 joins group a: its entry changes, and the run plans it against fresh statistics.
    await tree.setMembers(dn.a ?? '', [user.dif1 ?? '', user.dif2 ?? '', user.dif6 ?? '']);
    await runSync(app, configId);
    expect((await state()).dif6).toContain('A');
    expect(await lastAnalyzed('synced_membership')).not.toEqual(before);
  });

  it('with memberOf and no nesting, a full read plans only the users whose entries changed, as an incremental run would', async () => {
    // dif6 joins b (its memberOf alone changes), dif2 gets another mail, dif7 is new in a.
    await tree.setMembers(dn.b ?? '', [user.dif3 ?? '', user.dif4 ?? '', user.dif6 ?? '']);
    await tree.setAttribute(user.dif2 ?? '', 'mail', ['dif2-new@scenario.test']);
    user.dif7 = await tree.addUser('dif7');
    await tree.setMembers(dn.a ?? '', [user.dif1 ?? '', user.dif2 ?? '', user.dif6 ?? '', user.dif7]);
    const run = await runSync(app, configId);
    expect(run).toMatchObject({ status: 'SUCCEEDED', readMode: 'FULL' });
    // What a plan of every user does here too (compared while this was written).
    expect(run.counters).toMatchObject({
      identitiesCreated: 1,
      identitiesUpdated: 1,
      identitiesReactivated: 1,
      membershipsAdded: 4,
      membershipsRemoved: 1,
    });
    // The difference of memberOf is planned only where the plan was narrowed to the changed rows.
    expect(await planMessageOf(app, run.id)).toContain('1 users planned from their memberOf changes alone');
    expect(await state()).toMatchObject({ dif2: ['A', 'O'], dif6: ['A', 'B', 'O'], dif7: ['A', 'O'] });
  });

  it('such a plan deactivates an identity whose user lost its login; one with a user gone from the directory plans all', async () => {
    const lostLogin = await tree.addUser('dif8', { withoutUid: true });
    await tree.setAttribute(lostLogin, 'uid', ['dif8']);
    await tree.setMembers(dn.b ?? '', [user.dif3 ?? '', user.dif4 ?? '', user.dif6 ?? '', lostLogin]);
    await runSync(app, configId);
    expect((await activeByLogin(app, directoryId)).dif8).toBe(true);

    // dif8's entry keeps its DN and loses its login; dif6 leaves b (planned from its memberOf).
    await tree.setAttribute(lostLogin, 'uid', []);
    await tree.setMembers(dn.b ?? '', [user.dif3 ?? '', user.dif4 ?? '', lostLogin]);
    const narrowed = await runSync(app, configId);
    expect(await planMessageOf(app, narrowed.id)).toContain(
      '1 users planned from their memberOf changes alone',
    );
    expect(narrowed.counters).toMatchObject({ identitiesDeactivated: 1, membershipsRemoved: 2 });
    const dif8 = [...(await identityStates(app, directoryId)).values()].find((i) => i.login === 'dif8');
    expect(dif8).toMatchObject({ active: false, deactivationReason: 'NOT_FOUND_IN_DIRECTORY' });

    // dif1 is gone: only a plan of every user finds the identity no row matches.
    await tree.deleteEntry(user.dif1 ?? '');
    const gone = await runSync(app, configId);
    expect(gone.counters).toMatchObject({ identitiesDeactivated: 1 });
    expect((await activeByLogin(app, directoryId)).dif1).toBe(false);
  });
});

/** Past the analyze threshold with the rows as they were: 200 rows written and deleted again. */
async function makeStale(table: 'synced_membership'): Promise<void> {
  const client = await app.database.pool.connect();
  try {
    await client.query(
      `insert into ${table} (identity_id, app_group_id, sync_config_id, ldap_group_dn_norm, created_at)
       select gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'cn=stale', now() from generate_series(1, 100)`,
    );
    await client.query(`delete from ${table} where ldap_group_dn_norm = 'cn=stale'`);
    // The writing backend publishes its table counters at once (they lag otherwise).
    await client.query('select pg_stat_force_next_flush()');
  } finally {
    client.release();
  }
}

async function lastAnalyzed(table: string): Promise<Date | null> {
  const result = await app.database.pool.query<{ at: Date | null }>(
    'select last_analyze as at from pg_stat_user_tables where relname = $1',
    [table],
  );
  return result.rows[0]?.at ?? null;
}
