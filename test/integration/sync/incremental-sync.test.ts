import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createAppGroup,
  createTreeSync,
  identityStates,
  labelledGroupsByLogin,
  activeByLogin as activeStateByLogin,
  updateConfig,
} from '../../support/directory-sync-queries.js';
import { uniqueName } from '../../support/factories.js';
import { createScenarioTree, type ScenarioTree } from '../../support/ldap-scenario.js';
import {
  adoptedStagingOf,
  fullReconciliationPlanningNothing,
  identityVersionsOf,
  NOTHING_PLANNED,
  planMessageOf,
  readMarkOf,
  runSync,
  type RunView,
} from '../../support/sync-runs.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const { slapd } = inject('servers');
let app: TestApp;
let tree: ScenarioTree;
let directoryId: string;
let configId: string;
const users: string[] = [];
const dn: Record<string, string> = {};
const appGroup: Record<string, string> = {};

const USERS = 30;
const uid = (n: number): string => `inc${String(n).padStart(2, '0')}`;

const state = (): Promise<Record<string, string[]>> => labelledGroupsByLogin(app, directoryId, appGroup);

const activeByLogin = (): Promise<Record<string, boolean>> => activeStateByLogin(app, directoryId);

/** Incremental sync on slapd: entryCSN marks, the snapshot carried over, results equal a full run's. */
beforeAll(async () => {
  app = await startTestApp();
  tree = await createScenarioTree(slapd, 'incremental');
  for (let n = 1; n <= USERS; n++) users.push(await tree.addUser(uid(n)));
  // A user in no group: read and staged, never an identity.
  dn.sentinel = await tree.addUser('sentinel');
  // g1: users 1-10, g2: 11-20, g3: 21-30; g1 and g2 mapped to one application group each, g3 to two.
  dn.g1 = await tree.addGroup('g1', users.slice(0, 10));
  dn.g2 = await tree.addGroup('g2', users.slice(10, 20));
  dn.g3 = await tree.addGroup('g3', users.slice(20, 30));
  for (const label of ['A', 'B', 'C1', 'C2']) appGroup[label] = await createAppGroup(app, uniqueName(label));
  ({ directoryId, configId } = await createTreeSync(app, slapd, tree, [
    { ldapGroupDn: dn.g1, appGroupIds: [appGroup.A ?? ''] },
    { ldapGroupDn: dn.g2, appGroupIds: [appGroup.B ?? ''] },
    { ldapGroupDn: dn.g3, appGroupIds: [appGroup.C1 ?? '', appGroup.C2 ?? ''] },
  ]));
});

afterAll(async () => {
  await tree.close();
  await app.stop();
});

