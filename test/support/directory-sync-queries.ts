import {
  createDirectory,
  createSyncConfig,
  directoryInputFor,
  syncConfigInputFor,
  uniqueName,
} from './factories.js';
import type { LdapServerInfo } from './provided-context.js';
import { runSync } from './sync-runs.js';
import type { TestApp } from './test-app.js';

/** Exact resulting state, read through the API: login -> app group ids, and who is active. */
export interface IdentityState {
  login: string;
  displayName: string | null;
  active: boolean;
  deactivationReason: string | null;
  groupIds: string[];
}

export async function identityStates(app: TestApp, directoryId: string): Promise<Map<string, IdentityState>> {
  const states = new Map<string, IdentityState>();
  for (let offset = 0; ; offset += 500) {
    const { identities } = await app.gqlData<{
      identities: {
        total: number;
        items: {
          login: string;
          displayName: string | null;
          active: boolean;
          deactivationReason: string | null;
          appGroupIds: string[];
        }[];
      };
    }>(
      `query($d: ID, $o: Int!) { identities(directoryId: $d, limit: 500, offset: $o) { total items { login displayName active deactivationReason appGroupIds } } }`,
      { d: directoryId, o: offset },
    );
    for (const item of identities.items) {
      states.set(item.login, {
        login: item.login,
        displayName: item.displayName,
        active: item.active,
        deactivationReason: item.deactivationReason,
        groupIds: item.appGroupIds,
      });
    }
    if (offset + 500 >= identities.total) return states;
  }
}

/** login -> sorted group labels (via labelOf an id), for compact exact assertions. */
export function groupsByLogin(
  states: Map<string, IdentityState>,
  labelOf: (groupId: string) => string,
): Record<string, string[]> {
  return Object.fromEntries(
    [...states.values()]
      .sort((a, b) => a.login.localeCompare(b.login))
      .map((s) => [s.login, s.groupIds.map(labelOf).sort()]),
  );
}

export async function createAppGroup(app: TestApp, name: string): Promise<string> {
  return (
    await app.gqlData<{ createAppGroup: { id: string } }>(
      `mutation($n: String!) { createAppGroup(input: { name: $n }) { id } }`,
      { n: name },
    )
  ).createAppGroup.id;
}

export async function setMappings(
  app: TestApp,
  syncConfigId: string,
  mappings: { ldapGroupDn: string; appGroupIds: string[] }[],
): Promise<void> {
  await app.gqlData(
    `mutation($id: ID!, $m: [GroupMappingInput!]!) { setGroupMappings(syncConfigId: $id, mappings: $m) { ldapGroupDn } }`,
    {
      id: syncConfigId,
      m: mappings,
    },
  );
}

export async function updateConfig(
  app: TestApp,
  syncConfigId: string,
  input: Record<string, unknown>,
): Promise<void> {
  await app.gqlData(
    `mutation($id: ID!, $input: UpdateSyncConfigInput!) { updateSyncConfig(id: $id, input: $input) { id } }`,
    {
      id: syncConfigId,
      input,
    },
  );
}

export interface MappedConfig {
  directoryId: string;
  configId: string;
  groupDns: string[];
}

/**
 * A directory and auto-creating sync config on the server, with the first `groupCount` groups it finds
 * (by a dry run) mapped: each to its own application group, or all to one.
 */
export async function createMappedConfig(
  app: TestApp,
  server: LdapServerInfo,
  options: { groupCount: number; oneAppGroup: boolean },
): Promise<MappedConfig> {
  const directory = await createDirectory(app, directoryInputFor(server));
  const config = await createSyncConfig(app, {
    ...syncConfigInputFor(server, directory.id),
    autoCreateUsers: true,
    safetyThresholdPercent: 100,
  });
  const discovery = await runSync(app, config.id, { dryRun: true });
  if (discovery.status !== 'SUCCEEDED') throw new Error(`discovery run ${discovery.status}`);
  const { ldapGroups } = await app.gqlData<{ ldapGroups: { dn: string }[] }>(
    `query($id: ID!, $n: Int!) { ldapGroups(syncConfigId: $id, limit: $n) { dn } }`,
    { id: config.id, n: options.groupCount },
  );
  const shared = await createAppGroup(app, uniqueName('mapped'));
  const mappings = [];
  for (const group of ldapGroups) {
    mappings.push({
      ldapGroupDn: group.dn,
      appGroupIds: [options.oneAppGroup ? shared : await createAppGroup(app, uniqueName('mapped'))],
    });
  }
  await setMappings(app, config.id, mappings);
  return { directoryId: directory.id, configId: config.id, groupDns: ldapGroups.map((group) => group.dn) };
}

/** login -> sorted labels of its application groups, given the test's label -> app group id map. */
export async function labelledGroupsByLogin(
  app: TestApp,
  directoryId: string,
  groupIdsByLabel: Record<string, string>,
): Promise<Record<string, string[]>> {
  const labels = new Map(Object.entries(groupIdsByLabel).map(([label, id]) => [id, label]));
  return groupsByLogin(await identityStates(app, directoryId), (id) => labels.get(id) ?? id);
}

/** login -> whether the identity is active. */
export async function activeByLogin(app: TestApp, directoryId: string): Promise<Record<string, boolean>> {
  const states = await identityStates(app, directoryId);
  return Object.fromEntries([...states.values()].map((s) => [s.login, s.active]));
}

/**
 * A directory on the server and a config over a scenario tree that creates and deactivates identities
 * with no safety stop (scenario tests assert exact outcomes), with the given mappings.
 */
export async function createTreeSync(
  app: TestApp,
  server: LdapServerInfo,
  tree: { usersDn: string; groupsDn: string },
  mappings: { ldapGroupDn: string; appGroupIds: string[] }[],
): Promise<{ directoryId: string; configId: string }> {
  const directoryId = (await createDirectory(app, directoryInputFor(server))).id;
  const configId = (
    await createSyncConfig(app, {
      ...syncConfigInputFor(server, directoryId, { usersBaseDn: tree.usersDn, groupsBaseDn: tree.groupsDn }),
      autoCreateUsers: true,
      autoDeactivateUsers: true,
      safetyThresholdPercent: 100,
    })
  ).id;
  await setMappings(app, configId, mappings);
  return { directoryId, configId };
}
