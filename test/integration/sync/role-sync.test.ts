import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ADOPTED_BY_DIGEST } from '../../../src/activities/read-directory.activities.js';
import { normalizeDn } from '../../../src/ldap/index.js';
import { createAppGroup, setMappings } from '../../support/directory-sync-queries.js';
import {
  createDirectory,
  createSyncConfig,
  directoryInputFor,
  syncConfigInputFor,
} from '../../support/factories.js';
import { createScenarioTree, type ScenarioTree } from '../../support/ldap-scenario.js';
import { infoMessagesOf, runSync } from '../../support/sync-runs.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const { slapd } = inject('servers');
let app: TestApp;
let tree: ScenarioTree;
let directoryId: string;
let roleConfigId: string;
const dn: Record<string, string> = {};
const identity: Record<string, string> = {};
let crashes = 0;
let crashArmed = false;

/**
 * Job 2 of DESIGN.md on a private subtree of the real slapd: groups become roles, members are looked
 * up on the member system (identities here do not store their DN), one request per identity.
 */
beforeAll(async () => {
  app = await startTestApp({
    faults: {
      afterRoleRequestBatch: () => {
        if (!crashArmed) return;
        crashArmed = false;
        crashes += 1;
        throw new Error('injected crash after a committed batch');
      },
    },
  });
  tree = await createScenarioTree(slapd, 'roles');
  for (const uid of ['ann', 'bob', 'cid', 'dee', 'nocontract']) dn[uid] = await tree.addUser(uid);
  const it = await tree.addContainer('it', tree.groupsDn);
  const ops = await tree.addContainer('ops', tree.groupsDn);
  dn.everyone = await tree.addGroup('everyone', Object.values(dn));
  dn.r1 = await tree.addGroup('r1', [dn.ann ?? '', dn.bob ?? ''], it);
  dn.r2 = await tree.addGroup('r2', [dn.ann ?? '', dn.cid ?? ''], it);
  dn.r3 = await tree.addGroup('r3', [dn.ann ?? '', dn.bob ?? ''], ops);
  dn.r4 = await tree.addGroup('r4', [dn.ann ?? ''], ops);
  dn.r5 = await tree.addGroup('r5', [dn.ann ?? '', dn.nocontract ?? '', `uid=ghost,${tree.usersDn}`], ops);
  dn.cycleA = await tree.addGroup('cycle-a', [dn.dee ?? '']);
  dn.cycleB = await tree.addGroup('cycle-b', [dn.cycleA]);
  await tree.setMembers(dn.cycleA, [dn.dee ?? '', dn.cycleB]);
  // Duplicate name in another OU: the role code must stay unique.
  dn.dupe = await tree.addGroup('r1', [dn.dee ?? ''], ops);

  // Identities come from a directory sync of the same tree; then forget their DNs so role sync must look members up.
  directoryId = (await createDirectory(app, directoryInputFor(slapd))).id;
  const usersConfig = await createSyncConfig(app, {
    ...syncConfigInputFor(slapd, directoryId, {
      usersBaseDn: tree.usersDn,
      groupsBaseDn: tree.groupsDn,
      groupsScope: 'ONE',
    }),
    autoCreateUsers: true,
    safetyThresholdPercent: 100,
  });
  await setMappings(app, usersConfig.id, [
    { ldapGroupDn: dn.everyone, appGroupIds: [await createAppGroup(app, `all-${Date.now()}`)] },
  ]);
  expect((await runSync(app, usersConfig.id)).status).toBe('SUCCEEDED');
  await app.database.pool.query(
    'update identity set dn = null, dn_norm = null where source_directory_id = $1',
    [directoryId],
  );
  const { rows } = await app.database.pool.query<{ id: string; login: string }>(
    'select id, login from identity where source_directory_id = $1',
    [directoryId],
  );
  for (const row of rows) identity[row.login] = row.id;
  for (const login of ['ann', 'bob', 'cid', 'dee']) {
    await app.gqlData(
      `mutation($id: ID!) { createContract(identityId: $id, input: { primary: true }) { id } }`,
      { id: identity[login] },
    );
  }
  roleConfigId = (
    await createSyncConfig(app, {
      ...syncConfigInputFor(slapd, directoryId, { usersBaseDn: tree.usersDn, groupsBaseDn: tree.groupsDn }),
      kind: 'ROLE_SYNC',
      groupsFilter: '(&(objectClass=groupOfNames)(!(cn=everyone)))',
      assignRolesToIdentities: true,
      membershipManagement: true,
      memberAttribute: 'member',
      catalogueEnabled: true,
      catalogueStrategy: 'RESOLVE_BY_DN',
      catalogueMainNode: 'Corp',
      removeRolesNotInSystem: true,
    })
  ).id;
});

