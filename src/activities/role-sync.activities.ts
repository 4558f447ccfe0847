import { Context } from '@temporalio/activity';
import pLimit from 'p-limit';
import { MemberLookupRepository, type LookupRow } from '../db/member-lookup.repository.js';
import { RoleRequestRepository } from '../db/role-request.repository.js';
import { RoleSyncRepository } from '../db/role-sync.repository.js';
import { RunLogRepository } from '../db/run-log.repository.js';
import { SyncRunRepository } from '../db/sync-run.repository.js';
import { AppError } from '../errors/app-error.js';
import { getAttributeValues, isDnWithin, type LdapSession } from '../ldap/index.js';
import { countMemberLookups } from '../observability/metrics.js';
import { withLdapSession } from '../services/directory-connection.js';
import { cataloguePathOf } from '../sync/catalogue-path.js';
import type { ActivityDeps } from './activity-deps.js';
import { forEachInLanes } from './in-lanes.js';
import type { RunInput } from './read-directory.activities.js';
import { loadRunContext, runStagingOf } from './run-context.js';

/** Member DNs read per batch, and reads in flight at once on the member system's connection. */
const LOOKUP_BATCH = 500;
const LOOKUP_CONCURRENCY = 16;
/** Role requests executed per transaction. */
const REQUEST_BATCH = 500;
/** Request batches committed at once (replayed at 100k users: 40 s one at a time, 25 s two). */
const COMMIT_LANES = 2;
const GROUP_OBJECT_CLASSES = new Set(['group', 'groupofnames', 'groupofuniquenames', 'posixgroup']);

