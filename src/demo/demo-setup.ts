// Everything the demo configures, through the public API only: the directory, a DIRECTORY_SYNC config
// with its app groups and group mappings, a ROLE_SYNC config, and (between the two runs) the primary
// contracts that synced roles are assigned to. Objects are found by name and updated when they exist,
// so that a second demo run reuses the first one's instead of failing on duplicates.
import type { CompanyDirectory } from './company-directory.js';
import type { DemoLdapServer } from './demo-ldap-server.js';
import type { RolesyncApi } from './rolesync-api.js';

export interface DemoObjects {
  directoryId: string;
  directorySyncId: string;
  roleSyncId: string;
  /** App group ids by name. */
  appGroupIds: Map<string, string>;
}

export interface DemoGroupMapping {
  ldapGroupDn: string;
  appGroupNames: string[];
}

const DIRECTORY_NAME = 'Acme Robotics (demo)';
const DIRECTORY_SYNC_NAME = 'Acme people and groups (demo)';
const ROLE_SYNC_NAME = 'Acme roles (demo)';
/** Aliased operations per request: well inside the API's 1,000-field limit. */
const BATCH = 100;

/**
 * all-staff gives everyone "Everyone"; each department its own app group (Engineering also "Developer
 * Tools"); app-admins maps to two app groups; teams, release-managers and budget-approvers stay unmapped
 * (they become roles in the role sync). With nested expansion, team members reach their department's
 * app group and all-staff's through the nesting.
 */
export function demoGroupMappings(directory: CompanyDirectory): DemoGroupMapping[] {
  const dnOf = (cn: string): string => {
    const group = directory.groups.find((candidate) => candidate.cn === cn);
    if (group === undefined) throw new Error(`the demo directory has no group ${cn}`);
    return group.dn;
  };
  const departments = directory.groups.filter((group) => group.kind === 'department');
  return [
    { ldapGroupDn: dnOf('all-staff'), appGroupNames: ['Everyone'] },
    ...departments.map((group) => ({
      ldapGroupDn: group.dn,
      appGroupNames:
        group.displayName === 'Engineering' ? [group.displayName, 'Developer Tools'] : [group.displayName],
    })),
    { ldapGroupDn: dnOf('app-admins'), appGroupNames: ['Administrators', 'Support Desk'] },
    { ldapGroupDn: dnOf('app-auditors'), appGroupNames: ['Auditors'] },
    { ldapGroupDn: dnOf('vpn-users'), appGroupNames: ['VPN Access'] },
  ];
}

/** Creates or updates the directory, both sync configs, the app groups and the mappings. */
export async function setUpDemo(api: RolesyncApi, ldap: DemoLdapServer): Promise<DemoObjects> {
  const { directory } = ldap;
  const directoryId = await upsertDirectory(api, ldap);
  const users = {
    directoryId,
    usersBaseDn: directory.peopleDn,
    usersFilter: '(objectClass=inetOrgPerson)',
    loginAttribute: 'uid',
    nameAttribute: 'displayName',
    emailAttribute: 'mail',
    groupsBaseDn: directory.groupsDn,
    groupsFilter: '(objectClass=groupOfNames)',
    groupNameAttribute: 'cn',
    groupMemberAttribute: 'member',
  };
  const directorySyncId = await upsertSyncConfig(api, 'DIRECTORY_SYNC', {
    ...users,
    name: DIRECTORY_SYNC_NAME,
    membershipSource: 'MEMBER_OF',
    autoCreateUsers: true,
    autoDeactivateUsers: true,
    defaultAuthorizationType: 'LDAP',
    expandNestedGroups: true,
  });
  const roleSyncId = await upsertSyncConfig(api, 'ROLE_SYNC', {
    ...users,
    name: ROLE_SYNC_NAME,
    roleDescriptionAttribute: 'description',
    membershipManagement: true,
    memberAttribute: 'member',
    assignRolesToIdentities: true,
    removeRolesNotInSystem: true,
    catalogueEnabled: true,
    catalogueStrategy: 'RESOLVE_BY_DN',
    catalogueMainNode: directory.organization,
    forwardProvisioning: true,
  });
  const mappings = demoGroupMappings(directory);
  const appGroupIds = await ensureAppGroups(api, [
    ...new Set(mappings.flatMap((mapping) => mapping.appGroupNames)),
  ]);
  await api.data(
    `mutation($id: ID!, $mappings: [GroupMappingInput!]!) { setGroupMappings(syncConfigId: $id, mappings: $mappings) { appGroupId } }`,
    {
      id: directorySyncId,
      mappings: mappings.map((mapping) => ({
        ldapGroupDn: mapping.ldapGroupDn,
        appGroupIds: mapping.appGroupNames.map((name) => appGroupIds.get(name)),
      })),
    },
  );
  return { directoryId, directorySyncId, roleSyncId, appGroupIds };
}

/**
 * Synced roles go to an identity's primary contract: every identity of the demo directory without one
 * gets one, with the person's job title as its position.
 */
