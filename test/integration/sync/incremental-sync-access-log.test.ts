import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createAppGroup,
  createTreeSync,
  labelledGroupsByLogin,
} from '../../support/directory-sync-queries.js';
import { uniqueName } from '../../support/factories.js';
import { createScenarioTree, type ScenarioTree } from '../../support/ldap-scenario.js';
import { ACCESS_LOG_SUFFIX } from '../../support/slapd-server.js';
import {
  fullReconciliationPlanningNothing,
  NOTHING_PLANNED,
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
const uid = (n: number): string => `log${String(n).padStart(2, '0')}`;
const user = (n: number): string => users[n] ?? '';

const state = (): Promise<Record<string, string[]>> => labelledGroupsByLogin(app, directoryId, appGroup);

async function setAccessLog(baseDn: string | null): Promise<void> {
  await app.gqlData(
    `mutation($id: ID!, $input: UpdateDirectoryInput!) { updateDirectory(id: $id, input: $input) { id } }`,
    { id: directoryId, input: { accessLogBaseDn: baseDn } },
  );
}

async function readGroupsLinesOf(run: RunView): Promise<string[]> {
  const { rows } = await app.database.pool.query<{ message: string }>(
    `select message from run_log where run_id = $1 and phase = 'READ_GROUPS' order by id`,
    [run.id],
  );
  return rows.map((row) => row.message);
}

/** Staged member counts by group DN, in the staging the run reads. */
async function stagedMemberCounts(run: RunView): Promise<Record<string, number>> {
  const { rows } = await app.database.pool.query<{ dn: string; member_count: number }>(
    `select g.dn, g.member_count from staged_group g
     join sync_run r on g.run_id = coalesce(r.staging_run_id, r.id) where r.id = $1`,
    [run.id],
  );
  return Object.fromEntries(rows.map((row) => [row.dn, row.member_count]));
}

/** Incremental runs that take member deltas from slapd's accesslog database instead of re-reading groups. */
beforeAll(async () => {
  app = await startTestApp();
  tree = await createScenarioTree(slapd, 'access-log');
  for (let n = 0; n < 12; n++) users.push(await tree.addUser(uid(n)));
  dn.g1 = await tree.addGroup('g1', users.slice(0, 6));
  dn.g2 = await tree.addGroup('g2', users.slice(6, 12));
  for (const label of ['A', 'B']) appGroup[label] = await createAppGroup(app, uniqueName(label));
  ({ directoryId, configId } = await createTreeSync(app, slapd, tree, [
    { ldapGroupDn: dn.g1, appGroupIds: [appGroup.A ?? ''] },
    { ldapGroupDn: dn.g2, appGroupIds: [appGroup.B ?? ''] },
  ]));
  await setAccessLog(ACCESS_LOG_SUFFIX);
  expect((await runSync(app, configId)).readMode).toBe('FULL');
});

afterAll(async () => {
  await tree.close();
  await app.stop();
});

describe('incremental sync with member deltas from the access log (slapd)', () => {
  it('takes the values groups gained and lost from the log, with the result of a full read', async () => {
    // log00 moves from g1 to g2; log06 joins g1 as well.
    await tree.changeMembers(dn.g1 ?? '', [user(6)], [user(0)]);
    await tree.changeMembers(dn.g2 ?? '', [user(0)], []);
    const run = await runSync(app, configId);
    expect(run).toMatchObject({ status: 'SUCCEEDED', readMode: 'INCREMENTAL' });
    expect(run.counters).toMatchObject({
      groupsRead: 2,
      groupMemberValuesRead: 0,
      membershipsAdded: 2,
      membershipsRemoved: 1,
    });
    expect(await readGroupsLinesOf(run)).toEqual([
      'Member values from the access log: 2 added and 1 removed in 2 of the 2 groups read',
      'Corrected the memberOf of 2 users carried over from the last successful run by the groups read: 2 values added, 1 removed',
    ]);
    const groups = await state();
    expect(groups[uid(0)]).toEqual(['B']);
    expect(groups[uid(6)]).toEqual(['A', 'B']);
    expect(groups[uid(1)]).toEqual(['A']);
    // Counts follow the deltas: g1 lost one and gained one, g2 gained one.
    expect(await stagedMemberCounts(run)).toMatchObject({ [dn.g1 ?? '']: 6, [dn.g2 ?? '']: 7 });

    // A full read of the same directory finds nothing to do and stages the same counts.
    const full = await fullReconciliationPlanningNothing(app, configId);
    expect(await stagedMemberCounts(full)).toMatchObject({ [dn.g1 ?? '']: 6, [dn.g2 ?? '']: 7 });
  });

  it('changes that cancel out leave the snapshot as it was: the run adopts its staging', async () => {
    await tree.changeMembers(dn.g2 ?? '', [user(1)], []);
    await tree.changeMembers(dn.g2 ?? '', [], [user(1)]);
    const run = await runSync(app, configId);
    expect(run.counters).toMatchObject({ groupsRead: 1, ...NOTHING_PLANNED });
    const lines = await readGroupsLinesOf(run);
    expect(lines[0]).toBe(
      'Member values from the access log: 0 added and 1 removed in 1 of the 1 groups read',
    );
    expect(lines[1]).toMatch(/^No entry changed since the last successful run/);
  });

  it.each([
    [
      'a replace of the member values',
      () => tree.setMembers(dn.g1 ?? '', users.slice(2, 7)),
      'a group read had its member values replaced or cleared',
    ],
    [
      'a group added since',
      async () => {
        dn.g3 = await tree.addGroup('g3', [user(2)]);
        await tree.changeMembers(dn.g1 ?? '', [user(11)], []);
      },
      'a group read was changed by a logged add',
    ],
  ])('%s: the run reads the changed groups whole instead', async (_, change, reason) => {
    await change();
    const before = await state();
    const run = await runSync(app, configId);
    expect(run).toMatchObject({ status: 'SUCCEEDED', readMode: 'INCREMENTAL' });
    expect((await readGroupsLinesOf(run))[0]).toBe(`Member values read whole: ${reason}`);
    expect(run.counters.groupMemberValuesRead).toBeGreaterThan(0);
    const after = await state();
    const g1 = await tree.readMembers(dn.g1 ?? '');
    for (let n = 0; n < 12; n++) {
      const inG1 = g1.some((value) => value.toLowerCase() === user(n).toLowerCase());
      expect(after[uid(n)]?.includes('A') ?? false, uid(n)).toBe(inG1);
    }
    expect(after).not.toEqual(before);
  });

  it('an access log that cannot be read: the groups are read whole, the sync is right all the same', async () => {
    await setAccessLog('cn=no-such-log');
    try {
      await tree.changeMembers(dn.g2 ?? '', [user(3)], []);
      const run = await runSync(app, configId);
      expect(run).toMatchObject({ status: 'SUCCEEDED', readMode: 'INCREMENTAL' });
      expect(run.counters).toMatchObject({ membershipsAdded: 1, membershipsRemoved: 0 });
      expect((await readGroupsLinesOf(run))[0]).toBe(
        'Member values read whole: the access log cn=no-such-log cannot be read',
      );
      expect((await state())[uid(3)]).toContain('B');
    } finally {
      await setAccessLog(ACCESS_LOG_SUFFIX);
    }
  });
});