/** Role sync (Job 2): groups to roles, member look-ups, one deferred role request per identity. */
export function createRoleSyncActivities(deps: ActivityDeps) {
  const { pool } = deps.database;
  const runs = new SyncRunRepository(pool);
  const log = new RunLogRepository(pool);
  const roles = new RoleSyncRepository(pool);
  const lookups = new MemberLookupRepository(pool);
  const requests = new RoleRequestRepository(pool);
  const fork = () => deps.database.orm.em.fork();

  /** One base-scope read of a member DN on the member system. */
  async function lookUp(
    session: LdapSession,
    dnNorm: string,
    loginAttribute: string,
    usersBaseDn: string,
  ): Promise<LookupRow> {
    const entry = await session.readEntry(dnNorm, [loginAttribute, 'objectClass']);
    if (entry === null)
      return { memberDnNorm: dnNorm, memberDn: dnNorm, accountLogin: null, outcome: 'NOT_FOUND' };
    const classes = getAttributeValues(entry, 'objectClass').map((value) => value.toLowerCase());
    if (classes.some((value) => GROUP_OBJECT_CLASSES.has(value))) {
      return { memberDnNorm: dnNorm, memberDn: entry.dn, accountLogin: null, outcome: 'GROUP' };
    }
    const login = getAttributeValues(entry, loginAttribute)[0] ?? null;
    if (!isDnWithin(entry.dn, usersBaseDn)) {
      deps.logger.info({ dn: entry.dn }, 'member outside the users base resolved');
    }
    return {
      memberDnNorm: dnNorm,
      memberDn: entry.dn,
      accountLogin: login,
      outcome: login === null ? 'NO_LOGIN' : 'RESOLVED',
    };
  }

  /** lookUp, with a member value that is no valid DN recorded as such instead of failing the run. */
  function lookUpOrInvalid(
    session: LdapSession,
    dnNorm: string,
    loginAttribute: string,
    usersBaseDn: string,
  ): Promise<LookupRow> {
    return lookUp(session, dnNorm, loginAttribute, usersBaseDn).catch((error: unknown): LookupRow => {
      if (error instanceof AppError && error.code === 'INVALID_DN') {
        return { memberDnNorm: dnNorm, memberDn: dnNorm, accountLogin: null, outcome: 'INVALID_DN' };
      }
      throw error;
    });
  }

  return {
    async syncRoles({ runId }: RunInput): Promise<{ rolesCreated: number; rolesUpdated: number }> {
      const { run, config, directory } = await loadRunContext(fork(), runId);
      await runs.setPhase(runId, 'PLAN');
      const staged = runStagingOf(run);
      const counts = await roles.upsertRoles(staged, {
        syncConfigId: config.id,
        directoryId: directory.id,
        membershipManagement: config.membershipManagement,
        memberDirectoryId: config.memberDirectory?.id ?? directory.id,
        memberAttribute: config.memberAttribute ?? config.groupMemberAttribute,
        forwardProvisioning: config.forwardProvisioning,
        skipValueIfContractExcluded: config.skipValueIfContractExcluded,
      });
      if (config.catalogueEnabled) {
        const groups = await roles.stagedGroupsForCatalogue(staged.stagingRunId);
        const settings = {
          strategy: config.catalogueStrategy,
          mainNode: config.catalogueMainNode ?? null,
          groupsBaseDn: config.groupsBaseDn,
        };
        const placed = await roles.placeInCatalogue(
          staged.stagingRunId,
          directory.id,
          groups.map((group) => ({ dnNorm: group.dnNorm, path: cataloguePathOf(group, settings) })),
        );
        await log.append(runId, 'INFO', 'PLAN', `Placed ${placed} roles in the catalogue`);
      }
      await runs.mergeCounters(runId, {
        rolesCreated: counts.rolesCreated,
        rolesUpdated: counts.rolesUpdated,
      });
      await log.append(
        runId,
        'INFO',
        'PLAN',
        `Roles: ${counts.rolesCreated} created, ${counts.rolesUpdated} updated`,
      );
      return { rolesCreated: counts.rolesCreated, rolesUpdated: counts.rolesUpdated };
    },

    /**
     * Resolves member DNs to accounts on the member system: one read per DN not already known, in
     * bounded-concurrency batches on one connection, cached in member_lookup for the run.
     */
    async resolveMemberLookups({
      runId,
    }: RunInput): Promise<{ lookupsMade: number; cacheHits: number; membersUnresolved: number }> {
      const { run, config, directory } = await loadRunContext(fork(), runId);
      await runs.setPhase(runId, 'RESOLVE_MEMBERS');
      const staged = runStagingOf(run);
      const { withoutIdentity, unknown } = await lookups.beginLookups(staged);
      const memberSystem = config.memberDirectory ?? directory;
      const limit = pLimit(LOOKUP_CONCURRENCY);
      // Every member known (the usual re-run): no connection to the member system at all.
      if (unknown.length > 0) {
        await withLdapSession(memberSystem, deps.secrets, async (session) => {
          for (let start = 0; start < unknown.length; start += LOOKUP_BATCH) {
            const batch = unknown.slice(start, start + LOOKUP_BATCH);
            const rows = await Promise.all(
              batch.map((dnNorm) =>
                limit(() => lookUpOrInvalid(session, dnNorm, config.loginAttribute, config.usersBaseDn)),
              ),
            );
            // Saved batch by batch: a retried activity lists only the members still unknown.
            await lookups.save(runId, rows);
            Context.current().heartbeat({ lookedUp: start + batch.length });
          }
        });
      }
      const counts = await lookups.counts(staged);
      countMemberLookups(counts);
      const membersUnresolved = await lookups.logUnresolved(runId, withoutIdentity);
      await runs.mergeCounters(runId, {
        memberValues: counts.memberValues,
        lookupsMade: counts.lookupsMade,
        cacheHits: counts.cacheHits,
        membersUnresolved,
      });
      await log.append(
        runId,
        'INFO',
        'RESOLVE_MEMBERS',
        `Member values ${counts.memberValues}: ${counts.lookupsMade} look-ups, ${counts.cacheHits} cache hits, ${membersUnresolved} unresolved`,
      );
      return { lookupsMade: counts.lookupsMade, cacheHits: counts.cacheHits, membersUnresolved };
    },

    async planRoleRequests({ runId }: RunInput): Promise<{ roleRequestsCreated: number }> {
      const { run, config, directory } = await loadRunContext(fork(), runId);
      await runs.setPhase(runId, 'PLAN');
      const counts = await requests.planSyncRequests(runStagingOf(run), {
        syncConfigId: config.id,
        directoryId: directory.id,
        removeRolesNotInSystem: config.removeRolesNotInSystem,
      });
      await runs.mergeCounters(runId, { roleRequestsCreated: counts.roleRequestsCreated });
      await log.append(
        runId,
        'INFO',
        'PLAN',
        `Role requests: ${counts.roleRequestsCreated} (roles to add ${counts.rolesToAdd}, to remove ${counts.rolesToRemove}); ` +
          `${counts.identitiesWithoutPrimaryContract} identities without a primary contract`,
      );
      return { roleRequestsCreated: counts.roleRequestsCreated };
    },

    /** Executes the run's requests after the whole sync is read and planned; resumable batch by batch. */
    async commitRoleRequests({ runId }: RunInput): Promise<{ roleRequestsExecuted: number }> {
      const { config } = await loadRunContext(fork(), runId);
      await runs.setPhase(runId, 'COMMIT_ROLE_REQUESTS');
      const pending = await requests.pendingRequestIds(runId);
      // Batches touch disjoint identities, so two run at once: one PostgreSQL backend is one core.
      await forEachInLanes(Math.ceil(pending.length / REQUEST_BATCH), COMMIT_LANES, async (index) => {
        await requests.executeRequests(
          pending.slice(index * REQUEST_BATCH, (index + 1) * REQUEST_BATCH),
          'SYNC',
          config.id,
        );
        deps.faults?.afterRoleRequestBatch?.(runId, index);
        Context.current().heartbeat({ batch: index });
      });
      const executed = await requests.executedCounts(runId);
      await runs.mergeCounters(runId, {
        roleRequestsExecuted: executed.requests,
        rolesAdded: executed.rolesAdded,
        rolesRemoved: executed.rolesRemoved,
      });
      await log.append(runId, 'INFO', 'COMMIT_ROLE_REQUESTS', `Executed ${executed.requests} role requests`);
      return { roleRequestsExecuted: executed.requests };
    },

    /** The look-up cache lives for one run: cleared when it ends, whatever the outcome. */
    async clearMemberLookups({ runId }: RunInput): Promise<void> {
      await lookups.clear(runId);
    },
  };
}