afterAll(async () => {
  await tree.close();
  await app.stop();
});

interface RoleView {
  id: string;
  code: string;
  systemIdentifier: string | null;
  roleMembershipId: string | null;
  catalogueNodeIds: string[];
}

async function roles(): Promise<RoleView[]> {
  const data = await app.gqlData<{ roles: { items: RoleView[] } }>(
    `query($c: ID!) { roles(syncConfigId: $c, limit: 500) { items { id code systemIdentifier roleMembershipId catalogueNodeIds } } }`,
    { c: roleConfigId },
  );
  return data.roles.items;
}

/** The run whose staging a run reads, and how many groups it staged itself. */
async function stagingOf(runId: string): Promise<{ stagingRunId: string | null; ownGroups: number }> {
  const { rows } = await app.database.pool.query<{ stagingRunId: string | null; ownGroups: number }>(
    `select r.staging_run_id as "stagingRunId",
            (select count(*)::int from staged_group g where g.run_id = r.id) as "ownGroups"
     from sync_run r where r.id = $1`,
    [runId],
  );
  return rows[0] ?? { stagingRunId: null, ownGroups: -1 };
}

async function roleCodesOf(login: string): Promise<string[]> {
  const all = new Map((await roles()).map((role) => [role.id, role.code]));
  const data = await app.gqlData<{ identityRoles: { roleId: string; origin: string }[] }>(
    `query($i: ID!) { identityRoles(identityId: $i) { roleId origin } }`,
    {
      i: identity[login],
    },
  );
  return data.identityRoles
    .map((assignment) => all.get(assignment.roleId) ?? `manual:${assignment.roleId}`)
    .sort();
}

