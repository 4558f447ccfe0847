import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { Directory } from '../../../src/entities/directory.entity.js';
import { SecretBox } from '../../../src/secrets/secret-box.js';
import { withLdapSession } from '../../../src/services/directory-connection.js';
import { createAppGroup, identityStates, setMappings } from '../../support/directory-sync-queries.js';
import {
  createDirectory,
  createSyncConfig,
  directoryInputFor,
  type DirectoryInput,
  syncConfigInputFor,
  uniqueName,
} from '../../support/factories.js';
import { createScenarioTree, type ScenarioTree } from '../../support/ldap-scenario.js';
import { lockTable, releaseOpenLocks, waitForPhase } from '../../support/phase-control.js';
import { getRun, startSync, waitForRun } from '../../support/sync-runs.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const { slapd } = inject('servers');
let app: TestApp;
const trees: ScenarioTree[] = [];

beforeAll(async () => {
  app = await startTestApp();
});
afterEach(releaseOpenLocks);
afterAll(async () => {
  for (const tree of trees) await tree.close();
  await app.stop();
});

/** A directory of its own (a subtree of the test slapd) with one mapped, auto-creating config. */
async function directoryWithConfig(
  label: string,
  uids: string[],
  directoryOverrides: Partial<DirectoryInput> = {},
): Promise<{ directoryId: string; configId: string; tree: ScenarioTree }> {
  const tree = await createScenarioTree(slapd, label);
  trees.push(tree);
  const members = await Promise.all(uids.map((uid) => tree.addUser(uid)));
  const group = await tree.addGroup('staff', members);
  const directoryId = (
    await createDirectory(app, {
      ...directoryInputFor(slapd),
      name: uniqueName(label),
      ...directoryOverrides,
    })
  ).id;
  const configId = await mappedConfig(directoryId, tree, group);
  return { directoryId, configId, tree };
}

async function mappedConfig(directoryId: string, tree: ScenarioTree, groupDn: string): Promise<string> {
  const { id } = await createSyncConfig(app, {
    ...syncConfigInputFor(slapd, directoryId, { usersBaseDn: tree.usersDn, groupsBaseDn: tree.groupsDn }),
    autoCreateUsers: true,
    autoDeactivateUsers: true,
  });
  await setMappings(app, id, [
    { ldapGroupDn: groupDn, appGroupIds: [await createAppGroup(app, uniqueName('g'))] },
  ]);
  return id;
}

describe('several directories', () => {
  it('sync in parallel, and a login one directory holds is never taken over by the other', async () => {
    const north = await directoryWithConfig('north', ['n1', 'n2', 'shared-login']);
    const south = await directoryWithConfig('south', ['s1', 'shared-login']);
    // North claims the shared login first.
    const first = await waitForRun(app, (await startSync(app, north.configId)).id);
    expect(first.status).toBe('SUCCEEDED');

    // Both runs held in APPLY at the same time: they really run side by side.
    const lock = await lockTable(app, 'synced_membership');
    const runs = [await startSync(app, north.configId), await startSync(app, south.configId)];
    for (const run of runs) await waitForPhase(app, run.id, 'APPLY');
    await lock.release();
    const [northRun, southRun] = await Promise.all(runs.map((run) => waitForRun(app, run.id)));
    expect(northRun?.status).toBe('SUCCEEDED');
    expect(southRun).toMatchObject({ status: 'SUCCEEDED' });
    expect(southRun?.counters).toMatchObject({ identitiesCreated: 1, entriesSkipped: 1 });

    const northIds = await identityStates(app, north.directoryId);
    const southIds = await identityStates(app, south.directoryId);
    expect([...northIds.keys()].sort()).toEqual(['n1', 'n2', 'shared-login']);
    expect([...southIds.keys()]).toEqual(['s1']);
    const log = await app.gqlData<{ syncRunLog: { items: { message: string; dn: string | null }[] } }>(
      `query($r: ID!) { syncRunLog(runId: $r, levels: [WARN]) { items { message dn } } }`,
      { r: southRun?.id },
    );
    expect(log.syncRunLog.items).toContainEqual({
      message: 'Skipped: login "shared-login" belongs to an identity of another directory',
      dn: `uid=shared-login,${south.tree.usersDn}`,
    });
  });

  it('a directory allows at most maxConcurrentRuns runs at once; the next waits QUEUED, then runs', async () => {
    const east = await directoryWithConfig('east', ['e1', 'e2'], { maxConcurrentRuns: 1 });
    const secondConfig = await mappedConfig(east.directoryId, east.tree, `cn=staff,${east.tree.groupsDn}`);
    const lock = await lockTable(app, 'synced_membership');
    const holder = await startSync(app, east.configId);
    await waitForPhase(app, holder.id, 'APPLY');
    const waiting = await startSync(app, secondConfig);
    // The slot stays taken while the first run is held: the second never leaves QUEUED.
    await expect
      .poll(async () => {
        const log = await app.gqlData<{ syncRunLog: { items: { message: string }[] } }>(
          `query($r: ID!) { syncRunLog(runId: $r) { items { message } } }`,
          { r: waiting.id },
        );
        return log.syncRunLog.items.map((item) => item.message);
      })
      .toContain('Waiting for a run slot: 1 runs of this directory are active (limit 1)');
    expect(await getRun(app, waiting.id)).toMatchObject({ status: 'QUEUED', phase: 'QUEUED' });

    await lock.release();
    expect((await waitForRun(app, holder.id)).status).toBe('SUCCEEDED');
    expect((await waitForRun(app, waiting.id)).status).toBe('SUCCEEDED');
  });

  it('opens at most maxConnections LDAP sessions to a directory at once per process', async () => {
    const { id } = await createDirectory(app, {
      ...directoryInputFor(slapd),
      name: uniqueName('narrow'),
      maxConnections: 2,
    });
    const directory = await app.database.orm.em.fork().findOneOrFail(Directory, { id });
    const secrets = new SecretBox(Buffer.from(app.workerEnv.ROLESYNC_SECRET_KEY ?? '', 'base64'));
    let open = 0;
    let peak = 0;
    const dses = await Promise.all(
      Array.from({ length: 6 }, () =>
        withLdapSession(directory, secrets, async (session) => {
          open++;
          peak = Math.max(peak, open);
          const dse = await session.readRootDse();
          await new Promise((resolve) => setTimeout(resolve, 100));
          open--;
          return dse;
        }),
      ),
    );
    expect(dses).toHaveLength(6);
    expect(peak).toBe(2);
  });
});
