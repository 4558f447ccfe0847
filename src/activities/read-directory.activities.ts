import { Context } from '@temporalio/activity';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SnapshotStagingRepository, type CorrectionCounts } from '../db/snapshot-staging.repository.js';
import { StagingRepository } from '../db/staging.repository.js';
import { SyncRunRepository } from '../db/sync-run.repository.js';
import { RunLogRepository } from '../db/run-log.repository.js';
import type { ReadMark } from '../domain/read-modes.js';
import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import {
  getAttributeValues,
  STABLE_ID_ATTRIBUTES,
  type DigestedPage,
  type KnownEntries,
  type LdapEntry,
  type LdapSession,
} from '../ldap/index.js';
import { decideReadMode, laterTimestamp, withChangedSince } from '../sync/read-mode-decision.js';
import { ldapScope, withLdapSession } from '../services/directory-connection.js';
import {
  mapGroupEntry,
  mapUserEntry,
  GROUP_ROW_VERSION,
  USER_ROW_VERSION,
  type GroupAttributeMapping,
  type MappedEntry,
} from '../sync/entry-mapping.js';
import { memberValuesUse, type MemberValuesUse } from '../sync/member-values-use.js';
import { readMemberDeltas, type DeltaWindow } from './access-log-deltas.js';
import type { ActivityDeps } from './activity-deps.js';
import { readEntryCsnMark, type Query } from './entry-csn-mark.js';
import { KnownUserCopies } from './known-user-copies.js';
import { loadRunContext, type RunContext } from './run-context.js';

export interface RunInput {
  runId: string;
}

export interface StageUsersResult {
  usersRead: number;
  memberOfValuesRead: number;
  /**
   * A full read knew every user by its digest and found every user the snapshot staged: it staged none,
   * and stageGroups either adopts the snapshot's staging or copies its users.
   */
  usersAsSnapshot: boolean;
}

export interface StageGroupsResult {
  groupsRead: number;
  groupMemberValuesRead: number;
}

/** How a run's reads go: from scratch, or only the changes since the snapshot's mark, completed from its staging. */
interface ReadPlan {
  since: ReadMark | null;
  /** The staging the snapshot reads (RunSnapshot.stagingRunId); null for a full read. */
  snapshotRunId: string | null;
  /** Neither AD nor entryCSN: the mark is the greatest modifyTimestamp read. */
  timestampMarks: boolean;
  /** A full read's snapshot: the staging whose entry digests it knows, and the mark it reached. */
  known: { stagingRunId: string; mark: ReadMark | null } | null;
}