describe('role sync', () => {
  it('creates a role per group, with its DN as identifier and placed by its OU path under the main node', async () => {
    const run = await runSync(app, roleConfigId);
    expect(run.status).toBe('SUCCEEDED');
    const all = await roles();
    expect(all.map((role) => role.code).sort()).toEqual(
      [
        'cycle-a',
        'cycle-b',
        `r1 (${dn.dupe?.toLowerCase()})`,
        `r1 (${dn.r1?.toLowerCase()})`,
        'r2',
        'r3',
        'r4',
        'r5',
      ].sort(),
    );
    const r2 = all.find((role) => role.code === 'r2');
    expect(r2).toMatchObject({ systemIdentifier: dn.r2?.toLowerCase(), roleMembershipId: dn.r2 });
    const catalogue = await app.gqlData<{ roleCatalogue: { id: string; code: string }[] }>(
      '{ roleCatalogue { id code } }',
    );
    const byCode = new Map(catalogue.roleCatalogue.map((node) => [node.code, node.id]));
    expect([...byCode.keys()]).toEqual(expect.arrayContaining(['Corp', 'Corp/it', 'Corp/ops']));
    expect(r2?.catalogueNodeIds).toEqual([byCode.get('Corp/it')]);
    expect(all.find((role) => role.code === 'cycle-a')?.catalogueNodeIds).toEqual([byCode.get('Corp')]);
    const log = await app.gqlData<{ syncRunLog: { items: { message: string; dn: string | null }[] } }>(
      `query($r: ID!) { syncRunLog(runId: $r, limit: 500) { items { message dn } } }`,
      { r: run.id },
    );
    const messages = log.syncRunLog.items.map((item) => `${item.message} | ${item.dn ?? ''}`.toLowerCase());
    expect(messages.some((m) => m.startsWith('duplicate role code "r1"'))).toBe(true);
    expect(
      messages.some((m) => m.startsWith('member dn points to no entry') && m.includes('uid=ghost')),
    ).toBe(true);
    expect(messages.some((m) => m.startsWith('nested group among members') && m.includes('cn=cycle-b'))).toBe(
      true,
    );
    expect(messages.some((m) => m.startsWith('no primary contract: identity nocontract'))).toBe(true);
  });

  it('gives an identity in five synced groups one request with five additions, on its primary contract', async () => {
    const { roleRequests } = await app.gqlData<{
      roleRequests: {
        items: {
          identityId: string;
          resultCode: string;
          state: string;
          items: { operation: string; state: string }[];
        }[];
      };
    }>(
      `query($i: ID!) { roleRequests(identityId: $i) { items { identityId resultCode state items { operation state } } } }`,
      { i: identity.ann },
    );
    expect(roleRequests.items).toHaveLength(1);
    expect(roleRequests.items[0]).toMatchObject({
      resultCode: 'SYNC-OF-ROLES-COMMON-ROLE-REQUEST',
      state: 'EXECUTED',
    });
    expect(roleRequests.items[0]?.items.map((item) => `${item.operation} ${item.state}`)).toEqual(
      Array(5).fill('ADD EXECUTED'),
    );
    expect(await roleCodesOf('ann')).toEqual([`r1 (${dn.r1?.toLowerCase()})`, 'r2', 'r3', 'r4', 'r5'].sort());
    expect(await roleCodesOf('nocontract')).toEqual([]);
  });

  it('looks each unknown member DN up once, counts cache hits, and clears the cache after the run', async () => {
    const { syncRuns } = await app.gqlData<{ syncRuns: { id: string; counters: Record<string, number> }[] }>(
      `query($c: ID!) { syncRuns(syncConfigId: $c) { id counters { memberValues lookupsMade cacheHits membersUnresolved roleRequestsExecuted } } }`,
      { c: roleConfigId },
    );
    const counters = syncRuns[0]?.counters ?? {};
    // Distinct member DNs that are not groups of the run: ann bob cid dee nocontract ghost.
    expect(counters.lookupsMade).toBe(6);
    expect(counters.memberValues).toBe(14);
    expect(counters.cacheHits).toBe(8);
    expect(counters.roleRequestsExecuted).toBe(4);
    const cache = await app.database.pool.query('select count(*)::int as n from member_lookup');
    expect(cache.rows[0]).toEqual({ n: 0 });
  });

  it('removes exactly the stale synced roles with "remove roles not in system", never a manual one', async () => {
    const manual = await app.gqlData<{ createRole: { id: string } }>(
      `mutation { createRole(input: { name: "Manual", code: "manual-${Date.now()}" }) { id } }`,
    );
    await app.gqlData(`mutation($i: ID!, $r: ID!) { assignRole(identityId: $i, roleId: $r) { id } }`, {
      i: identity.bob,
      r: manual.createRole.id,
    });
    await waitFor(async () => (await roleCodesOf('bob')).some((code) => code.startsWith('manual:')));
    await tree.setMembers(dn.r3 ?? '', [dn.ann ?? '']);
    const run = await runSync(app, roleConfigId);
    expect(run.counters.rolesRemoved).toBe(1);
    expect(await roleCodesOf('bob')).toEqual(
      [`manual:${manual.createRole.id}`, `r1 (${dn.r1?.toLowerCase()})`].sort(),
    );
  });

  it('refuses to assign a role that does not exist, and writes no request', async () => {
    const before = await app.database.pool.query<{ n: number }>(
      'select count(*)::int as n from role_request where identity_id = $1',
      [identity.bob],
    );
    const missing = crypto.randomUUID();
    const result = await app.gql(
      `mutation($i: ID!, $r: ID!) { assignRole(identityId: $i, roleId: $r) { id } }`,
      {
        i: identity.bob,
        r: missing,
      },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(result.errors?.[0]?.message).toBe(`Role ${missing} does not exist.`);
    const after = await app.database.pool.query<{ n: number }>(
      'select count(*)::int as n from role_request where identity_id = $1',
      [identity.bob],
    );
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });

  it('executes every request once when the commit phase crashes after a committed batch and is retried', async () => {
    await tree.setMembers(dn.r4 ?? '', [dn.ann ?? '', dn.bob ?? '', dn.cid ?? '', dn.dee ?? '']);
    crashArmed = true;
    const run = await runSync(app, roleConfigId);
    expect(crashes).toBe(1);
    expect(run.status).toBe('SUCCEEDED');
    expect(run.counters.roleRequestsExecuted).toBe(3);
    const { rows } = await app.database.pool.query<{ n: number }>(
      `select count(*)::int as n from role_request where created_by_run_id = $1 and state = 'EXECUTED'`,
      [run.id],
    );
    expect(rows[0]?.n).toBe(3);
    const duplicates = await app.database.pool.query(
      'select contract_id, role_id from identity_role group by 1, 2 having count(*) > 1',
    );
    expect(duplicates.rowCount).toBe(0);
    for (const login of ['bob', 'cid', 'dee']) expect(await roleCodesOf(login)).toContain('r4');
  });

  it('counts a member found both by its DN and by a looked-up login, or by two looked-up DNs, once', async () => {
    const annDn = dn.ann ?? '';
    // ann's identity knows its DN again; two more entries carry ann's login and are looked up.
    await app.database.pool.query('update identity set dn = $2, dn_norm = $3 where id = $1', [
      identity.ann,
      annDn,
      normalizeDn(annDn),
    ]);
    const aliases: string[] = [];
    for (const name of ['ann-alias-1', 'ann-alias-2']) {
      const alias = await tree.addUser(name, { withoutUid: true });
      await tree.setAttribute(alias, 'uid', ['ann']);
      aliases.push(alias);
    }
    const ops = `ou=ops,${tree.groupsDn}`;
    await tree.addGroup('r6', [annDn, aliases[0] ?? ''], ops);
    await tree.addGroup('r7', aliases, ops);
    const run = await runSync(app, roleConfigId);
    expect(run.status).toBe('SUCCEEDED');
    const { rows } = await app.database.pool.query<{ code: string }>(
      `select r.code from role_request rr
       join role_request_item it on it.request_id = rr.id join role r on r.id = it.role_id
       where rr.created_by_run_id = $1 and rr.identity_id = $2 and it.operation = 'ADD' order by 1`,
      [run.id, identity.ann],
    );
    expect(rows.map((row) => row.code)).toEqual(['r6', 'r7']);
    expect(run.counters.rolesAdded).toBe(2);
    expect(await roleCodesOf('ann')).toEqual(expect.arrayContaining(['r6', 'r7']));
  });

  it('adopts the staging of the last run when no group changed, and resolves and plans from it', async () => {
    const previous = await runSync(app, roleConfigId);
    const assigned = await roleCodesOf('ann');
    const run = await runSync(app, roleConfigId);
    expect(run.status).toBe('SUCCEEDED');
    expect(await infoMessagesOf(app, run.id, 'READ_GROUPS')).toContain(ADOPTED_BY_DIGEST);
    const previousStaging = (await stagingOf(previous.id)).stagingRunId ?? previous.id;
    expect(await stagingOf(run.id)).toEqual({ stagingRunId: previousStaging, ownGroups: 0 });
    // Read from the adopted staging: the same member values and look-ups, and nothing to change (an
    // empty staging would have removed every synced role).
    for (const counter of ['memberValues', 'lookupsMade', 'cacheHits'] as const) {
      expect(run.counters[counter]).toBe(previous.counters[counter]);
    }
    expect(run.counters.memberValues).toBeGreaterThan(0);
    expect(run.counters.roleRequestsCreated).toBe(0);
    expect(await roleCodesOf('ann')).toEqual(assigned);
  });

  it('adds synced roles to a new primary contract and leaves them on the one that was primary', async () => {
    /** The identity's synced assignments: role code and contract. */
    const synced = async (login: string): Promise<{ code: string; contractId: string }[]> =>
      (
        await app.database.pool.query<{ code: string; contractId: string }>(
          `select r.code, ir.contract_id as "contractId" from identity_role ir join role r on r.id = ir.role_id
           where ir.identity_id = $1 and ir.origin = 'SYNC' order by 1, 2`,
          [identity[login]],
        )
      ).rows;
    const before = await synced('dee');
    expect(before.length).toBeGreaterThan(0);
    const created = await app.gqlData<{ createContract: { id: string } }>(
      `mutation($id: ID!) { createContract(identityId: $id, input: { primary: true }) { id } }`,
      { id: identity.dee },
    );
    const run = await runSync(app, roleConfigId);
    expect(run.status).toBe('SUCCEEDED');
    // No group changed: planned from the adopted staging.
    expect((await stagingOf(run.id)).ownGroups).toBe(0);
    expect(run.counters.rolesAdded).toBe(before.length);
    expect(run.counters.rolesRemoved).toBe(0);
    const after = await synced('dee');
    expect(after.filter((a) => a.contractId !== created.createContract.id)).toEqual(before);
    expect(after.filter((a) => a.contractId === created.createContract.id).map((a) => a.code)).toEqual(
      before.map((a) => a.code),
    );
  });
});

describe('provisioning', () => {
  it('a synced role assigned by hand shows up as a member on the LDAP group, and removal takes it off', async () => {
    const r2 = (await roles()).find((role) => role.code === 'r2');
    const deeDn = dn.dee ?? '';
    expect(await tree.readMembers(dn.r2 ?? '')).not.toContain(deeDn);
    const assigned = await app.gqlData<{ assignRole: { id: string } }>(
      `mutation($i: ID!, $r: ID!) { assignRole(identityId: $i, roleId: $r) { id } }`,
      {
        i: identity.dee,
        r: r2?.id,
      },
    );
    const provisioned = await waitForItem(assigned.assignRole.id);
    expect(provisioned).toMatchObject({ provisioningState: 'PROVISIONED' });
    expect((await tree.readMembers(dn.r2 ?? '')).map((v) => v.toLowerCase())).toContain(deeDn.toLowerCase());

    const removed = await app.gqlData<{ removeRole: { id: string } }>(
      `mutation($i: ID!, $r: ID!) { removeRole(identityId: $i, roleId: $r) { id } }`,
      {
        i: identity.dee,
        r: r2?.id,
      },
    );
    expect(await waitForItem(removed.removeRole.id)).toMatchObject({ provisioningState: 'PROVISIONED' });
    expect((await tree.readMembers(dn.r2 ?? '')).map((v) => v.toLowerCase())).not.toContain(
      deeDn.toLowerCase(),
    );
  });

  it('an excluded contract contributes no value when the role skips excluded contracts', async () => {
    const r3 = (await roles()).find((role) => role.code === 'r3');
    await app.gqlData(
      `mutation($id: ID!) { updateRole(id: $id, input: { skipValueIfContractExcluded: true }) { id } }`,
      { id: r3?.id },
    );
    const contracts = await app.gqlData<{ contracts: { id: string }[] }>(
      `query($i: ID!) { contracts(identityId: $i) { id } }`,
      { i: identity.cid },
    );
    await app.gqlData(`mutation($id: ID!) { updateContract(id: $id, input: { excluded: true }) { id } }`, {
      id: contracts.contracts[0]?.id,
    });
    const assigned = await app.gqlData<{ assignRole: { id: string } }>(
      `mutation($i: ID!, $r: ID!) { assignRole(identityId: $i, roleId: $r) { id } }`,
      {
        i: identity.cid,
        r: r3?.id,
      },
    );
    expect(await waitForItem(assigned.assignRole.id)).toMatchObject({ provisioningState: 'SKIPPED' });
    expect((await tree.readMembers(dn.r3 ?? '')).map((v) => v.toLowerCase())).not.toContain(
      (dn.cid ?? '').toLowerCase(),
    );
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function waitForItem(
  requestId: string,
): Promise<{ provisioningState: string; provisioningMessage: string | null }> {
  let item: { provisioningState: string; provisioningMessage: string | null } | undefined;
  await waitFor(async () => {
    const data = await app.gqlData<{
      roleRequest: {
        state: string;
        items: { provisioningState: string; provisioningMessage: string | null }[];
      };
    }>(`query($id: ID!) { roleRequest(id: $id) { state items { provisioningState provisioningMessage } } }`, {
      id: requestId,
    });
    item = data.roleRequest.items[0];
    return (
      data.roleRequest.state === 'EXECUTED' && item !== undefined && item.provisioningState !== 'PENDING'
    );
  });
  if (item === undefined) throw new Error('no item');
  return item;
}
