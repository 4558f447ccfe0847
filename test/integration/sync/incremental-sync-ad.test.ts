import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createAppGroup,
  createTreeSync,
  identityStates,
  labelledGroupsByLogin,
} from '../../support/directory-sync-queries.js';
import { uniqueName } from '../../support/factories.js';
import { createScenarioTree, type ScenarioTree } from '../../support/ldap-scenario.js';
import { fullReconciliationPlanningNothing, runSync } from '../../support/sync-runs.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const { samba } = inject('servers');
let app: TestApp;
let tree: ScenarioTree;
let directoryId: string;
let configId: string;
const users: string[] = [];
const dn: Record<string, string> = {};
const appGroup: Record<string, string> = {};
const login = (n: number): string => `adinc${String(n)}`;

beforeAll(async () => {
  app = await startTestApp();
  tree = await createScenarioTree(samba, 'adinc');
  for (let n = 1; n <= 12; n++) users.push(await tree.addUser(login(n)));
  dn.ga = await tree.addGroup('ga', users.slice(0, 6));
  dn.gb = await tree.addGroup('gb', users.slice(6, 12));
  for (const label of ['A', 'B']) appGroup[label] = await createAppGroup(app, uniqueName(label));
  ({ directoryId, configId } = await createTreeSync(app, samba, tree, [
    { ldapGroupDn: dn.ga, appGroupIds: [appGroup.A ?? ''] },
    { ldapGroupDn: dn.gb, appGroupIds: [appGroup.B ?? ''] },
  ]));
});

afterAll(async () => {
  await tree.close();
  await app.stop();
});

const state = (): Promise<Record<string, string[]>> => labelledGroupsByLogin(app, directoryId, appGroup);

describe('incremental sync on Active Directory (Samba, uSNChanged)', () => {
  it('reads only entries whose uSNChanged passed the DC mark, and ends where a full run would', async () => {
    const first = await runSync(app, configId);
    expect(first).toMatchObject({ status: 'SUCCEEDED', readMode: 'FULL' });
    expect(first.counters).toMatchObject({ usersRead: 12, identitiesCreated: 12, membershipsAdded: 12 });

    const quiet = await runSync(app, configId);
    expect(quiet).toMatchObject({ status: 'SUCCEEDED', readMode: 'INCREMENTAL' });
    expect(quiet.counters).toMatchObject({
      usersRead: 0,
      groupsRead: 0,
      usersStaged: 12,
      entriesUnchanged: 12,
    });

    for (const n of [1, 2, 3])
      await tree.setAttribute(users[n - 1] ?? '', 'displayName', [`Changed ${login(n)}`]);
    // Two users move from ga to gb: AD changes the groups' uSNChanged, not the users' (memberOf is a back link).
    await tree.setMembers(dn.ga ?? '', users.slice(2, 6));
    await tree.setMembers(dn.gb ?? '', [...users.slice(6, 12), users[0] ?? '', users[1] ?? '']);
    // A renamed user keeps its objectGUID: the same identity under a new DN.
    const renamed = await tree.renameUser(users[11] ?? '', `${login(12)}-moved`);

    const run = await runSync(app, configId);
    expect(run).toMatchObject({ status: 'SUCCEEDED', readMode: 'INCREMENTAL' });
    expect(run.counters).toMatchObject({
      usersRead: 4,
      groupsRead: 2,
      identitiesToUpdate: 4,
      membershipsToAdd: 2,
      membershipsToRemove: 2,
      // Users 1-3 changed (1 and 2 also moved) and 12 was renamed: the other 8 are unchanged.
      entriesUnchanged: 8,
    });
    const groups = await state();
    expect(groups[login(1)]).toEqual(['B']);
    expect(groups[login(3)]).toEqual(['A']);
    expect(groups[login(12)]).toEqual(['B']);
    const identities = await identityStates(app, directoryId);
    expect(identities.get(login(1))?.displayName).toBe(`Changed ${login(1)}`);
    expect(renamed).toContain('-moved');

    const full = await fullReconciliationPlanningNothing(app, configId);
    expect(full.counters).toMatchObject({ usersRead: 12 });
  });
});
