import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createAppGroup,
  createTreeSync,
  identityStates,
  labelledGroupsByLogin,
  activeByLogin as activeStateByLogin,
  setMappings,
  updateConfig,
} from '../../support/directory-sync-queries.js';
import { uniqueName } from '../../support/factories.js';
import { createScenarioTree, type ScenarioTree } from '../../support/ldap-scenario.js';
import {
  identityVersionsOf,
  NOTHING_PLANNED,
  planMessageOf,
  runSync,
  startSync,
  waitForRun,
} from '../../support/sync-runs.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const { slapd } = inject('servers');
let app: TestApp;
let tree: ScenarioTree;
let directoryId: string;
let configId: string;
const dn: Record<string, string> = {};
const group: Record<string, string> = {};

/**
 * Job 1 of DESIGN.md end to end on a private subtree of the real slapd: each test changes the directory
 * or the config, runs a real sync through Temporal and asserts the exact resulting state.
 */
beforeAll(async () => {
  app = await startTestApp();
  tree = await createScenarioTree(slapd, 'dirsync');
  for (const uid of ['alice', 'bob', 'carol', 'dave', 'frank']) dn[uid] = await tree.addUser(uid);
  dn.eng = await tree.addGroup('eng', [dn.alice ?? '', dn.bob ?? '']);
  dn.ops = await tree.addGroup('ops', [dn.carol ?? '']);
  dn.staff = await tree.addGroup('staff', [dn.eng, dn.dave ?? '']);
  dn.unmapped = await tree.addGroup('unmapped', [dn.frank ?? '']);
  for (const name of ['Dev', 'Build', 'Ship', 'Ops', 'Staff'])
    group[name] = await createAppGroup(app, uniqueName(name));
  ({ directoryId, configId } = await createTreeSync(app, slapd, tree, [
    { ldapGroupDn: dn.eng, appGroupIds: [group.Dev ?? '', group.Build ?? '', group.Ship ?? ''] },
    // Other case and spacing than the server's DN: compared in canonical form.
    { ldapGroupDn: dn.ops.toUpperCase().replace(',', ' , '), appGroupIds: [group.Ops ?? ''] },
    { ldapGroupDn: dn.staff, appGroupIds: [group.Staff ?? ''] },
  ]));
});

afterAll(async () => {
  await tree.close();
  await app.stop();
});

function names(...keys: string[]): string[] {
  return keys.map((key) => {
    const id = group[key];
    if (id === undefined) throw new Error(`no group ${key}`);
    return id;
  });
}

/** login -> the test's names of its application groups (Dev, Ops, ...). */
const state = (): Promise<Record<string, string[]>> => labelledGroupsByLogin(app, directoryId, group);

const activeByLogin = (): Promise<Record<string, boolean>> => activeStateByLogin(app, directoryId);