export async function ensurePrimaryContracts(
  api: RolesyncApi,
  directoryId: string,
  directory: CompanyDirectory,
): Promise<number> {
  const titles = new Map(directory.users.map((user) => [user.uid, user.title]));
  const identities = await listIdentities(api, directoryId);
  const missing: { id: string; login: string }[] = [];
  for (const batch of chunks(identities, BATCH)) {
    const fields = batch.map((_identity, i) => `c${i}: contracts(identityId: $i${i}) { primary }`);
    const data = await api.data<Record<string, { primary: boolean }[]>>(
      `query(${batch.map((_identity, i) => `$i${i}: ID!`).join(', ')}) { ${fields.join(' ')} }`,
      Object.fromEntries(batch.map((identity, i) => [`i${i}`, identity.id])),
    );
    batch.forEach((identity, i) => {
      if (!(data[`c${i}`] ?? []).some((contract) => contract.primary)) missing.push(identity);
    });
  }
  for (const batch of chunks(missing, BATCH)) {
    const variables = batch.map((_identity, i) => `$i${i}: ID!, $p${i}: String`).join(', ');
    const fields = batch.map(
      (_identity, i) =>
        `c${i}: createContract(identityId: $i${i}, input: { primary: true, position: $p${i} }) { id }`,
    );
    await api.data(
      `mutation(${variables}) { ${fields.join(' ')} }`,
      Object.fromEntries(
        batch.flatMap((identity, i) => [
          [`i${i}`, identity.id],
          [`p${i}`, titles.get(identity.login) ?? null],
        ]),
      ),
    );
  }
  return missing.length;
}

export interface IdentityView {
  id: string;
  login: string;
  active: boolean;
  appGroupIds: string[];
}

/** Every identity of a directory, page by page. */
export async function listIdentities(api: RolesyncApi, directoryId: string): Promise<IdentityView[]> {
  const pageSize = 500;
  const all: IdentityView[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const { identities } = await api.data<{ identities: { total: number; items: IdentityView[] } }>(
      `query($d: ID!, $limit: Int!, $offset: Int!) {
         identities(directoryId: $d, limit: $limit, offset: $offset) { total items { id login active appGroupIds } }
       }`,
      { d: directoryId, limit: pageSize, offset },
    );
    all.push(...identities.items);
    if (identities.items.length < pageSize || all.length >= identities.total) return all;
  }
}

async function upsertDirectory(api: RolesyncApi, ldap: DemoLdapServer): Promise<string> {
  // The demo slapd gets a new free port on every start, and its password lives with its data.
  return upsertByName(api, 'Directory', 'directories', {
    name: DIRECTORY_NAME,
    kind: 'OPENLDAP',
    urls: [ldap.url],
    tlsMode: 'NONE',
    bindDn: ldap.bindDn,
    bindPassword: ldap.bindPassword,
    pageSize: 200,
  });
}

async function upsertSyncConfig(
  api: RolesyncApi,
  kind: 'DIRECTORY_SYNC' | 'ROLE_SYNC',
  input: { name: string } & Record<string, unknown>,
): Promise<string> {
  return upsertByName(api, 'SyncConfig', 'syncConfigs', input, { kind });
}

/**
 * Updates the object of that type and name, or creates it (with createOnly added: settings that cannot
 * change later). Names are unique per type in Rolesync.
 */
async function upsertByName(
  api: RolesyncApi,
  type: 'Directory' | 'SyncConfig',
  listField: 'directories' | 'syncConfigs',
  input: { name: string } & Record<string, unknown>,
  createOnly: Record<string, unknown> = {},
): Promise<string> {
  const listed = await api.data<Record<string, { id: string; name: string }[]>>(
    `{ ${listField} { id name } }`,
  );
  const existing = listed[listField]?.find((candidate) => candidate.name === input.name);
  const operation = existing === undefined ? `create${type}` : `update${type}`;
  const data = await api.data<Record<string, { id: string }>>(
    existing === undefined
      ? `mutation($input: Create${type}Input!) { ${operation}(input: $input) { id } }`
      : `mutation($id: ID!, $input: Update${type}Input!) { ${operation}(id: $id, input: $input) { id } }`,
    existing === undefined ? { input: { ...input, ...createOnly } } : { id: existing.id, input },
  );
  const id = data[operation]?.id;
  if (id === undefined) throw new Error(`${operation} returned no id`);
  return id;
}

/** The ids of the named app groups, creating those that do not exist yet. */
async function ensureAppGroups(api: RolesyncApi, names: readonly string[]): Promise<Map<string, string>> {
  const { appGroups } = await api.data<{ appGroups: { id: string; name: string }[] }>(
    '{ appGroups { id name } }',
  );
  const ids = new Map(appGroups.map((group) => [group.name, group.id]));
  const missing = names.filter((name) => !ids.has(name));
  if (missing.length > 0) {
    const data = await api.data<Record<string, { id: string }>>(
      `mutation(${missing.map((_name, i) => `$n${i}: String!`).join(', ')}) {
         ${missing.map((_name, i) => `g${i}: createAppGroup(input: { name: $n${i} }) { id }`).join(' ')}
       }`,
      Object.fromEntries(missing.map((name, i) => [`n${i}`, name])),
    );
    missing.forEach((name, i) => {
      const created = data[`g${i}`];
      if (created !== undefined) ids.set(name, created.id);
    });
  }
  return ids;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