describe('incremental and differential sync (slapd, entryCSN)', () => {
  let first: RunView;

  it('the first run reads in full and every entry is new', async () => {
    first = await runSync(app, configId);
    expect(first).toMatchObject({ status: 'SUCCEEDED', readMode: 'FULL' });
    expect(first.counters).toMatchObject({
      usersRead: USERS + 1,
      usersStaged: USERS + 1,
      entriesUnchanged: 0,
      identitiesCreated: USERS,
      membershipsAdded: 40,
    });
    // The greatest entryCSN of the users and groups, taken before the read.
    const mark = await readMarkOf(app, first.id);
    expect(mark?.kind).toBe('ENTRY_CSN');
    expect(mark?.value).toMatch(/^\d{14}\.\d{6}Z#/);
  });

  it('a run with no change reads no entry and plans nothing', async () => {
    const run = await runSync(app, configId);
    expect(run).toMatchObject({ status: 'SUCCEEDED', readMode: 'INCREMENTAL' });
    // The mark is exact: every user came over from the snapshot.
    expect(run.counters).toMatchObject({
      usersRead: 0,
      groupsRead: 0,
      usersStaged: USERS + 1,
      entriesUnchanged: USERS + 1,
      ...NOTHING_PLANNED,
    });
    // It reads the first run's staging instead of a copy; the next change gets a staging of its own.
    expect(await adoptedStagingOf(app, run.id)).toBe(first.id);
    const own = await app.database.pool.query<{ n: number }>(
      'select count(*)::int as n from staged_user where run_id = $1',
      [run.id],
    );
    expect(own.rows[0]?.n).toBe(0);
    expect(await readMarkOf(app, run.id)).toEqual(await readMarkOf(app, first.id));
    // No identity changed since the first run's apply either: the plan compared no user.
    expect(await planMessageOf(app, run.id)).toMatch(/^Planned nothing: no entry and no identity changed/);
    expect(await identityVersionsOf(app, run.id)).toBe(await identityVersionsOf(app, first.id));
  });

  it.each([
    [
      'deleted',
      `delete from identity where login = '${uid(1)}'`,
      { identitiesCreated: 1, membershipsAdded: 1 },
    ],
    [
      'deactivated',
      `update identity set active = false, deactivation_reason = 'NOT_IN_MAPPED_GROUP' where login = '${uid(1)}'`,
      { identitiesReactivated: 1, membershipsAdded: 0 },
    ],
  ])('a run that adopts the snapshot still plans an identity %s by hand', async (_, byHand, outcome) => {
    const versionsBefore = await identityVersionsOf(app, (await runSync(app, configId)).id);
    expect(versionsBefore).not.toBeNull();
    await app.database.pool.query(byHand);
    const run = await runSync(app, configId);
    expect(await adoptedStagingOf(app, run.id)).toBe(first.id);
    expect(await planMessageOf(app, run.id)).toMatch(/^Planned: /);
    expect(run.counters).toMatchObject({ usersRead: 0, entriesUnchanged: USERS, ...outcome });
    expect((await state())[uid(1)]).toEqual(['A']);
    expect(await identityVersionsOf(app, run.id)).not.toBe(versionsBefore);
  });

  it('changed users, moved users and a renamed DN: only those are read and processed, as a full run would', async () => {
    for (let n = 1; n <= 10; n++)
      await tree.setAttribute(users[n + 19] ?? '', 'cn', [`Renamed ${uid(n + 20)}`]);
    // Three users move from g1 to g2.
    const moved = users.slice(0, 3);
    await tree.setMembers(dn.g1 ?? '', users.slice(3, 10));
    await tree.setMembers(dn.g2 ?? '', [...users.slice(10, 20), ...moved]);
    // A renamed entry keeps its entryUUID: the same identity under a new DN (and login).
    const renamed = await tree.renameUser(users[15] ?? '', 'inc16-renamed');

    const run = await runSync(app, configId);
    expect(run).toMatchObject({ status: 'SUCCEEDED', readMode: 'INCREMENTAL' });
    expect(await adoptedStagingOf(app, run.id)).toBeNull();
    // Read: the 10 changed users and the renamed one. The memberof overlay rewrites the moved users'
    // memberOf without a new entryCSN: their move comes from the two groups, read whole.
    expect(run.counters).toMatchObject({ usersRead: 11, groupsRead: 2, usersStaged: USERS + 1 });
    expect(run.counters).toMatchObject({
      identitiesToCreate: 0,
      identitiesToUpdate: 11,
      identitiesToDeactivate: 0,
      membershipsToAdd: 3,
      membershipsToRemove: 3,
      membershipsAdded: 3,
      membershipsRemoved: 3,
      // Everyone else (the sentinel included) is unchanged: differential sync left them out of the plan.
      entriesUnchanged: USERS + 1 - 14,
    });
    const groups = await state();
    expect(groups[uid(1)]).toEqual(['B']);
    expect(groups[uid(4)]).toEqual(['A']);
    expect(groups['inc16-renamed']).toEqual(['B']);
    expect(groups[uid(16)]).toBeUndefined();
    expect((await identityStates(app, directoryId)).get('inc16-renamed')?.displayName).toBe(
      `User ${uid(16)}`,
    );
    expect(groups[uid(21)]).toEqual(['C1', 'C2']);
    expect(renamed).toContain('inc16-renamed');

    // The corrected memberships carry over: the next incremental run reads and plans nothing, and neither
    // does a full reconciliation of the same directory.
    expect((await runSync(app, configId)).counters).toMatchObject({
      usersRead: 0,
      groupsRead: 0,
      ...NOTHING_PLANNED,
    });
    const full = await fullReconciliationPlanningNothing(app, configId);
    expect(full.counters).toMatchObject({ usersRead: USERS + 1, entriesUnchanged: 0 });
  });

  it('a deleted user is deactivated only by the next full reconciliation', async () => {
    await tree.deleteEntry(users[29] ?? '');
    // refint takes the user out of g3 in the background, without a new entryCSN on g3.
    await expect.poll(() => tree.readMembers(dn.g3 ?? '')).toHaveLength(9);
    // An incremental read sees neither: the user keeps identity and memberships for now.
    const incremental = await runSync(app, configId);
    expect(incremental).toMatchObject({ status: 'SUCCEEDED', readMode: 'INCREMENTAL' });
    expect(incremental.counters).toMatchObject({ identitiesDeactivated: 0, membershipsRemoved: 0 });
    expect((await activeByLogin())[uid(30)]).toBe(true);

    const full = await runSync(app, configId, { fullReconciliation: true });
    expect(full).toMatchObject({ readMode: 'FULL' });
    expect(full.counters).toMatchObject({ identitiesDeactivated: 1, membershipsRemoved: 2 });
    const gone = (await identityStates(app, directoryId)).get(uid(30));
    expect(gone).toMatchObject({ active: false, deactivationReason: 'NOT_FOUND_IN_DIRECTORY' });
  });

  it('a failed incremental run does not move the mark: the next run reads its changes again', async () => {
    await tree.setAttribute(users[0] ?? '', 'cn', ['Changed before a failure']);
    // A refused bind fails the run; the snapshot and its mark stay as they were.
    const setPassword = (password: string) =>
      app.gqlData(
        `mutation($id: ID!, $pw: String!) { updateDirectory(id: $id, input: { bindPassword: $pw }) { id } }`,
        {
          id: directoryId,
          pw: password,
        },
      );
    await setPassword('not the password');
    const failed = await runSync(app, configId);
    expect(failed).toMatchObject({ status: 'FAILED', errorCode: 'INVALID_CREDENTIALS' });
    await setPassword(slapd.bindPassword);

    const next = await runSync(app, configId);
    expect(next).toMatchObject({ status: 'SUCCEEDED', readMode: 'INCREMENTAL' });
    expect(next.counters).toMatchObject({ usersRead: 1, identitiesToUpdate: 1 });
    expect((await identityStates(app, directoryId)).get(uid(1))?.displayName).toBe(
      'Changed before a failure',
    );
  });

  it('a config change forces a full read', async () => {
    await app.gqlData(
      `mutation($id: ID!) { updateSyncConfig(id: $id, input: { safetyThresholdPercent: 99 }) { id } }`,
      { id: configId },
    );
    const run = await runSync(app, configId);
    expect(run).toMatchObject({ status: 'SUCCEEDED', readMode: 'FULL' });
    // Read in full, yet differential: no user changed (29 remain, and the sentinel; user 30's identity stays
    // deactivated, as the last full run left it).
    expect(run.counters).toMatchObject({ usersRead: USERS, entriesUnchanged: USERS, ...NOTHING_PLANNED });
    // Every entry read equals the snapshot's: the run reads that staging. The snapshot read incrementally,
    // so a full read's plan (it may deactivate what the read did not find) still compares every user.
    expect(await adoptedStagingOf(app, run.id)).not.toBeNull();
    expect(await planMessageOf(app, run.id)).toMatch(/^Planned: /);
  });

  it('full reads: an unchanged one adopts the snapshot and plans nothing, a changed one stages its own', async () => {
    await updateConfig(app, configId, { incrementalReads: false });
    try {
      const unchanged = await runSync(app, configId);
      expect(unchanged).toMatchObject({ status: 'SUCCEEDED', readMode: 'FULL' });
      expect(await adoptedStagingOf(app, unchanged.id)).not.toBeNull();
      expect(await planMessageOf(app, unchanged.id)).toMatch(/^Planned nothing: /);
      expect(unchanged.counters).toMatchObject({
        usersRead: USERS,
        entriesUnchanged: USERS,
        ...NOTHING_PLANNED,
      });

      await tree.setAttribute(users[1] ?? '', 'cn', ['Changed for a full read']);
      const changed = await runSync(app, configId);
      expect(await adoptedStagingOf(app, changed.id)).toBeNull();
      expect(changed.counters).toMatchObject({
        usersRead: USERS,
        entriesUnchanged: USERS - 1,
        identitiesUpdated: 1,
      });
      expect((await identityStates(app, directoryId)).get(uid(2))?.displayName).toBe(
        'Changed for a full read',
      );
    } finally {
      await updateConfig(app, configId, { incrementalReads: true });
    }
  });

  it('a renamed member keeps its memberships when membership comes from the groups (GROUP_MEMBERS)', async () => {
    await app.gqlData(
      `mutation($id: ID!) { updateSyncConfig(id: $id, input: { membershipSource: GROUP_MEMBERS }) { id } }`,
      { id: configId },
    );
    expect(await runSync(app, configId)).toMatchObject({ status: 'SUCCEEDED', readMode: 'FULL' });
    // refint renames the member value in g1 without a new entryCSN: g1 is not read again.
    await tree.renameUser(users[4] ?? '', 'inc05-renamed');
    const run = await runSync(app, configId);
    expect(run).toMatchObject({ status: 'SUCCEEDED', readMode: 'INCREMENTAL' });
    expect(run.counters).toMatchObject({
      groupsRead: 0,
      identitiesToUpdate: 1,
      membershipsToAdd: 0,
      membershipsToRemove: 0,
    });
    expect((await state())['inc05-renamed']).toEqual(['A']);
  });

  it('with nested groups expanded (member values staged as rows), a moved user is corrected all the same', async () => {
    await updateConfig(app, configId, { membershipSource: 'MEMBER_OF', expandNestedGroups: true });
    expect(await runSync(app, configId)).toMatchObject({ status: 'SUCCEEDED', readMode: 'FULL' });
    const moving = users[6] ?? '';
    const g1 = await tree.readMembers(dn.g1 ?? '');
    await tree.setMembers(
      dn.g1 ?? '',
      g1.filter((member) => member.toLowerCase() !== moving.toLowerCase()),
    );
    await tree.setMembers(dn.g2 ?? '', [...(await tree.readMembers(dn.g2 ?? '')), moving]);
    const run = await runSync(app, configId);
    expect(run).toMatchObject({ status: 'SUCCEEDED', readMode: 'INCREMENTAL' });
    expect(run.counters).toMatchObject({ groupsRead: 2, membershipsAdded: 1, membershipsRemoved: 1 });
    expect((await state())[uid(7)]).toEqual(['B']);
  });
});