describe('directory sync', () => {
  it('first sync creates exactly the users in mapped groups, with their memberships', async () => {
    const run = await runSync(app, configId);
    expect(run).toMatchObject({ status: 'SUCCEEDED', phase: 'DONE' });
    expect(run.counters).toMatchObject({
      identitiesCreated: 4,
      membershipsAdded: 8,
      identitiesDeactivated: 0,
    });
    // One LDAP group mapped to three application groups; nested members (alice, bob in staff via eng) get nothing.
    expect(await state()).toEqual({
      alice: ['Build', 'Dev', 'Ship'].sort(),
      bob: ['Build', 'Dev', 'Ship'].sort(),
      carol: ['Ops'],
      dave: ['Staff'],
    });
    expect(names('Dev')).toHaveLength(1);
  });

  it('a second, unchanged sync changes nothing', async () => {
    const run = await runSync(app, configId);
    expect(run.counters).toMatchObject(NOTHING_PLANNED);
  });

  it('a user removed from a group loses the memberships and, in no mapped group, is deactivated', async () => {
    await tree.setMembers(dn.eng ?? '', [dn.alice ?? '']);
    const run = await runSync(app, configId);
    expect(run.counters).toMatchObject({ membershipsRemoved: 3, identitiesDeactivated: 1 });
    expect((await state()).bob).toEqual([]);
    const bob = (await identityStates(app, directoryId)).get('bob');
    expect(bob).toMatchObject({ active: false, deactivationReason: 'NOT_IN_MAPPED_GROUP' });
  });

  it('a deactivated user who rejoins is reactivated with the memberships back', async () => {
    await tree.setMembers(dn.eng ?? '', [dn.alice ?? '', dn.bob ?? '']);
    const run = await runSync(app, configId);
    expect(run.counters).toMatchObject({ identitiesReactivated: 1, membershipsAdded: 3 });
    expect((await activeByLogin()).bob).toBe(true);
    expect((await state()).bob).toEqual(['Build', 'Dev', 'Ship'].sort());
  });

  it('never touches a manual membership', async () => {
    const { rows } = await app.database.pool.query<{ id: string }>(
      `select id from identity where login = 'carol'`,
    );
    await app.database.pool.query(
      'insert into manual_membership (identity_id, app_group_id, created_at) values ($1, $2, now())',
      [rows[0]?.id, group.Dev],
    );
    await tree.setMembers(dn.ops ?? '', [dn.dave ?? '']);
    await runSync(app, configId);
    expect((await state()).carol).toEqual(['Dev']);
    await tree.setMembers(dn.ops ?? '', [dn.carol ?? '']);
    await runSync(app, configId);
    expect((await state()).carol).toEqual(['Dev', 'Ops']);
  });

  it('keeps a user in no mapped group active when auto-deactivation is off', async () => {
    await updateConfig(app, configId, { autoDeactivateUsers: false });
    await tree.setMembers(dn.staff ?? '', [dn.eng ?? '']);
    const run = await runSync(app, configId);
    expect(run.counters).toMatchObject({ identitiesDeactivated: 0, membershipsRemoved: 1 });
    expect((await activeByLogin()).dave).toBe(true);
    await updateConfig(app, configId, { autoDeactivateUsers: true });
    await tree.setMembers(dn.staff ?? '', [dn.eng ?? '', dn.dave ?? '']);
    await runSync(app, configId);
    expect((await state()).dave).toEqual(['Staff']);
  });

  it('applies mappings through nested groups only with expandNestedGroups, through a cycle without looping', async () => {
    const x = await tree.addUser('xavier');
    const cycleA = await tree.addGroup('cycle-a', [x]);
    const cycleB = await tree.addGroup('cycle-b', [cycleA]);
    await tree.setMembers(cycleA, [x, cycleB]);
    await setMappings(app, configId, [
      { ldapGroupDn: dn.eng ?? '', appGroupIds: names('Dev', 'Build', 'Ship') },
      { ldapGroupDn: dn.ops ?? '', appGroupIds: names('Ops') },
      { ldapGroupDn: dn.staff ?? '', appGroupIds: names('Staff') },
      { ldapGroupDn: cycleB, appGroupIds: names('Ops') },
    ]);
    await runSync(app, configId);
    expect((await state()).alice).toEqual(['Build', 'Dev', 'Ship'].sort());
    expect((await state()).xavier).toBeUndefined();

    await updateConfig(app, configId, { expandNestedGroups: true });
    const run = await runSync(app, configId);
    expect(run.status).toBe('SUCCEEDED');
    const after = await state();
    expect(after.alice).toEqual(['Build', 'Dev', 'Ship', 'Staff'].sort());
    expect(after.bob).toEqual(['Build', 'Dev', 'Ship', 'Staff'].sort());
    expect(after.xavier).toEqual(['Ops']);
    await updateConfig(app, configId, { expandNestedGroups: false });
    await runSync(app, configId);
    expect((await state()).alice).toEqual(['Build', 'Dev', 'Ship'].sort());
  });

  it('a dry run applies nothing, and its plan equals what the real run then does', async () => {
    const grace = await tree.addUser('grace');
    await tree.setMembers(dn.ops ?? '', [dn.carol ?? '', grace]);
    await tree.setMembers(dn.eng ?? '', [dn.alice ?? '']);
    const before = await state();
    const dry = await runSync(app, configId, { dryRun: true });
    expect(dry).toMatchObject({ status: 'SUCCEEDED', dryRun: true });
    expect(await state()).toEqual(before);
    const plan = await app.gqlData<{
      plannedIdentityChanges: { total: number; items: { login: string; action: string }[] };
    }>(`query($r: ID!) { plannedIdentityChanges(runId: $r) { total items { login action } } }`, {
      r: dry.id,
    });
    expect(plan.plannedIdentityChanges.items.map((c) => `${c.action} ${c.login}`).sort()).toEqual([
      'CREATE grace',
      'DEACTIVATE bob',
    ]);

    const real = await runSync(app, configId);
    const planned = [
      'identitiesToCreate',
      'identitiesToDeactivate',
      'membershipsToAdd',
      'membershipsToRemove',
    ];
    for (const key of planned) expect(real.counters[key], key).toBe(dry.counters[key]);
    expect(real.counters).toMatchObject({
      identitiesCreated: dry.counters.identitiesToCreate,
      identitiesDeactivated: dry.counters.identitiesToDeactivate,
      membershipsAdded: dry.counters.membershipsToAdd,
      membershipsRemoved: dry.counters.membershipsToRemove,
    });
    expect((await state()).grace).toEqual(['Ops']);
  });

  it('logs an entry without the login attribute as skipped, with its DN, and goes on', async () => {
    const nameless = await tree.addUser('nameless', { withoutUid: true });
    await tree.setMembers(dn.ops ?? '', [dn.carol ?? '', nameless]);
    const run = await runSync(app, configId);
    expect(run.status).toBe('SUCCEEDED');
    expect(run.counters.entriesSkipped).toBe(1);
    const log = await app.gqlData<{
      syncRunLog: { items: { level: string; message: string; dn: string | null }[] };
    }>(`query($r: ID!) { syncRunLog(runId: $r, levels: [WARN]) { items { level message dn } } }`, {
      r: run.id,
    });
    expect(log.syncRunLog.items).toContainEqual({
      level: 'WARN',
      message: 'Skipped: the entry has no value for the login attribute',
      dn: nameless,
    });
    // The next run finds nothing changed: it compares no user and reports the skipped entry as then.
    const again = await runSync(app, configId);
    expect(again.counters.entriesSkipped).toBe(1);
    expect(await planMessageOf(app, again.id)).toMatch(/^Planned nothing: .*, 1 skipped\)$/);

    // Another entry changes: the plan matches only the changed rows and carries the skipped one over.
    await tree.setAttribute(dn.carol ?? '', 'cn', ['Carol Changed']);
    const changed = await runSync(app, configId);
    expect(changed).toMatchObject({ status: 'SUCCEEDED', readMode: 'INCREMENTAL' });
    expect(changed.counters).toMatchObject({ entriesSkipped: 1, identitiesToUpdate: 1 });
    // The skipped entry gets a login: it is no longer skipped, and is created.
    await tree.setAttribute(nameless, 'uid', ['nameless']);
    const fixed = await runSync(app, configId);
    expect(fixed.counters).toMatchObject({ entriesSkipped: 0, identitiesToCreate: 1 });
    expect((await state()).nameless).toEqual(['Ops']);
    // Ops as the tests after this one expect it: carol alone.
    await tree.setMembers(dn.ops ?? '', [dn.carol ?? '']);
    expect((await runSync(app, configId)).counters).toMatchObject({ identitiesDeactivated: 1 });
  });

  it('keeps a step-by-step log per run, filterable by level and text', async () => {
    const run = await runSync(app, configId);
    const all = await app.gqlData<{
      syncRunLog: { total: number; items: { phase: string; message: string }[] };
    }>(`query($r: ID!) { syncRunLog(runId: $r, limit: 500) { total items { phase message } } }`, {
      r: run.id,
    });
    expect(all.syncRunLog.items.map((i) => i.phase)).toEqual(
      expect.arrayContaining(['RESOLVE_MEMBERS', 'PLAN', 'APPLY']),
    );
    const found = await app.gqlData<{ syncRunLog: { total: number } }>(
      `query($r: ID!) { syncRunLog(runId: $r, search: "Planned") { total } }`,
      { r: run.id },
    );
    expect(found.syncRunLog.total).toBe(1);
  });
});

