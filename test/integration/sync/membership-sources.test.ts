import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
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
import { createScenarioTree, type ScenarioTree } from '../../support/ldap-scenario.js';
import { runSync } from '../../support/sync-runs.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const { slapd, samba } = inject('servers');
let app: TestApp;
let tree: ScenarioTree;

beforeAll(async () => {
  app = await startTestApp();
  tree = await createScenarioTree(slapd, 'sources');
});
afterAll(async () => {
  await tree.close();
  await app.stop();
});

/** Plans of a dry run as comparable text: identity creations by login, memberships by login and group. */
async function plannedChanges(runId: string): Promise<{ identities: string[]; memberships: string[] }> {
  const data = await app.gqlData<{
    plannedIdentityChanges: { items: { identityId: string; login: string; action: string }[] };
    plannedMembershipChanges: { items: { identityId: string; appGroupId: string; action: string }[] };
  }>(
    `query($r: ID!) {
       plannedIdentityChanges(runId: $r, limit: 500) { items { identityId login action } }
       plannedMembershipChanges(runId: $r, limit: 500) { items { identityId appGroupId action } }
     }`,
    { r: runId },
  );
  const login = new Map(data.plannedIdentityChanges.items.map((c) => [c.identityId, c.login]));
  return {
    identities: data.plannedIdentityChanges.items.map((c) => `${c.action} ${c.login}`).sort(),
    memberships: data.plannedMembershipChanges.items
      .map((c) => `${c.action} ${login.get(c.identityId) ?? c.identityId} ${c.appGroupId}`)
      .sort(),
  };
}

describe('membership sources', () => {
  it('memberOf-based and member-based configs give the same result on the same data', async () => {
    const users = await Promise.all(['ann', 'ben', 'cat', 'dan', 'eve'].map((uid) => tree.addUser(uid)));
    const [ann, ben, cat, dan] = users as [string, string, string, string, string];
    const red = await tree.addGroup('red', [ann, ben]);
    const blue = await tree.addGroup('blue', [ben, cat, dan]);
    const appRed = await createAppGroup(app, uniqueName('red'));
    const appBlue = await createAppGroup(app, uniqueName('blue'));
    const directory = await createDirectory(app, directoryInputFor(slapd));
    const plans = [];
    for (const membershipSource of ['MEMBER_OF', 'GROUP_MEMBERS'] as const) {
      const config = await createSyncConfig(app, {
        ...syncConfigInputFor(slapd, directory.id, {
          usersBaseDn: tree.usersDn,
          groupsBaseDn: tree.groupsDn,
        }),
        membershipSource,
        autoCreateUsers: true,
      });
      await setMappings(app, config.id, [
        { ldapGroupDn: red, appGroupIds: [appRed] },
        { ldapGroupDn: blue, appGroupIds: [appBlue] },
      ]);
      const dry = await runSync(app, config.id, { dryRun: true });
      expect(dry.status).toBe('SUCCEEDED');
      plans.push(await plannedChanges(dry.id));
    }
    expect(plans[0]?.identities).toEqual(['CREATE ann', 'CREATE ben', 'CREATE cat', 'CREATE dan']);
    expect(plans[0]?.memberships).toHaveLength(5);
    expect(plans[1]).toEqual(plans[0]);
  });
});

describe('Active Directory', () => {
  it('assigns every member of a group of more than 1500 members (ranged retrieval)', async () => {
    const bigGroupDn = samba.fixture.bigGroupDn ?? '';
    const appGroup = await createAppGroup(app, uniqueName('big'));
    const directory = await createDirectory(app, directoryInputFor(samba, { pageSize: 500 }));
    const config = await createSyncConfig(app, {
      ...syncConfigInputFor(samba, directory.id),
      membershipSource: 'GROUP_MEMBERS',
      autoCreateUsers: true,
    });
    await setMappings(app, config.id, [{ ldapGroupDn: bigGroupDn, appGroupIds: [appGroup] }]);
    const run = await runSync(app, config.id);
    expect(run.status).toBe('SUCCEEDED');
    const states = await identityStates(app, directory.id);
    const members = Object.values(groupsByLogin(states, (id) => id)).filter((groups) =>
      groups.includes(appGroup),
    );
    expect(members).toHaveLength(samba.fixture.bigGroupMemberCount ?? -1);
    expect(run.counters.identitiesCreated).toBe(samba.fixture.bigGroupMemberCount);
  });
});
