import { Context } from '@temporalio/activity';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SearchScope } from '../domain/directory-kinds.js';
import { StagingRepository } from '../db/staging.repository.js';
import { SyncRunRepository } from '../db/sync-run.repository.js';
import { STABLE_ID_ATTRIBUTES, type LdapEntry } from '../ldap/index.js';
import { ldapScope, withLdapSession } from '../services/directory-connection.js';
import { mapGroupEntry, mapUserEntry, type MappedEntry } from '../sync/entry-mapping.js';
import type { ActivityDeps } from './activity-deps.js';
import { loadRunContext, type RunContext } from './run-context.js';

export interface RunInput {
  runId: string;
}

export interface StageUsersResult {
  usersRead: number;
  memberOfValuesRead: number;
}

export interface StageGroupsResult {
  groupsRead: number;
  groupMemberValuesRead: number;
}

interface Query {
  baseDn: string;
  scope: SearchScope;
  filter: string;
  attributes: string[];
}

/** Server-side time limit for one paged search; large directories need minutes, not ldapts' 10 s. */
const SEARCH_TIME_LIMIT_SECONDS = 3600;
const PROGRESS_INTERVAL_MS = 500;

/**
 * The read phases: page users and groups from the directory straight into the run's staging tables.
 * They return counts only; entries never enter workflow history. Retrying restarts the read from the
 * first page (a paged-results cookie does not survive a new connection) after clearing the earlier attempt.
 */
export function createReadDirectoryActivities(deps: ActivityDeps) {
  const staging = new StagingRepository(deps.database.pool);
  const runs = new SyncRunRepository(deps.database.pool);
  const fork = (): EntityManager => deps.database.orm.em.fork();

  /** Values that are no DN are left out of staging, never fatal; each affected entry is logged with its DN. */
  function logRejectedValues(
    runId: string,
    attribute: string,
    mapped: readonly MappedEntry<{ dn: string }>[],
  ): void {
    for (const { row, rejectedValues } of mapped) {
      if (rejectedValues.length > 0) {
        deps.logger.warn(
          { runId, dn: row.dn, attribute, rejected: rejectedValues.length },
          'values that are no DN were ignored',
        );
      }
    }
  }

  /** Streams every page of the query into onPage, heartbeating with the number of entries read. */
  function forEachPage(
    context: RunContext,
    query: Query,
    counter: 'usersRead' | 'groupsRead',
    onPage: (page: LdapEntry[]) => Promise<void>,
  ): Promise<number> {
    return withLdapSession(context.directory, deps.secrets, async (session) => {
      let read = 0;
      let reported = 0;
      const pages = session.pagedSearch({
        baseDn: query.baseDn,
        scope: ldapScope(query.scope),
        filter: query.filter,
        attributes: query.attributes,
        pageSize: context.directory.pageSize,
        timeLimitSeconds: SEARCH_TIME_LIMIT_SECONDS,
      });
      for await (const page of pages) {
        await onPage(page);
        read += page.length;
        Context.current().heartbeat({ read });
        // Live progress for watchers, a couple of times a second at most.
        if (Date.now() - reported >= PROGRESS_INTERVAL_MS) {
          reported = Date.now();
          await runs.mergeCounters(context.run.id, { [counter]: read });
        }
      }
      return read;
    });
  }

  return {
    /** A retry whose failed run finished both reads continues from that staging instead of reading again. */
    async reuseStaging({
      runId,
      fromRunId,
    }: RunInput & { fromRunId: string }): Promise<{ usersRead: number; groupsRead: number }> {
      await runs.setPhase(runId, 'READ_GROUPS');
      await staging.copyRun(fromRunId, runId);
      const { run } = await loadRunContext(fork(), runId);
      return { usersRead: run.counters.usersRead ?? 0, groupsRead: run.counters.groupsRead ?? 0 };
    },

    async stageUsers({ runId }: RunInput): Promise<StageUsersResult> {
      const context = await loadRunContext(fork(), runId);
      const { config } = context;
      const mapping = {
        login: config.loginAttribute,
        name: config.nameAttribute ?? null,
        email: config.emailAttribute ?? null,
        externalId: config.externalIdAttribute ?? null,
      };
      const wanted = [
        mapping.login,
        mapping.name,
        mapping.email,
        mapping.externalId,
        'memberOf',
        ...STABLE_ID_ATTRIBUTES,
      ];
      const attributes = [...new Set(wanted.filter((name): name is string => name !== null))];
      await runs.setPhase(runId, 'READ_USERS');
      await staging.clearUsers(runId);
      let memberOfValuesRead = 0;
      const usersRead = await forEachPage(
        context,
        { baseDn: config.usersBaseDn, scope: config.usersScope, filter: config.usersFilter, attributes },
        'usersRead',
        async (page) => {
          const mapped = page.map((entry) => mapUserEntry(entry, mapping));
          await staging.insertUsers(
            runId,
            mapped.map((m) => m.row),
          );
          memberOfValuesRead += mapped.reduce((sum, { row }) => sum + row.memberOf.length, 0);
          logRejectedValues(runId, 'memberOf', mapped);
        },
      );
      await runs.mergeCounters(runId, { usersRead, memberOfValuesRead });
      return { usersRead, memberOfValuesRead };
    },

    async stageGroups({ runId }: RunInput): Promise<StageGroupsResult> {
      const context = await loadRunContext(fork(), runId);
      const { config } = context;
      const groupMapping = {
        name: config.groupNameAttribute,
        member: config.groupMemberAttribute,
        description: config.kind === 'ROLE_SYNC' ? (config.roleDescriptionAttribute ?? null) : null,
        catalogue:
          config.kind === 'ROLE_SYNC' && config.catalogueEnabled ? (config.catalogueAttribute ?? null) : null,
      };
      const wanted = [
        groupMapping.name,
        groupMapping.member,
        groupMapping.description,
        groupMapping.catalogue,
        ...STABLE_ID_ATTRIBUTES,
      ];
      const attributes = [...new Set(wanted.filter((name): name is string => name !== null))];
      await runs.setPhase(runId, 'READ_GROUPS');
      await staging.clearGroups(runId);
      let groupMemberValuesRead = 0;
      const groupsRead = await forEachPage(
        context,
        { baseDn: config.groupsBaseDn, scope: config.groupsScope, filter: config.groupsFilter, attributes },
        'groupsRead',
        async (page) => {
          const mapped = page.map((entry) => mapGroupEntry(entry, groupMapping));
          const written = await staging.insertGroups(
            runId,
            mapped.map((m) => m.row),
          );
          groupMemberValuesRead += written.members;
          logRejectedValues(runId, config.groupMemberAttribute, mapped);
        },
      );
      await runs.mergeCounters(runId, { groupsRead, groupMemberValuesRead });
      return { groupsRead, groupMemberValuesRead };
    },
  };
}
