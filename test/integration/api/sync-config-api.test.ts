import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createDirectory,
  createSyncConfig,
  directoryInputFor,
  syncConfigInputFor,
} from '../../support/factories.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const { slapd } = inject('servers');
let app: TestApp;
let directoryId: string;

beforeAll(async () => {
  app = await startTestApp({ worker: false });
  directoryId = (await createDirectory(app, directoryInputFor(slapd))).id;
});
afterAll(async () => {
  await app.stop();
});

const FIELDS = `id name kind directoryId usersBaseDn usersScope usersFilter loginAttribute nameAttribute emailAttribute
  externalIdAttribute groupsBaseDn groupsScope groupsFilter groupNameAttribute groupMemberAttribute membershipSource`;
const CREATE = `mutation($input: CreateSyncConfigInput!) { createSyncConfig(input: $input) { ${FIELDS} } }`;

async function configCount(): Promise<number> {
  return (await app.gqlData<{ syncConfigs: unknown[] }>('{ syncConfigs { id } }')).syncConfigs.length;
}

describe('sync configs', () => {
  it('creates a config with defaults and lists it under its directory', async () => {
    const input = syncConfigInputFor(slapd, directoryId);
    const { createSyncConfig: created } = await app.gqlData<{ createSyncConfig: Record<string, unknown> }>(
      CREATE,
      { input },
    );
    expect(created).toMatchObject({
      name: input.name,
      kind: 'DIRECTORY_SYNC',
      directoryId,
      usersBaseDn: slapd.usersDn,
      usersScope: 'SUB',
      loginAttribute: 'uid',
      groupNameAttribute: 'cn',
      groupMemberAttribute: 'member',
      membershipSource: 'MEMBER_OF',
    });
    const listed = await app.gqlData<{ syncConfigs: { id: string }[] }>(
      `query($d: ID) { syncConfigs(directoryId: $d) { id } }`,
      {
        d: directoryId,
      },
    );
    expect(listed.syncConfigs.map((c) => c.id)).toContain(created.id);
  });

  it('updates only the given fields and re-validates them', async () => {
    const { id } = await createSyncConfig(app, syncConfigInputFor(slapd, directoryId));
    const UPDATE = `mutation($id: ID!, $input: UpdateSyncConfigInput!) { updateSyncConfig(id: $id, input: $input) { usersFilter membershipSource loginAttribute } }`;
    const updated = await app.gqlData<{ updateSyncConfig: Record<string, unknown> }>(UPDATE, {
      id,
      input: { usersFilter: '(uid=a*)', membershipSource: 'GROUP_MEMBERS' },
    });
    expect(updated.updateSyncConfig).toEqual({
      usersFilter: '(uid=a*)',
      membershipSource: 'GROUP_MEMBERS',
      loginAttribute: 'uid',
    });
    const bad = await app.gql(UPDATE, { id, input: { usersFilter: '(uid=a*' } });
    expect(bad.errors?.[0]?.extensions?.code).toBe('INVALID_FILTER');
    const after = await app.gqlData<{ syncConfig: { usersFilter: string } }>(
      `query($id: ID!) { syncConfig(id: $id) { usersFilter } }`,
      { id },
    );
    expect(after.syncConfig.usersFilter).toBe('(uid=a*)');
  });

  it('refuses to delete a directory that configs use, and deletes a config', async () => {
    const { id } = await createSyncConfig(app, syncConfigInputFor(slapd, directoryId));
    const refused = await app.gql(`mutation($id: ID!) { deleteDirectory(id: $id) }`, { id: directoryId });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toMatch(/used by sync configs/);
    expect(
      (
        await app.gqlData<{ deleteSyncConfig: boolean }>(`mutation($id: ID!) { deleteSyncConfig(id: $id) }`, {
          id,
        })
      ).deleteSyncConfig,
    ).toBe(true);
  });

  it.each([
    ['an empty users base DN', { usersBaseDn: '  ' }, 'BAD_USER_INPUT'],
    ['an invalid groups base DN', { groupsBaseDn: 'ou=groups,=x' }, 'INVALID_DN'],
    ['an invalid users filter', { usersFilter: '(&(uid=a)' }, 'INVALID_FILTER'],
    ['an invalid groups filter', { groupsFilter: 'objectClass=group)(' }, 'INVALID_FILTER'],
    ['a login attribute that is no attribute name', { loginAttribute: 'u id' }, 'BAD_USER_INPUT'],
    ['an unknown directory', { directoryId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND'],
    ['an unknown member attribute', { groupMemberAttribute: 'members' }, 'BAD_USER_INPUT'],
  ])('rejects %s with a coded error and writes nothing', async (_label, override, code) => {
    const before = await configCount();
    const result = await app.gql(CREATE, {
      input: { ...syncConfigInputFor(slapd, directoryId), ...override },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(await configCount()).toBe(before);
  });
});
