import type { TestApp } from './test-app.js';

/** Exact resulting state, read through the API: login -> app group ids, and who is active. */
export interface IdentityState {
  login: string;
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
        items: { login: string; active: boolean; deactivationReason: string | null; appGroupIds: string[] }[];
      };
    }>(
      `query($d: ID, $o: Int!) { identities(directoryId: $d, limit: 500, offset: $o) { total items { login active deactivationReason appGroupIds } } }`,
      { d: directoryId, o: offset },
    );
    for (const item of identities.items) {
      states.set(item.login, {
        login: item.login,
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