describe('safety guard', () => {
  it('pauses a run that would deactivate too many, and applies on approval', async () => {
    await updateConfig(app, configId, { safetyThresholdPercent: 10 });
    await tree.setMembers(dn.ops ?? '', []);
    const before = await activeByLogin();
    const started = await startSync(app, configId);
    const waiting = await waitForRun(app, started.id, ['QUEUED', 'RUNNING']);
    expect(waiting).toMatchObject({ status: 'AWAITING_APPROVAL', phase: 'AWAIT_APPROVAL' });
    expect(await activeByLogin()).toEqual(before);
    expect(await identityVersionsOf(app, started.id)).not.toBeNull();
    // Someone else writes an identity before the approval: the apply cannot vouch for the table after it.
    await app.database.pool.query(
      `insert into identity (id, login, created_at, updated_at) values (gen_random_uuid(), 'local-by-hand', now(), now())`,
    );
    await app.gqlData(`mutation($id: ID!) { approveSyncRun(id: $id) { id } }`, { id: started.id });
    const done = await waitForRun(app, started.id);
    expect(done.status).toBe('SUCCEEDED');
    expect(done.counters.identitiesDeactivated).toBe(1);
    expect((await activeByLogin()).carol).toBe(false);
    expect(await identityVersionsOf(app, started.id)).toBeNull();
  });

  it('a cancelled run applies nothing', async () => {
    await tree.setMembers(dn.ops ?? '', [dn.carol ?? '', await tree.addUser('henry')]);
    await tree.setMembers(dn.eng ?? '', []);
    const before = await state();
    const started = await startSync(app, configId);
    expect((await waitForRun(app, started.id, ['QUEUED', 'RUNNING'])).status).toBe('AWAITING_APPROVAL');
    await app.gqlData(`mutation($id: ID!) { cancelSyncRun(id: $id) { id } }`, { id: started.id });
    const done = await waitForRun(app, started.id);
    expect(done.status).toBe('CANCELLED');
    expect(await state()).toEqual(before);
    const again = await app.gql(`mutation($id: ID!) { approveSyncRun(id: $id) { id } }`, { id: started.id });
    expect(again.errors?.[0]?.extensions?.code).toBe('RUN_NOT_ACTIVE');
  });

  it('an empty result where users were found before waits for approval instead of deactivating everyone', async () => {
    await updateConfig(app, configId, { usersFilter: '(uid=nobody-at-all)', safetyThresholdPercent: 100 });
    const before = await activeByLogin();
    expect(Object.values(before).filter(Boolean).length).toBeGreaterThan(0);
    const started = await startSync(app, configId);
    const waiting = await waitForRun(app, started.id, ['QUEUED', 'RUNNING']);
    expect(waiting.status).toBe('AWAITING_APPROVAL');
    const log = await app.gqlData<{ syncRunLog: { items: { message: string }[] } }>(
      `query($r: ID!) { syncRunLog(runId: $r, levels: [WARN]) { items { message } } }`,
      { r: started.id },
    );
    expect(log.syncRunLog.items.map((i) => i.message).join(' ')).toMatch(/returned no users/);
    await app.gqlData(`mutation($id: ID!) { cancelSyncRun(id: $id) { id } }`, { id: started.id });
    expect((await waitForRun(app, started.id)).status).toBe('CANCELLED');
    expect(await activeByLogin()).toEqual(before);
    await updateConfig(app, configId, { usersFilter: '(objectClass=inetOrgPerson)' });
  });
});

