import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  activeByLogin,
  createAppGroup,
  createTreeSync,
  labelledGroupsByLogin,
} from '../../support/directory-sync-queries.js';
import { uniqueName } from '../../support/factories.js';
import { createScenarioTree, type ScenarioTree } from '../../support/ldap-scenario.js';
import {
  fullReconciliationPlanningNothing,
  NOTHING_PLANNED,
  planMessageOf,
  runSync,
  type RunView,
} from '../../support/sync-runs.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const { slapd } = inject('servers');
let app: TestApp;
let tree: ScenarioTree;
let directoryId: string;
let configId: string;
const user: Record<string, string> = {};
const dn: Record<string, string> = {};
const appGroup: Record<string, string> = {};

const LOGINS = Array.from({ length: 12 }, (_, n) => `mod${String(n + 1).padStart(2, '0')}`);
const ids = (...logins: string[]): string[] => logins.map((login) => user[login] ?? '');

const state = (): Promise<Record<string, string[]>> => labelledGroupsByLogin(app, directoryId, appGroup);

/** The number of users the run's plan took from their memberOf difference, as its PLAN line says. */
async function usersPlannedFromDeltas(run: RunView): Promise<number> {
  const message = (await planMessageOf(app, run.id)) ?? '';
  return Number(/(\d+) users planned from their memberOf changes alone/.exec(message)?.[1] ?? 0);
}

/**
 * Incremental runs where groups gained or lost members: the users whose memberOf alone changed are planned
 * from its difference, every other changed user whole, and the outcome is the one a full read plans.
 */
beforeAll(async () => {
  app = await startTestApp();
  tree = await createScenarioTree(slapd, 'member-of-deltas');
  for (const login of LOGINS) user[login] = await tree.addUser(login);
  dn.a = await tree.addGroup('a', ids('mod01', 'mod02', 'mod03', 'mod04', 'mod05', 'mod06'));
  dn.b = await tree.addGroup('b', ids('mod07', 'mod08', 'mod09', 'mod10', 'mod11', 'mod12'));
  // Unmapped: its changes move memberOf values the plan maps to nothing.
  dn.u = await tree.addGroup('u', ids('mod01', 'mod07'));
  for (const label of ['A', 'B1', 'B2']) appGroup[label] = await createAppGroup(app, uniqueName(label));
  ({ directoryId, configId } = await createTreeSync(app, slapd, tree, [
    { ldapGroupDn: dn.a, appGroupIds: [appGroup.A ?? ''] },
    { ldapGroupDn: dn.b, appGroupIds: [appGroup.B1 ?? '', appGroup.B2 ?? ''] },
  ]));
  const first = await runSync(app, configId);
  expect(first.counters).toMatchObject({ identitiesCreated: 12, membershipsAdded: 18 });
});

afterAll(async () => {
  await tree.close();
  await app.stop();
});

