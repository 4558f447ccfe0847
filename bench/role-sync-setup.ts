// Scenarios (e) and (f): the role sync (DESIGN.md Job 2) of the bench directory, after the directory
// sync has created the identities. Set up through the public API as an operator would, except for the
// identities' primary contracts, which stand in for an HR feed; and what the run should count,
// predicted from the generated directory.
import type pg from 'pg';
import type { DirectoryModel } from './directory-model.js';
import {
  createSyncConfig,
  syncConfigQueryInput,
  type RolesyncApi,
  type RunCounters,
} from './rolesync-api.js';
import type { SyncQueries } from './sync-queries.js';

export interface RoleSyncSetup {
  syncConfigId: string;
  /** Primary contracts created for the directory's identities (roles go to primary contracts only). */
  contractsCreated: number;
  seconds: number;
}

export async function setUpRoleSync(
  api: RolesyncApi,
  pool: pg.Pool,
  directoryId: string,
  queries: SyncQueries,
): Promise<RoleSyncSetup> {
  const started = performance.now();
  const contractsCreated = await createPrimaryContracts(pool, directoryId);
  const syncConfigId = await createSyncConfig(api, {
    ...syncConfigQueryInput(directoryId, queries),
    name: 'bench role sync',
    kind: 'ROLE_SYNC',
    // As the role-sync integration tests: the same directory manages the members, through `member`.
    membershipManagement: true,
    memberDirectoryId: directoryId,
    memberAttribute: queries.groupMemberAttribute,
    assignRolesToIdentities: true,
    removeRolesNotInSystem: true,
    // Off: every bench group sits in one OU, so a catalogue would add one node and measure nothing.
    catalogueEnabled: false,
  });
  return { syncConfigId, contractsCreated, seconds: (performance.now() - started) / 1000 };
}

/**
 * One primary contract per identity of the directory, in one set-based INSERT through the bench's own
 * connection: the API creates contracts one identity at a time (createContract), which would be 100k
 * requests at the large size for what is setup, not the measured sync.
 */
async function createPrimaryContracts(pool: pg.Pool, directoryId: string): Promise<number> {
  const result = await pool.query(
    `insert into contract (id, identity_id, "primary", excluded, created_at)
     select gen_random_uuid(), i.id, true, false, now()
     from identity i
     where i.source_directory_id = $1
       and not exists (select 1 from contract c where c.identity_id = i.id and c."primary")`,
    [directoryId],
  );
  return result.rowCount ?? 0;
}

export interface RoleSyncPrediction {
  first: Partial<RunCounters>;
  unchanged: Partial<RunCounters>;
  /** Member DNs that no identity holds: the only ones a run should look up on the member system. */
  unknownMemberDns: number;
}

/**
 * What the role sync should count on the directory as generated (the 1% change has been undone by then).
 * - Every group becomes a role; every member value is read (user and nested-group values alike).
 * - Look-ups: the directory sync created an identity for every user in a group, with its normalized DN,
 *   so every user member DN is known without a read (member-lookup.repository.ts nextUnknown); member
 *   values that are groups of the run are recorded as nested groups, also without a read
 *   (recordNestedGroups). So no look-up at all, and every member value is a cache hit.
 * - Unresolved: each distinct nested group DN is logged once as "not expanded" (logUnresolved).
 * - Requests: one per identity with a direct user membership (nested members are groups, not
 *   identities), each with one ADD per membership; every identity has a primary contract.
 * - Unchanged re-run: roles equal, every assignment already held, so nothing is planned or executed.
 */
export function predictRoleSync(model: DirectoryModel, identities: number): RoleSyncPrediction {
  const nestedGroupDns = new Set(model.groupChildren.flat()).size;
  const read = {
    groupsRead: model.shape.groups,
    groupMemberValuesRead: model.userMemberships + model.nestedMemberships,
    memberValues: model.userMemberships + model.nestedMemberships,
    lookupsMade: 0,
    cacheHits: model.userMemberships + model.nestedMemberships,
    membersUnresolved: nestedGroupDns,
  };
  return {
    first: {
      ...read,
      rolesCreated: model.shape.groups,
      rolesUpdated: 0,
      roleRequestsCreated: identities,
      roleRequestsExecuted: identities,
      rolesAdded: model.userMemberships,
      rolesRemoved: 0,
    },
    unchanged: {
      ...read,
      rolesCreated: 0,
      rolesUpdated: 0,
      roleRequestsCreated: 0,
      roleRequestsExecuted: 0,
      rolesAdded: 0,
      rolesRemoved: 0,
    },
    // Every member DN is an identity's or a group's (see above).
    unknownMemberDns: 0,
  };
}