/** The run log's line for a full read that adopted its snapshot's staging by digest, having staged no row. */
export const ADOPTED_BY_DIGEST =
  'No entry changed since the last successful run (every entry read had the bytes it read): the run reads its staging';

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
  const snapshots = new SnapshotStagingRepository(deps.database.pool);
  const runs = new SyncRunRepository(deps.database.pool);
  const log = new RunLogRepository(deps.database.pool);
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

  /**
   * Streams every page of the query into onPage, heartbeating with the number of entries read. With
   * known entries, each entry is digested and the known ones reach onPage as digests only.
   */
  async function forEachPage(
    session: LdapSession,
    context: RunContext,
    query: Query,
    counter: 'usersRead' | 'groupsRead',
    known: KnownEntries | null,
    onPage: (page: DigestedPage) => Promise<void>,
  ): Promise<number> {
    let read = 0;
    let reported = 0;
    const request = {
      baseDn: query.baseDn,
      scope: ldapScope(query.scope),
      filter: query.filter,
      attributes: query.attributes,
      pageSize: context.directory.pageSize,
      timeLimitSeconds: SEARCH_TIME_LIMIT_SECONDS,
    };
    for await (const page of session.pagedSearchDigested(request, known)) {
      await onPage(page);
      read += page.entries.length + page.known.length;
      Context.current().heartbeat({ read });
      // Live progress for watchers, a couple of times a second at most.
      if (Date.now() - reported >= PROGRESS_INTERVAL_MS) {
        reported = Date.now();
        await runs.mergeCounters(context.run.id, { [counter]: read });
      }
    }
    return read;
  }

  /**
   * Full or incremental: decided once per run, by the users read (it asks the server for its root DSE).
   * The run's mark starts as the DC's USN before the read (AD), the greatest entryCSN before the read
   * (OpenLDAP) or the snapshot's timestamp mark.
   */
  async function chooseReadMode(context: RunContext, session: LdapSession): Promise<ReadPlan> {
    const { run, config } = context;
    const [dse, snapshot, lastFullReadAt] = await Promise.all([
      session.readRootDse(),
      runs.findSnapshot(config.id),
      runs.lastFullReadAt(config.id),
    ]);
    const decision = decideReadMode({
      fullRequested: run.fullRequested,
      incrementalReads: config.incrementalReads,
      membershipManagement: config.kind === 'ROLE_SYNC' && config.membershipManagement,
      snapshot,
      configUpdatedAt: config.updatedAt,
      lastFullReadAt,
      fullSyncIntervalMinutes: config.fullSyncIntervalMinutes,
      now: new Date(),
      server: { type: dse.serverType, dsServiceName: dse.dsServiceName },
    });
    const isAd = dse.serverType === 'ACTIVE_DIRECTORY';
    const usnMark: ReadMark | null =
      isAd && dse.dsServiceName !== null && dse.highestCommittedUsn !== null
        ? { kind: 'USN', server: dse.dsServiceName, value: dse.highestCommittedUsn }
        : null;
    const since = decision.mode === 'INCREMENTAL' ? decision.since : null;
    // A full read after a CSN-marked snapshot asks only for the CSNs changed since; a run that continues
    // a modifyTimestamp mark keeps it until its next full read.
    const csnFrom = since === null ? snapshot?.mark : since;
    const csnMark =
      isAd || since?.kind === 'MODIFY_TIMESTAMP'
        ? null
        : await readEntryCsnMark(
            session,
            [configQuery(config, 'users'), configQuery(config, 'groups')],
            csnFrom?.kind === 'ENTRY_CSN' ? csnFrom : null,
            context.directory.pageSize,
          );
    const mark = isAd ? usnMark : (csnMark ?? since);
    await runs.setReadMode(run.id, decision.mode, mark);
    await log.append(
      run.id,
      'INFO',
      'READ_USERS',
      decision.mode === 'INCREMENTAL'
        ? 'Incremental read: only entries changed since the last successful run'
        : `Full read: ${decision.reason}`,
    );
    return {
      since,
      snapshotRunId: decision.mode === 'INCREMENTAL' ? (snapshot?.stagingRunId ?? null) : null,
      timestampMarks: !isAd && csnMark === null,
      known:
        decision.mode === 'FULL' && snapshot !== null
          ? { stagingRunId: snapshot.stagingRunId, mark: snapshot.mark }
          : null,
    };
  }

  /** What stageGroups continues of the users read's decision. */
  async function readPlanOf(context: RunContext, session: LdapSession): Promise<ReadPlan> {
    const { run, config } = context;
    const timestampMarks = (run.readMark?.kind ?? 'MODIFY_TIMESTAMP') === 'MODIFY_TIMESTAMP';
    const snapshot = await runs.findSnapshot(config.id);
    if (run.readMode === 'FULL') {
      const known = snapshot === null ? null : { stagingRunId: snapshot.stagingRunId, mark: snapshot.mark };
      return { since: null, snapshotRunId: null, timestampMarks, known };
    }
    if (snapshot?.mark == null) {
      throw new AppError(ErrorCode.INTERNAL, 'The snapshot an incremental run reads from is gone.');
    }
    if (snapshot.mark.kind === 'USN') {
      const dse = await session.readRootDse();
      if (dse.dsServiceName !== snapshot.mark.server) {
        throw new AppError(
          ErrorCode.DIRECTORY_SERVER_CHANGED,
          'Another domain controller answered the groups read than the users read; the next run reads in full.',
        );
      }
    }
    return { since: snapshot.mark, snapshotRunId: snapshot.stagingRunId, timestampMarks, known: null };
  }

  async function logCorrection(runId: string, counts: CorrectionCounts): Promise<void> {
    await log.append(
      runId,
      'INFO',
      'READ_GROUPS',
      `Corrected the memberOf of ${counts.usersCorrected} users carried over from the last successful run ` +
        `by the groups read: ${counts.pairsAdded} values added, ${counts.pairsRemoved} removed`,
    );
  }

  /** byDigest: the run knew every entry by its digest and staged none; else it compared its rows. */
  async function logAdoption(runId: string, byDigest = false): Promise<void> {
    await log.append(
      runId,
      'INFO',
      'READ_GROUPS',
      byDigest
        ? ADOPTED_BY_DIGEST
        : 'No entry changed since the last successful run: the run reads its staging, its own rows were dropped',
    );
  }

  /**
   * Reads the groups into the run's cleared staging. Member values are staged, only counted (a full read
   * that needs none), or left to the log. A full read takes the groups whose entries are unchanged since
   * the snapshot from its staging; with mayAdopt, when it knew every group the snapshot staged and no
   * other, it copies none (asSnapshot).
   */
  async function stageGroupEntries(
    session: LdapSession,
    context: RunContext,
    plan: ReadPlan,
    groupMapping: GroupAttributeMapping,
    use: MemberValuesUse,
    members: GroupMemberValues,
    mayAdopt: boolean,
  ): Promise<GroupsStaged> {
    const { run, config } = context;
    await staging.clearGroups(run.id);
    const attributes = requestedAttributes([
      groupMapping.name,
      members === 'FROM_LOG' ? null : groupMapping.member,
      groupMapping.description,
      groupMapping.catalogue,
    ]);
    const withMembers = members === 'STAGED';
    let latest = run.readMark?.kind === 'MODIFY_TIMESTAMP' ? run.readMark.value : null;
    let memberValues = 0;
    const stableIds = new Set<string | null>();
    const knownRows =
      plan.known === null || members === 'FROM_LOG'
        ? null
        : await staging.knownGroupRows(plan.known.stagingRunId);
    // Groups read through the access log are rows of the log's making, not of their entries' bytes.
    const known: KnownEntries | null =
      members === 'FROM_LOG'
        ? null
        : {
            seed: JSON.stringify({ version: GROUP_ROW_VERSION, groupMapping, attributes, members, use }),
            digests: knownRows?.byDigest ?? new Set(),
          };
    const knownRead: string[] = [];
    let decoded = 0;
    const read = await forEachPage(
      session,
      context,
      { ...configQuery(config, 'groups', plan.since), attributes },
      'groupsRead',
      known,
      async (page) => {
        const mapped = page.entries.map((entry) => mapGroupEntry(entry, groupMapping, withMembers));
        const written = await staging.insertGroups(
          run.id,
          mapped.map((m) => m.row),
          use,
        );
        memberValues += written.members;
        for (const { row } of mapped) stableIds.add(row.stableId);
        logRejectedValues(run.id, config.groupMemberAttribute, mapped);
        latest = latestModifyTimestamp(page.entries, latest);
        knownRead.push(...page.known);
        decoded += page.entries.length;
      },
    );
    let asSnapshot = false;
    if (plan.known !== null && knownRows !== null && knownRead.length > 0) {
      for (const digest of knownRead) memberValues += knownRows.byDigest.get(digest)?.values ?? 0;
      asSnapshot = mayAdopt && decoded === 0 && knownRead.length === knownRows.rows;
      if (!asSnapshot) await staging.copyKnownGroups(run.id, plan.known.stagingRunId, knownRead, use);
      latest = laterMark(latest, plan.known.mark);
      await logKnownEntries(run.id, 'READ_GROUPS', knownRead.length, read, 'groups');
    }
    if (plan.timestampMarks && latest !== null) {
      await runs.setReadMark(run.id, { kind: 'MODIFY_TIMESTAMP', value: latest });
    }
    return { read, memberValues, stableIds, asSnapshot };
  }

  /**
   * Stages the access log's deltas for the groups just read without their member values. Returns why
   * it could not, for the caller to read their values whole instead.
   */
  async function takeMemberDeltas(
    session: LdapSession,
    context: RunContext,
    window: DeltaWindow,
    snapshotRunId: string,
    stableIds: ReadonlySet<string | null>,
  ): Promise<string | null> {
    if (stableIds.has(null)) return 'a group read has no stable id';
    const ids = new Set([...stableIds].filter((id): id is string => id !== null));
    const { config, directory, run } = context;
    const deltas = await readMemberDeltas(
      session,
      window,
      ids,
      config.groupMemberAttribute,
      directory.pageSize,
    );
    if (!deltas.usable) return deltas.reason;
    if (!(await staging.applyMemberDeltas(run.id, snapshotRunId, deltas.byStableId))) {
      return 'a group read is new since the last run';
    }
    const changes = [...deltas.byStableId.values()];
    const added = changes.reduce((sum, delta) => sum + delta.added.length, 0);
    const removed = changes.reduce((sum, delta) => sum + delta.removed.length, 0);
    await log.append(
      run.id,
      'INFO',
      'READ_GROUPS',
      `Member values from the access log: ${added} added and ${removed} removed in ${changes.length} of the ${ids.size} groups read`,
    );
    return null;
  }

  async function logKnownEntries(
    runId: string,
    phase: 'READ_USERS' | 'READ_GROUPS',
    known: number,
    read: number,
    entries: 'users' | 'groups',
  ): Promise<void> {
    await log.append(
      runId,
      'INFO',
      phase,
      `${known} of the ${read} ${entries} read are unchanged since the last successful run: ` +
        'their rows were taken from its staging, not decoded again',
    );
  }

  function latestModifyTimestamp(page: readonly LdapEntry[], latest: string | null): string | null {
    return page.reduce(
      (acc, entry) => laterTimestamp(acc, getAttributeValues(entry, 'modifyTimestamp')[0] ?? null),
      latest,
    );
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
      const attributes = requestedAttributes([
        mapping.login,
        mapping.name,
        mapping.email,
        mapping.externalId,
        'memberOf',
      ]);
      await runs.setPhase(runId, 'READ_USERS');
      await staging.clearUsers(runId);
      return withLdapSession(context.directory, deps.secrets, async (session) => {
        const plan = await chooseReadMode(context, session);
        let memberOfValuesRead = 0;
        let latest = plan.since?.kind === 'MODIFY_TIMESTAMP' ? plan.since.value : null;
        const writeUsers = staging.usersWriter(runId);
        const copies =
          plan.known === null
            ? null
            : new KnownUserCopies(
                staging,
                runId,
                plan.known.stagingRunId,
                await staging.knownUserRows(plan.known.stagingRunId),
              );
        const known: KnownEntries = {
          seed: JSON.stringify({ version: USER_ROW_VERSION, mapping, attributes }),
          digests: copies?.knownDigests ?? new Set(),
        };
        const usersRead = await forEachPage(
          session,
          context,
          { ...configQuery(config, 'users', plan.since), attributes },
          'usersRead',
          known,
          async (page) => {
            const mapped = page.entries.map((entry) => mapUserEntry(entry, mapping));
            await writeUsers(mapped.map((m) => m.row));
            memberOfValuesRead += mapped.reduce((sum, { row }) => sum + row.memberOf.length, 0);
            logRejectedValues(runId, 'memberOf', mapped);
            latest = latestModifyTimestamp(page.entries, latest);
            await copies?.page(page.entries.length, page.known);
          },
        );
        const usersAsSnapshot = (await copies?.finish()) ?? false;
        if (plan.known !== null && copies !== null && copies.read > 0) {
          memberOfValuesRead += copies.memberOfValues;
          latest = laterMark(latest, plan.known.mark);
          await logKnownEntries(runId, 'READ_USERS', copies.read, usersRead, 'users');
        }
        if (plan.timestampMarks) {
          await runs.setReadMark(runId, latest === null ? null : { kind: 'MODIFY_TIMESTAMP', value: latest });
        }
        // An incremental run's view is complete only after the groups read (stageGroups counts it).
        const usersStaged = plan.snapshotRunId === null ? { usersStaged: usersRead } : {};
        await runs.mergeCounters(runId, { usersRead, ...usersStaged, memberOfValuesRead });
        return { usersRead, memberOfValuesRead, usersAsSnapshot };
      });
    },

    async stageGroups({
      runId,
      usersAsSnapshot = false,
    }: RunInput & { usersAsSnapshot?: boolean }): Promise<StageGroupsResult> {
      const context = await loadRunContext(fork(), runId);
      const { config } = context;
      const groupMapping = {
        name: config.groupNameAttribute,
        member: config.groupMemberAttribute,
        description: config.kind === 'ROLE_SYNC' ? (config.roleDescriptionAttribute ?? null) : null,
        catalogue:
          config.kind === 'ROLE_SYNC' && config.catalogueEnabled ? (config.catalogueAttribute ?? null) : null,
      };
      await runs.setPhase(runId, 'READ_GROUPS');
      const use = memberValuesUse(config);
      const { groupsRead, groupMemberValuesRead, snapshotRunId, known, asSnapshot } = await withLdapSession(
        context.directory,
        deps.secrets,
        async (session) => {
          const plan = await readPlanOf(context, session);
          const window = deltaWindowOf(context, plan, use);
          const staged = use === 'ALL' || plan.snapshotRunId !== null ? 'STAGED' : 'COUNTED';
          // Adopting needs users and groups both as the snapshot's (a role sync reads no users). Its
          // phases read the staging it adopts: at 100k users, copying the known groups' 970k member
          // values took 2.8 s.
          const mayAdopt = config.kind === 'ROLE_SYNC' || usersAsSnapshot;
          const readGroups = (members: GroupMemberValues) =>
            stageGroupEntries(session, context, plan, groupMapping, use, members, mayAdopt);
          let groups = await readGroups(window === null ? staged : 'FROM_LOG');
          // No group changed: nothing to take from the log.
          if (window !== null && plan.snapshotRunId !== null && groups.read > 0) {
            const reason = await takeMemberDeltas(
              session,
              context,
              window,
              plan.snapshotRunId,
              groups.stableIds,
            );
            if (reason !== null) {
              await log.append(runId, 'INFO', 'READ_GROUPS', `Member values read whole: ${reason}`);
              groups = await readGroups('STAGED');
            }
          }
          return {
            groupsRead: groups.read,
            groupMemberValuesRead: groups.memberValues,
            snapshotRunId: plan.snapshotRunId,
            known: plan.known,
            asSnapshot: groups.asSnapshot,
          };
        },
      );
      await runs.mergeCounters(runId, { groupsRead, groupMemberValuesRead });
      if (snapshotRunId !== null) {
        const { adopted, usersStaged, memberOfCorrection } = await snapshots.complete(runId, snapshotRunId, {
          membershipSource: config.membershipSource,
          memberValues: use,
        });
        await runs.mergeCounters(runId, { usersStaged });
        if (adopted) await logAdoption(runId);
        if (memberOfCorrection !== null) await logCorrection(runId, memberOfCorrection);
      } else if (known !== null && asSnapshot) {
        // Only under mayAdopt can the groups read be asSnapshot.
        await snapshots.adopt(runId, known.stagingRunId);
        await logAdoption(runId, true);
      } else if (known !== null) {
        // known is the snapshot of a full read (readPlanOf): no need to look it up again.
        if (usersAsSnapshot) await staging.copyAllUsers(runId, known.stagingRunId);
        if (use === 'CHANGED_GROUPS' && (await snapshots.adoptIfUnchanged(runId, known.stagingRunId))) {
          await logAdoption(runId);
        } else {
          // Its users not decoded are copies of the snapshot's: a plan may leave them out, as an
          // incremental run's.
          await runs.setStagedFrom(runId, known.stagingRunId);
        }
      }
      return { groupsRead, groupMemberValuesRead };
    },
  };
}