describe('incremental sync: users planned from their memberOf changes', () => {
  it('moved users are planned from the groups they entered and left; one left in no mapped group is deactivated', async () => {
    await tree.changeMembers(dn.a ?? '', ids('mod07'), ids('mod01'));
    await tree.changeMembers(dn.b ?? '', ids('mod01'), ids('mod12'));
    await tree.changeMembers(dn.u ?? '', [], ids('mod07'));
    const run = await runSync(app, configId);
    expect(run).toMatchObject({ status: 'SUCCEEDED', readMode: 'INCREMENTAL' });
    expect(run.counters).toMatchObject({
      usersRead: 0,
      // mod01: +B1 +B2 -A; mod07: +A (and out of the unmapped group); mod12: -B1 -B2, deactivated.
      membershipsToAdd: 3,
      membershipsToRemove: 3,
      identitiesToDeactivate: 1,
      identitiesToCreate: 0,
      identitiesToUpdate: 0,
      membershipsAdded: 3,
      membershipsRemoved: 3,
      identitiesDeactivated: 1,
      entriesUnchanged: 9,
      // Now: mod01 in b and u, mod07 in a and b, mod12 in none.
      membershipEdges: 4,
    });
    // mod12 is in no mapped group: it goes the whole way, to its deactivation.
    expect(await usersPlannedFromDeltas(run)).toBe(2);
    const groups = await state();
    expect(groups).toMatchObject({ mod01: ['B1', 'B2'], mod07: ['A', 'B1', 'B2'], mod02: ['A'], mod12: [] });
    expect((await activeByLogin(app, directoryId)).mod12).toBe(false);
    await fullReconciliationPlanningNothing(app, configId);
  });

  it('a deactivated user back in a mapped group is reactivated by the plan proper', async () => {
    await tree.changeMembers(dn.b ?? '', ids('mod12'), []);
    await tree.changeMembers(dn.a ?? '', ids('mod08'), []);
    const run = await runSync(app, configId);
    expect(run.counters).toMatchObject({
      identitiesReactivated: 1,
      membershipsAdded: 3,
      membershipsRemoved: 0,
      entriesUnchanged: 10,
    });
    // mod08 only gained a group; mod12's identity is inactive.
    expect(await usersPlannedFromDeltas(run)).toBe(1);
    expect(await state()).toMatchObject({ mod08: ['A', 'B1', 'B2'], mod12: ['B1', 'B2'] });
    expect((await activeByLogin(app, directoryId)).mod12).toBe(true);
    await fullReconciliationPlanningNothing(app, configId);
  });

  it('a group that appears changes the plan context: every user is planned whole, to the same outcome', async () => {
    // An incremental snapshot after the full reconciliation.
    expect((await runSync(app, configId)).counters).toMatchObject(NOTHING_PLANNED);
    dn.n = await tree.addGroup('n', ids('mod02'));
    await tree.changeMembers(dn.a ?? '', [], ids('mod02', 'mod03'));
    await tree.changeMembers(dn.b ?? '', ids('mod02', 'mod03'), []);
    const run = await runSync(app, configId);
    expect(run).toMatchObject({ status: 'SUCCEEDED', readMode: 'INCREMENTAL' });
    expect(run.counters).toMatchObject({ membershipsAdded: 4, membershipsRemoved: 2, entriesUnchanged: 0 });
    expect(await usersPlannedFromDeltas(run)).toBe(0);
    expect(await state()).toMatchObject({ mod02: ['B1', 'B2'], mod03: ['B1', 'B2'] });
    await fullReconciliationPlanningNothing(app, configId);
  });

  it('a user read again for an attribute the sync does not map is compared with its snapshot row, and planned from its difference', async () => {
    await tree.setAttribute(user.mod05 ?? '', 'description', ['moved to b']);
    await tree.changeMembers(dn.a ?? '', [], ids('mod05'));
    await tree.changeMembers(dn.b ?? '', ids('mod05'), []);
    const run = await runSync(app, configId);
    expect(run).toMatchObject({ status: 'SUCCEEDED', readMode: 'INCREMENTAL' });
    // Read, not corrected: its row holds the new memberOf, the snapshot's the old one.
    expect(run.counters).toMatchObject({ usersRead: 1, membershipsAdded: 2, membershipsRemoved: 1 });
    expect(await usersPlannedFromDeltas(run)).toBe(1);
    expect(await state()).toMatchObject({ mod05: ['B1', 'B2'] });
    await fullReconciliationPlanningNothing(app, configId);
  });

  it('a user whose login another entry takes is planned whole: the match keeps one user per login', async () => {
    // Named by cn, so its uid can be another user's.
    const twin = await tree.addUser('twin04', { withoutUid: true });
    await tree.setAttribute(twin, 'uid', ['mod04']);
    await tree.changeMembers(dn.a ?? '', [], ids('mod04'));
    await tree.changeMembers(dn.b ?? '', ids('mod04'), []);
    const run = await runSync(app, configId);
    expect(run).toMatchObject({ status: 'SUCCEEDED', readMode: 'INCREMENTAL' });
    // mod04 only changed groups, but the login it shares may now match its identity to the other entry.
    expect(await usersPlannedFromDeltas(run)).toBe(0);
    await fullReconciliationPlanningNothing(app, configId);
  });
});
