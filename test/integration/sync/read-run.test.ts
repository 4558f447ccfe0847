import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ADOPTED_BY_DIGEST } from '../../../src/activities/read-directory.activities.js';
import {
  createDirectory,
  createSyncConfig,
  directoryInputFor,
  syncConfigInputFor,
} from '../../support/factories.js';
import { ldapsearchCount } from '../../support/ldapsearch-count.js';
import type { LdapServerInfo } from '../../support/provided-context.js';
import { infoMessagesOf, startSync, waitForRun } from '../../support/sync-runs.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const { slapd, samba } = inject('servers');
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

async function stagedCounts(
  runId: string,
): Promise<{ users: number; groups: number; members: number; memberCounts: number; memberOf: number }> {
  const { rows } = await app.database.pool.query<{
    users: string;
    groups: string;
    members: string;
    member_counts: string;
    member_of: string;
  }>(
    `select (select count(*) from staged_user where run_id = $1) as users,
            (select coalesce(sum(cardinality(member_of)), 0) from staged_user where run_id = $1) as member_of,
            (select count(*) from staged_group where run_id = $1) as groups,
            (select coalesce(sum(member_count), 0) from staged_group where run_id = $1) as member_counts,
            (select count(*) from staged_group_member where run_id = $1) as members`,
    [runId],
  );
  const row = rows[0];
  return {
    users: Number(row?.users),
    groups: Number(row?.groups),
    members: Number(row?.members),
    memberCounts: Number(row?.member_counts),
    memberOf: Number(row?.member_of),
  };
}

/** History as text with every payload decoded, so a search sees what Temporal stored. */
function historyText(history: unknown): string {
  return JSON.stringify(history, (key, value: unknown) => {
    // Payload data and metadata arrive base64-encoded.
    if ((key === 'data' || key === 'encoding') && typeof value === 'string')
      return Buffer.from(value, 'base64').toString('utf8');
    return value;
  });
}

async function configFor(server: LdapServerInfo, overrides = {}): Promise<string> {
  const directory = await createDirectory(app, directoryInputFor(server, { pageSize: 300 }));
  return (await createSyncConfig(app, syncConfigInputFor(server, directory.id, overrides))).id;
}

