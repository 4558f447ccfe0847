import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAppGroup, createTreeSync, identityStates } from '../../support/directory-sync-queries.js';
import { uniqueName } from '../../support/factories.js';
import { createScenarioTree, type ScenarioTree } from '../../support/ldap-scenario.js';
import { NO_CSN_LABEL } from '../../support/slapd-server.js';
import { NOTHING_PLANNED, readMarkOf, runSync } from '../../support/sync-runs.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const { slapd } = inject('servers');
let app: TestApp;
let tree: ScenarioTree;
let directoryId: string;
let configId: string;
const users: string[] = [];
let sentinel: string;

/**
 * modifyTimestamp has whole seconds: the mark is the newest second read and the next read starts at it.
 * Waiting past it and touching one entry gives the next run a mark second of its own.
 */
async function advanceMark(): Promise<void> {
  await sleep(1100);
  await tree.setAttribute(sentinel, 'description', [`touched ${Date.now()}`]);
  await sleep(1100);
}

/** A server whose entries carry no entryCSN (here: an ACL hides it) is read by modifyTimestamp. */
beforeAll(async () => {
  app = await startTestApp();
  tree = await createScenarioTree(slapd, NO_CSN_LABEL);
  for (let n = 1; n <= 3; n++) users.push(await tree.addUser(`ts${n}`));
  sentinel = await tree.addUser('ts-sentinel');
  const group = await tree.addGroup('ts-group', users);
  const appGroup = await createAppGroup(app, uniqueName('TS'));
  ({ directoryId, configId } = await createTreeSync(app, slapd, tree, [
    { ldapGroupDn: group, appGroupIds: [appGroup] },
  ]));
  await advanceMark();
});

afterAll(async () => {
  await tree.close();
  await app.stop();
});

describe('incremental sync by modifyTimestamp (entries without entryCSN)', () => {
  it('marks a full read by modifyTimestamp and then reads from its second on', async () => {
    const first = await runSync(app, configId);
    expect(first).toMatchObject({ status: 'SUCCEEDED', readMode: 'FULL' });
    expect(first.counters).toMatchObject({ usersRead: 4, identitiesCreated: 3 });
    expect((await readMarkOf(app, first.id))?.kind).toBe('MODIFY_TIMESTAMP');

    await sleep(1100);
    await tree.setAttribute(users[0] ?? '', 'cn', ['Changed by timestamp']);
    const next = await runSync(app, configId);
    expect(next).toMatchObject({ status: 'SUCCEEDED', readMode: 'INCREMENTAL' });
    // The sentinel holds the first run's mark second; the changed user is the other one read.
    expect(next.counters).toMatchObject({ usersRead: 2, groupsRead: 0, identitiesToUpdate: 1 });
    expect((await readMarkOf(app, next.id))?.kind).toBe('MODIFY_TIMESTAMP');
    expect((await identityStates(app, directoryId)).get('ts1')?.displayName).toBe('Changed by timestamp');

    // Whole seconds: the next run reads the changed user's second again, and finds nothing to do.
    const unchanged = await runSync(app, configId);
    expect(unchanged.counters).toMatchObject({ usersRead: 1, groupsRead: 0, ...NOTHING_PLANNED });
  });
});