describe('mappings', () => {
  it('lists the groups the last run found, with member counts and mappings', async () => {
    const { ldapGroups } = await app.gqlData<{
      ldapGroups: { dn: string; memberCount: number; mappedAppGroupIds: string[] }[];
    }>(`query($id: ID!) { ldapGroups(syncConfigId: $id) { dn memberCount mappedAppGroupIds } }`, {
      id: configId,
    });
    const eng = ldapGroups.find((g) => g.dn.toLowerCase() === (dn.eng ?? '').toLowerCase());
    expect(eng?.mappedAppGroupIds.sort()).toEqual(names('Dev', 'Build', 'Ship').sort());
    expect(ldapGroups.find((g) => g.dn.toLowerCase() === (dn.unmapped ?? '').toLowerCase())).toMatchObject({
      memberCount: 1,
      mappedAppGroupIds: [],
    });
  });

  it.each([
    [
      'a group that does not exist',
      { ldapGroupDn: 'cn=ghost,ou=nowhere,dc=rolesync,dc=test' },
      'NO_SUCH_OBJECT',
    ],
    ['an invalid DN', { ldapGroupDn: 'cn=broken,,x' }, 'INVALID_DN'],
    ['an unknown application group', { appGroupIds: ['00000000-0000-4000-8000-000000000000'] }, 'NOT_FOUND'],
    ['a malformed application group id', { appGroupIds: ['not-a-uuid'] }, 'BAD_USER_INPUT'],
  ])('rejects a mapping to %s and keeps the old mappings', async (_label, override, code) => {
    const before = await app.gqlData<{ groupMappings: unknown[] }>(
      `query($id: ID!) { groupMappings(syncConfigId: $id) { ldapGroupDn appGroupId } }`,
      {
        id: configId,
      },
    );
    const result = await app.gql(
      `mutation($id: ID!, $m: [GroupMappingInput!]!) { setGroupMappings(syncConfigId: $id, mappings: $m) { ldapGroupDn } }`,
      {
        id: configId,
        m: [{ ldapGroupDn: dn.eng, appGroupIds: names('Dev'), ...override }],
      },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    const after = await app.gqlData<{ groupMappings: unknown[] }>(
      `query($id: ID!) { groupMappings(syncConfigId: $id) { ldapGroupDn appGroupId } }`,
      {
        id: configId,
      },
    );
    expect(after.groupMappings).toEqual(before.groupMappings);
  });

  it('rejects a zero or negative schedule interval', async () => {
    for (const minutes of [0, -5]) {
      const result = await app.gql(
        `mutation($id: ID!) { updateSyncConfig(id: $id, input: { scheduleIntervalMinutes: ${minutes} }) { id } }`,
        {
          id: configId,
        },
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