/**
 * The window whose member deltas an incremental run takes from the directory's access log instead of
 * reading the changed groups' values: only where those values serve the memberOf correction alone
 * (CHANGED_GROUPS) and both marks are entryCSNs of the one OpenLDAP server that keeps the log.
 */
function deltaWindowOf(context: RunContext, plan: ReadPlan, use: MemberValuesUse): DeltaWindow | null {
  const until = context.run.readMark;
  const { since } = plan;
  const logBaseDn = context.directory.accessLogBaseDn;
  if (logBaseDn == null || use !== 'CHANGED_GROUPS' || plan.snapshotRunId === null) return null;
  return since?.kind === 'ENTRY_CSN' && until?.kind === 'ENTRY_CSN' ? { logBaseDn, since, until } : null;
}

/**
 * The greatest modifyTimestamp read, with the snapshot's mark folded in: the entries a read knew are
 * unchanged since the snapshot's read, and so are their modifyTimestamps.
 */
function laterMark(latest: string | null, snapshotMark: ReadMark | null): string | null {
  return snapshotMark?.kind === 'MODIFY_TIMESTAMP' ? laterTimestamp(latest, snapshotMark.value) : latest;
}

/** What stageGroupEntries staged. */
interface GroupsStaged {
  read: number;
  memberValues: number;
  /** Of the groups decoded: only an incremental read uses them, and it knows no group by digest. */
  stableIds: Set<string | null>;
  /** Every group was known and the snapshot staged no other: none was staged (mayAdopt only). */
  asSnapshot: boolean;
}

/** How a groups read treats member values (stageGroupEntries). */
type GroupMemberValues = 'STAGED' | 'COUNTED' | 'FROM_LOG';

/** The attributes a read asks for: the mapped ones set, modifyTimestamp and the stable ids, each once. */
function requestedAttributes(mapped: readonly (string | null)[]): string[] {
  const names = [...mapped, 'modifyTimestamp', ...STABLE_ID_ATTRIBUTES];
  return [...new Set(names.filter((name): name is string => name !== null))];
}

/** A config's users or groups query, narrowed to the entries changed since the mark when there is one. */
function configQuery(
  config: RunContext['config'],
  entries: 'users' | 'groups',
  since: ReadMark | null = null,
): Omit<Query, 'attributes'> {
  return {
    baseDn: config[`${entries}BaseDn`],
    scope: config[`${entries}Scope`],
    filter: withChangedSince(config[`${entries}Filter`], since),
  };
}
