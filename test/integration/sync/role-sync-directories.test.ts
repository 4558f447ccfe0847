import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAppGroup, setMappings } from '../../support/directory-sync-queries.js';
import {
  createDirectory,
  createSyncConfig,
  directoryInputFor,
  syncConfigInputFor,
  uniqueName,
} from '../../support/factories.js';
import { runSync } from '../../support/sync-runs.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const { samba, slapd } = inject('servers');
let app: TestApp;
let sambaDirectoryId: string;

beforeAll(async () => {
  app = await startTestApp();
  // Identities of the big AD group, from a directory sync (so they know their DNs), each with a primary contract.
  sambaDirectoryId = (await createDirectory(app, directoryInputFor(samba, { pageSize: 500 }))).id;
  const users = await createSyncConfig(app, {
    ...syncConfigInputFor(samba, sambaDirectoryId),
    membershipSource: 'GROUP_MEMBERS',
    autoCreateUsers: true,
  });
  await setMappings(app, users.id, [
    {
      ldapGroupDn: samba.fixture.bigGroupDn ?? '',
      appGroupIds: [await createAppGroup(app, uniqueName('big'))],
    },
  ]);
  expect((await runSync(app, users.id)).status).toBe('SUCCEEDED');
  await app.database.pool.query(
    `insert into contract (id, identity_id, "primary", excluded, created_at)
     select gen_random_uuid(), id, true, false, now() from identity where source_directory_id = $1`,
    [sambaDirectoryId],
  );
});
afterAll(async () => {
  await app.stop();
});

describe('role sync against Active Directory', () => {
  it('assigns the role of a group of more than 1500 members to every member, without look-ups for known DNs', async () => {
    const bigGroupDn = samba.fixture.bigGroupDn ?? '';
    const config = await createSyncConfig(app, {
      ...syncConfigInputFor(samba, sambaDirectoryId),
      kind: 'ROLE_SYNC',
      groupsFilter: `(distinguishedName=${bigGroupDn})`,
      assignRolesToIdentities: true,
      membershipManagement: true,
    });
    const run = await runSync(app, config.id);
    expect(run.status).toBe('SUCCEEDED');
    const members = samba.fixture.bigGroupMemberCount ?? -1;
    expect(members).toBeGreaterThan(1500);
    expect(run.counters).toMatchObject({
      rolesCreated: 1,
      memberValues: members,
      lookupsMade: 0,
      roleRequestsExecuted: members,
      rolesAdded: members,
    });
    const { rows } = await app.database.pool.query<{ n: number }>(
      `select count(*)::int as n from identity_role ir join role r on r.id = ir.role_id where r.sync_config_id = $1`,
      [config.id],
    );
    expect(rows[0]?.n).toBe(members);
  });

  it('says differential sync is off while membership management is on', async () => {
    const config = await createSyncConfig(app, {
      ...syncConfigInputFor(samba, sambaDirectoryId),
      kind: 'ROLE_SYNC',
      membershipManagement: true,
    });
    const { syncConfig } = await app.gqlData<{
      syncConfig: {
        differentialSync: boolean;
        effectiveDifferentialSync: boolean;
        differentialSyncNote: string | null;
      };
    }>(
      `query($id: ID!) { syncConfig(id: $id) { differentialSync effectiveDifferentialSync differentialSyncNote } }`,
      { id: config.id },
    );
    expect(syncConfig).toMatchObject({ differentialSync: true, effectiveDifferentialSync: false });
    expect(syncConfig.differentialSyncNote).toMatch(/membership management/);
  });

  it('lists run history by job type', async () => {
    const history = async (jobType: string) =>
      (
        await app.gqlData<{ syncRuns: { syncConfigId: string }[] }>(
          `query($t: SyncKind) { syncRuns(jobType: $t, limit: 200) { syncConfigId } }`,
          { t: jobType },
        )
      ).syncRuns;
    const roleRuns = await history('ROLE_SYNC');
    const directoryRuns = await history('DIRECTORY_SYNC');
    expect(roleRuns.length).toBeGreaterThan(0);
    expect(directoryRuns.length).toBeGreaterThan(0);
    expect(
      roleRuns.some((run) => directoryRuns.some((other) => other.syncConfigId === run.syncConfigId)),
    ).toBe(false);
    // Both filters at once: a directory sync config has no role sync runs.
    const directoryConfigId = directoryRuns[0]?.syncConfigId ?? '';
    const both = await app.gqlData<{ syncRuns: unknown[] }>(
      `query($c: ID, $t: SyncKind) { syncRuns(syncConfigId: $c, jobType: $t) { id } }`,
      { c: directoryConfigId, t: 'ROLE_SYNC' },
    );
    expect(both.syncRuns).toEqual([]);
  });
});

describe('role sync with an unreachable member system', () => {
  it('retries, then fails with DIRECTORY_UNREACHABLE and executes no request', async () => {
    const slapdDirectory = await createDirectory(app, directoryInputFor(slapd));
    const dead = await createDirectory(
      app,
      directoryInputFor(slapd, { urls: ['ldap://127.0.0.1:1'], connectTimeoutMs: 200 }),
    );
    const config = await createSyncConfig(app, {
      ...syncConfigInputFor(slapd, slapdDirectory.id),
      kind: 'ROLE_SYNC',
      assignRolesToIdentities: true,
      membershipManagement: true,
      memberDirectoryId: dead.id,
    });
    const run = await runSync(app, config.id);
    expect(run, run.errorMessage ?? '').toMatchObject({
      status: 'FAILED',
      errorCode: 'DIRECTORY_UNREACHABLE',
    });
    const { rows } = await app.database.pool.query<{ n: number }>(
      'select count(*)::int as n from role_request where created_by_run_id = $1',
      [run.id],
    );
    expect(rows[0]?.n).toBe(0);
    const cache = await app.database.pool.query<{ n: number }>(
      'select count(*)::int as n from member_lookup where run_id = $1',
      [run.id],
    );
    expect(cache.rows[0]?.n).toBe(0);
  });
});