describe('read half of a sync run', () => {
  it('stages every user and group of slapd (past its size limit of 500) with counts equal to ldapsearch', async () => {
    const configId = await configFor(slapd);
    const run = await startSync(app, configId);
    expect(run.status).toBe('QUEUED');
    const finished = await waitForRun(app, run.id);
    expect(finished).toMatchObject({ status: 'SUCCEEDED', phase: 'DONE', errorCode: null });

    const users = await ldapsearchCount(slapd, slapd.usersDn, '(objectClass=inetOrgPerson)', 'memberOf');
    const groups = await ldapsearchCount(slapd, slapd.groupsDn, '(objectClass=groupOfNames)', 'member');
    expect(users.entries).toBe(slapd.fixture.userCount);
    expect(users.entries).toBeGreaterThan(500);
    // Membership comes from memberOf here: member values are counted per group, not staged.
    const staged = await stagedCounts(run.id);
    expect(staged).toEqual({
      users: users.entries,
      groups: groups.entries,
      members: 0,
      memberCounts: groups.values,
      memberOf: users.values,
    });
    expect(finished.counters).toMatchObject({
      usersRead: users.entries,
      groupsRead: groups.entries,
      memberOfValuesRead: users.values,
      groupMemberValuesRead: groups.values,
    });
  });

  it('stages every member value where membership comes from the groups', async () => {
    const configId = await configFor(slapd, { membershipSource: 'GROUP_MEMBERS' });
    const finished = await waitForRun(app, (await startSync(app, configId)).id);
    expect(finished.status).toBe('SUCCEEDED');
    const groups = await ldapsearchCount(slapd, slapd.groupsDn, '(objectClass=groupOfNames)', 'member');
    const staged = await stagedCounts(finished.id);
    expect(staged).toMatchObject({ members: groups.values, memberCounts: groups.values });
    expect(finished.counters.groupMemberValuesRead).toBe(groups.values);
  });

  it("a second full read with every group's member values staged knows every entry by its digest and adopts the first one's staging", async () => {
    const configId = await configFor(slapd, { membershipSource: 'GROUP_MEMBERS', incrementalReads: false });
    const first = await waitForRun(app, (await startSync(app, configId)).id);
    const firstStaged = await stagedCounts(first.id);
    expect(firstStaged.members).toBeGreaterThan(0);
    const again = await waitForRun(app, (await startSync(app, configId)).id);
    expect(again.status).toBe('SUCCEEDED');
    expect(again.counters).toMatchObject({
      usersRead: first.counters.usersRead,
      memberOfValuesRead: first.counters.memberOfValuesRead,
      groupMemberValuesRead: first.counters.groupMemberValuesRead,
    });
    const users = first.counters.usersRead ?? 0;
    const groups = first.counters.groupsRead ?? 0;
    const taken = (count: number, entries: string) =>
      `${count} of the ${count} ${entries} read are unchanged since the last successful run: ` +
      'their rows were taken from its staging, not decoded again';
    expect(await infoMessagesOf(app, again.id, 'READ_USERS')).toContain(taken(users, 'users'));
    expect(await infoMessagesOf(app, again.id, 'READ_GROUPS')).toContain(taken(groups, 'groups'));
    expect(await infoMessagesOf(app, again.id, 'READ_GROUPS')).toContain(ADOPTED_BY_DIGEST);
    // It reads the first run's staging, member values included, kept whole; it staged nothing itself.
    const { rows } = await app.database.pool.query<{ staging_run_id: string | null }>(
      'select staging_run_id from sync_run where id = $1',
      [again.id],
    );
    expect(rows[0]?.staging_run_id).toBe(first.id);
    expect(await stagedCounts(first.id)).toEqual(firstStaged);
    expect(await stagedCounts(again.id)).toMatchObject({ users: 0, groups: 0, members: 0 });
  });

  it("a second full read that knows every entry by its digest adopts the first one's staging, copying nothing", async () => {
    const configId = await configFor(slapd, { incrementalReads: false });
    const first = await waitForRun(app, (await startSync(app, configId)).id);
    const again = await waitForRun(app, (await startSync(app, configId)).id);
    expect(again).toMatchObject({ status: 'SUCCEEDED', readMode: 'FULL' });
    expect(again.counters).toMatchObject({
      usersRead: first.counters.usersRead,
      memberOfValuesRead: first.counters.memberOfValuesRead,
      groupMemberValuesRead: first.counters.groupMemberValuesRead,
      entriesUnchanged: first.counters.usersRead,
    });
    expect(await infoMessagesOf(app, again.id, 'READ_GROUPS')).toContain(ADOPTED_BY_DIGEST);
    const { rows } = await app.database.pool.query<{ staging_run_id: string | null }>(
      'select staging_run_id from sync_run where id = $1',
      [again.id],
    );
    expect(rows[0]?.staging_run_id).toBe(first.id);
    expect(await stagedCounts(again.id)).toMatchObject({ users: 0, groups: 0 });
  });

  it('keeps directory entries and secrets out of workflow history', async () => {
    const configId = await configFor(slapd);
    const run = await startSync(app, configId);
    await waitForRun(app, run.id);
    const { rows } = await app.database.pool.query<{ workflow_id: string }>(
      'select workflow_id from sync_run where id = $1',
      [run.id],
    );
    const history = await app.temporal.client.workflow.getHandle(rows[0]?.workflow_id ?? '').fetchHistory();
    const text = historyText(history);
    expect(history.events?.length ?? 0).toBeLessThan(80);
    expect(text).toContain(run.id);
    expect(text).not.toContain(slapd.bindPassword);
    expect(text.toLowerCase()).not.toContain(slapd.usersDn.toLowerCase());
  });

  it('refuses a second start while a run of the config is active', async () => {
    const configId = await configFor(slapd);
    const first = await startSync(app, configId);
    const second = await app.gql(`mutation($id: ID!) { startSync(syncConfigId: $id) { id } }`, {
      id: configId,
    });
    expect(second.errors?.[0]?.extensions?.code).toBe('RUN_ALREADY_ACTIVE');
    await waitForRun(app, first.id);
    const runs = await app.gqlData<{ syncRuns: { id: string }[] }>(
      `query($id: ID!) { syncRuns(syncConfigId: $id) { id } }`,
      { id: configId },
    );
    expect(runs.syncRuns.map((r) => r.id)).toEqual([first.id]);
    const third = await startSync(app, configId);
    expect((await waitForRun(app, third.id)).status).toBe('SUCCEEDED');
  });

  it('fails with NO_SUCH_OBJECT when the users base DN does not exist, staging nothing', async () => {
    const configId = await configFor(slapd, { usersBaseDn: `ou=missing,${slapd.baseDn}` });
    const run = await startSync(app, configId);
    const finished = await waitForRun(app, run.id);
    expect(finished).toMatchObject({ status: 'FAILED', errorCode: 'NO_SUCH_OBJECT' });
    expect(finished.errorMessage).toBeTruthy();
    expect((await stagedCounts(run.id)).users).toBe(0);
  });

  it('fails with INVALID_CREDENTIALS without retrying forever when the bind password is wrong', async () => {
    const directory = await createDirectory(
      app,
      directoryInputFor(slapd, { bindPassword: 'not-the-password' }),
    );
    const { id } = await createSyncConfig(app, syncConfigInputFor(slapd, directory.id));
    const finished = await waitForRun(app, (await startSync(app, id)).id);
    expect(finished).toMatchObject({ status: 'FAILED', errorCode: 'INVALID_CREDENTIALS' });
  });

  it('reads Samba AD with ranged retrieval of the big group: every member staged', async () => {
    const configId = await configFor(samba, { membershipSource: 'GROUP_MEMBERS' });
    const finished = await waitForRun(app, (await startSync(app, configId)).id);
    expect(finished.status).toBe('SUCCEEDED');
    const users = await ldapsearchCount(samba, samba.usersDn, '(&(objectClass=user)(objectCategory=person))');
    expect(finished.counters.usersRead).toBe(users.entries);
    const bigGroupDn = samba.fixture.bigGroupDn ?? '';
    const { rows } = await app.database.pool.query<{ n: string }>(
      `select count(*) as n from staged_group_member m join staged_group g on g.run_id = m.run_id and g.dn_norm = m.group_dn_norm
       where m.run_id = $1 and lower(g.dn) = lower($2)`,
      [finished.id, bigGroupDn],
    );
    expect(Number(rows[0]?.n)).toBe(samba.fixture.bigGroupMemberCount);
    expect(samba.fixture.bigGroupMemberCount).toBeGreaterThan(1500);
  });
});
