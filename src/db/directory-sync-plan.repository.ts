import type pg from 'pg';
import {
  createChangedUserTables,
  MATCHED_BY_A_ROW_BEFORE,
  skippedBefore,
  UNCHANGED_COPIES,
} from './changed-users.js';
import {
  externalIdSql,
  identityAttributesDifferSql,
  identityMatchJoinsSql,
  loginKeySql,
} from './identity-match.js';
import { identityTableVersions, versionsToText } from './identity-versions.js';
import { inMembershipKeyOrder } from './membership-key-order.js';
import { planMemberOfDeltas } from './member-of-delta-plan.js';
import { createRunEdgesTable, reachedUserSql, type EdgeSource } from './membership-resolution.repository.js';
import { sameStagedContentSql } from './staged-row-content.js';
import { STAGED_USER } from './staging-tables.js';
import { analyzeJustWritten, analyzeStaleTables } from './table-statistics.js';
import { withTransaction } from './transaction.js';

export interface PlanSettings {
  syncConfigId: string;
  directoryId: string;
  autoCreateUsers: boolean;
  autoDeactivateUsers: boolean;
  /**
   * A full read: users missing from it were deleted (or left the query) and are deactivated. An
   * incremental read cannot see deletions, so it deactivates only users it sees in no mapped group (their
   * groups were read whole); missing ones wait for the next full run.
   */
  fullRead: boolean;
  /**
   * Differential sync against this snapshot, whose plan context equals this run's: a user whose staged
   * row equals the snapshot's, and whose identity is as that plan left it, is skipped (no edges, no plan
   * rows). Null: every user is planned.
   */
  differentialAgainst: DifferentialSnapshot | null;
  /**
   * Differential sync is on: the plan records the identity versions it starts from (IdentityVersions),
   * for the apply to pass on to the next run.
   */
  recordsIdentityVersions: boolean;
  /** The run whose staging holds this run's view of the directory: its own, or the one it adopted. */
  stagingRunId: string;
  /** The snapshot staging an incremental run's staging was completed from (SyncRun.stagedFromRunId). */
  stagedFromRunId: string | null;
  /** Where the planned users' user-in-group edges come from. */
  edges: EdgeSource;
}

export interface DifferentialSnapshot {
  /** The run whose staging holds the snapshot's view (RunSnapshot.stagingRunId). */
  stagingRunId: string;
  /** The identity versions its apply left (SyncRun.identityVersions); null: unknown. */
  identityVersions: string | null;
  /** Its entriesSkipped counter, for a run that plans nothing after it. */
  entriesSkipped: number;
  /** It read in full: its plan deactivated what a full read's would. */
  fullRead: boolean;
}

export interface PlanCounts {
  identitiesToCreate: number;
  identitiesToUpdate: number;
  identitiesToDeactivate: number;
  identitiesToReactivate: number;
  membershipsToAdd: number;
  membershipsToRemove: number;
  /** Entries without the login attribute, or whose login another directory's identity holds. */
  entriesSkipped: number;
  /** Distinct identities that would be deactivated or lose a membership (for the safety guard). */
  identitiesAffected: number;
  /** Active identities of the directory now (the guard's base). */
  activeIdentities: number;
  /** Users whose staged row equals the snapshot's: not planned (differential sync). */
  entriesUnchanged: number;
  /** User-in-group edges of the planned users (direct, and through nested groups when expanded). */
  membershipEdges: number;
  /** Planned users whose memberOf alone changed, planned from its difference (planMemberOfDeltas). */
  usersPlannedFromMemberOfChanges: number;
  /**
   * Neither the directory nor any identity changed since the snapshot's apply (the run adopted its
   * staging and found the identity versions it left): the plan is that apply's outcome, nothing to do.
   */
  asSnapshotLeft: boolean;
}

/**
 * Plans a directory sync from the run's staging, set-based: which identities to create, update,
 * deactivate or reactivate, and which synced memberships to add or remove. Writes plan_identity and
 * plan_membership (replacing an earlier attempt's) and run_log lines for skipped entries; changes no
 * identity or membership.
 *
 * Matching: a staged user is the identity of this directory with its stable id (the DN when the server
 * has none), else the identity with its login that belongs to this directory or to none (a locally
 * registered user is linked). A login held by another directory's identity is a conflict: skipped, logged.
 *
 * Differential: when the run's plan context (PlanContextRepository) equals the snapshot's, a user whose
 * staged row also equals the snapshot's plans as it did then. If its identity is as that plan left it,
 * the user is left out of every step: no edges, no plan rows, no apply work. When no entry changed (the
 * run adopted the snapshot's staging) and no identity either (IdentityVersions), nothing is compared.
 */
export class DirectorySyncPlanRepository {
  constructor(private readonly pool: pg.Pool) {}

  async plan(runId: string, settings: PlanSettings): Promise<PlanCounts> {
    // Before anything is read: a write after this shows as a change to the apply (IdentityVersions).
    const startVersions = settings.recordsIdentityVersions
      ? versionsToText(await identityTableVersions(this.pool))
      : null;
    const snapshot = settings.differentialAgainst;
    const identitiesAsLeft =
      snapshot !== null && startVersions !== null && snapshot.identityVersions === startVersions;
    // A full read may deactivate identities its read did not find, which an incremental snapshot's
    // plan left alone: after an incremental snapshot it plans in full.
    const asSnapshotLeft =
      identitiesAsLeft &&
      snapshot.stagingRunId === settings.stagingRunId &&
      (snapshot.fullRead || !settings.fullRead);
    // The last apply may have written most of these tables (a first sync: all of them). A plan of
    // nothing compares no rows: analyzing them (0.5 s after a first sync at 100k users) waits for a
    // run that plans.
    if (!asSnapshotLeft) {
      await analyzeStaleTables(this.pool, ['identity', 'synced_membership', 'group_mapping']);
    }
    return withTransaction(this.pool, async (client) => {
      // The match statement's cost estimate passes the JIT thresholds, and compiling it took 1.2-1.5 s of
      // its 1.7 s at 100k users. Only here: the role plan's big inserts ran about 18% slower without JIT.
      await client.query('set local jit = off');
      // The match sorts 100k staged users (with their memberOf) by login: at the default 4 MB it spilled
      // 53 MB to disk in an unchanged incremental run at 100k users.
      await client.query(`set local work_mem = '64MB'`);
      // The plan's tables were just read or written, so their pages are cached: at the default random page
      // cost (4) a look-up of 9,230 planned identities' synced memberships in their index was priced
      // above hashing all 970k (0.13 s against 0.26 s). 30k identities still hash at 1.1.
      await client.query('set local random_page_cost = 1.1');
      await client.query('delete from plan_identity where run_id = $1', [runId]);
      await client.query('delete from plan_membership where run_id = $1', [runId]);
      await client.query(`delete from run_log where run_id = $1 and phase = 'PLAN'`, [runId]);
      const counts = asSnapshotLeft
        ? await countsAsSnapshotLeft(client, settings, snapshot.entriesSkipped)
        : await planChangedUsers(
            client,
            runId,
            settings,
            identitiesAsLeft && (await comparesOnlyChangedRows(client, settings)) ? snapshot : null,
          );
      // Last, so the run's row stays locked only until the commit.
      await client.query('update sync_run set identity_versions = $2 where id = $1', [runId, startVersions]);
      return counts;
    });
  }
}

/**
 * Whether the plan may match only the staged users that can differ from the snapshot's, when no identity
 * changed since its apply: a staging whose rows not fresh are copies of that very snapshot's (an
 * incremental completion, or a full read that knew their entries by digest), with memberOf as the only
 * source of edges (no group's member values count).
 *
 * A full read also deactivates the identities no user matches. The snapshot's plan did that too, when
 * it read in full: since then an identity can lose its user only to a changed row, whose row before is
 * one of the narrowed plan's (changed_user_before), or to a user gone from the directory, whose DN the
 * run did not stage at all. A full read with users gone, or after an incremental snapshot, plans them all.
 */
async function comparesOnlyChangedRows(client: pg.PoolClient, settings: PlanSettings): Promise<boolean> {
  const { differentialAgainst: snapshot, edges } = settings;
  const narrowable =
    snapshot !== null &&
    settings.stagedFromRunId === snapshot.stagingRunId &&
    (!settings.fullRead || snapshot.fullRead) &&
    edges.membershipSource === 'MEMBER_OF' &&
    !edges.expandNestedGroups;
  if (!narrowable || !settings.fullRead) return narrowable;
  // None gone: the copies (not fresh) and the fresh rows of a snapshot DN are as many as the snapshot's
  // rows. Only the fresh rows are looked up: an anti-join of the 100k snapshot rows took 239 ms.
  const staged = await client.query<{ none_gone: boolean }>(
    `select (select count(*) from staged_user where run_id = $2)
          = (select count(*) from staged_user u where u.run_id = $1
             and (not u.fresh or exists (select 1 from staged_user s where s.run_id = $2 and s.dn_norm = u.dn_norm))) as none_gone`,
    [settings.stagingRunId, snapshot.stagingRunId],
  );
  return staged.rows[0]?.none_gone === true;
}

/**
 * The plan proper: every user whose entry or identity changed since the snapshot (every user without one).
 *
 * narrowedTo (the snapshot, when comparesOnlyChangedRows and no identity changed since its apply): the
 * users left as copies of the snapshot's rows plan as they did then, with the identities that plan left,
 * to nothing. Only the others are matched (the fresh and corrected ones, those sharing a login with one,
 * and those holding a group that appeared or went), and the counts that cover every user (skipped
 * entries, identities no user matches) start from the snapshot's. Of those, the users whose memberOf
 * alone changed are planned from its difference (planMemberOfDeltas), the rest whole.
 */
async function planChangedUsers(
  client: pg.PoolClient,
  runId: string,
  settings: PlanSettings,
  narrowedTo: DifferentialSnapshot | null,
): Promise<PlanCounts> {
  const { syncConfigId, directoryId } = settings;
  const snapshot = settings.differentialAgainst;
  const differential = snapshot !== null;
  const staged = settings.stagingRunId;
  if (narrowedTo !== null)
    await createChangedUserTables(client, staged, narrowedTo.stagingRunId, directoryId);
  const reached = differential ? await reachedUserSql(client, staged, syncConfigId, settings.edges) : null;
  // The changed users whose memberOf alone changed are planned from its difference (delta_user); the
  // plan proper takes the other changed ones.
  const deltas =
    narrowedTo === null
      ? null
      : await planMemberOfDeltas(client, {
          runId,
          stagingRunId: staged,
          snapshotRunId: narrowedTo.stagingRunId,
          directoryId,
          syncConfigId,
          // A narrowed plan is differential, so reached is set; without it no user would take the delta.
          reachedSql: reached ?? 'false',
        });
  if (deltas !== null) {
    // Apart and analyzed: as changed_user less delta_user the planner took the 143 users left at 100k for
    // 19k, and hashed whole tables to match them (220 ms).
    await client.query(
      `create temp table whole_user on commit drop as
       select dn_norm from changed_user where dn_norm not in (select dn_norm from delta_user)`,
    );
    await analyzeJustWritten(client, 'whole_user');
  }
  const onlyChanged = (alias: string): string =>
    deltas === null ? '' : `and ${alias}.dn_norm in (select dn_norm from whole_user)`;
  // Staged users with the identity they match (identity_id null: not registered). Unchanged (only
  // with differential sync): the row equals the snapshot's and the identity is as that plan left it,
  // so an identity deleted or re-activated by hand, or a deactivation an incremental run had to leave
  // to the next full run, is planned again.
  // A run that adopted the snapshot's staging reads the very rows it would compare with.
  const comparesRows = differential && snapshot.stagingRunId !== staged;
  const matchParams: unknown[] = [staged, directoryId];
  if (differential) matchParams.push(settings.autoCreateUsers, settings.autoDeactivateUsers);
  if (comparesRows) matchParams.push(snapshot.stagingRunId);
  const sameRow = comparesRows ? sameStagedContentSql(STAGED_USER, 'u', 'prev') : 'true';
  const unchanged =
    reached !== null
      ? `${sameRow} and case
             when coalesce(by_id.id, by_login.id) is null then not ($3 and ${reached})
             else coalesce(by_id.active, by_login.active) = (not $4 or ${reached}) end`
      : 'false';
  await client.query(
    `create temp table run_match on commit drop as
         select distinct on (${loginKeySql('u')})
                u.dn_norm, u.dn, ${externalIdSql('u')} as external_id, u.login, u.display_name, u.email,
                coalesce(by_id.id, by_login.id) as identity_id,
                -- The id a CREATE will give it, chosen now so planned memberships can name it.
                gen_random_uuid() as new_identity_id,
                ${unchanged} as unchanged
         from staged_user u
         ${comparesRows ? 'left join staged_user prev on prev.run_id = $5 and prev.dn_norm = u.dn_norm' : ''}
         ${identityMatchJoinsSql('u', '$2')}
         where u.run_id = $1 and u.login is not null and u.login <> '' ${onlyChanged('u')}
         order by ${loginKeySql('u')}, u.dn_norm`,
    matchParams,
  );
  await client.query(`create index on run_match (dn_norm)`);
  // Temp tables have no statistics until analyzed; without them the planner guesses nested loops.
  await analyzeJustWritten(client, 'run_match');
  // Edges only for the users this run plans: with differential sync, the changed ones and those whose
  // identity drifted from what the last plan left.
  if (differential) {
    await client.query(
      `create temp table planned_user on commit drop as select dn_norm from run_match where not unchanged`,
    );
  }
  const plannedEdges = await createRunEdgesTable(
    client,
    staged,
    settings.edges,
    differential ? 'planned_user' : null,
  );
  // Mapped application groups each planned user reaches through its edges. Both keys are unique
  // (an edge per user and group, a mapping per group and app group): no distinct, which spilled 970k
  // rows to disk for 1.5 s of a 100k first sync.
  await client.query(
    `create temp table run_user_group on commit drop as
         select e.user_dn_norm, gm.app_group_id, gm.ldap_group_dn_norm
         from run_edge e
         join group_mapping gm on gm.sync_config_id = $1 and gm.ldap_group_dn_norm = e.group_dn_norm`,
    [syncConfigId],
  );
  await client.query(`create index on run_user_group (user_dn_norm)`);
  await analyzeJustWritten(client, 'run_user_group');

  const skipped = await client.query(
    `insert into run_log (run_id, created_at, level, phase, message, dn)
         select $1, now(), 'WARN', 'PLAN', reason, dn from (
           select u.dn, 'Skipped: the entry has no value for the login attribute' as reason
           from staged_user u where u.run_id = $2 and (u.login is null or u.login = '') ${onlyChanged('u')}
           union all
           select m.dn, 'Skipped: login "' || m.login || '" belongs to an identity of another directory'
           from run_match m
           where m.identity_id is null
             and exists (select 1 from identity i where lower(i.login) = lower(m.login))
         ) s`,
    [runId, staged],
  );

  if (settings.autoCreateUsers) {
    await client.query(
      `insert into plan_identity (run_id, identity_id, action, login, display_name, email, dn, dn_norm, external_id, reason)
           select $1, m.new_identity_id, 'CREATE', m.login, m.display_name, m.email, m.dn, m.dn_norm, m.external_id, 'in a mapped group'
           from run_match m
           where m.identity_id is null and not m.unchanged
             and exists (select 1 from run_user_group g where g.user_dn_norm = m.dn_norm)
             and not exists (select 1 from identity i where lower(i.login) = lower(m.login))`,
      [runId],
    );
  }
  if (settings.autoDeactivateUsers) {
    await client.query(
      `insert into plan_identity (run_id, identity_id, action, login, display_name, email, dn, dn_norm, external_id, reason)
           select $1, i.id, 'DEACTIVATE', coalesce(m.login, i.login), coalesce(m.display_name, i.display_name),
                  coalesce(m.email, i.email), coalesce(m.dn, i.dn), coalesce(m.dn_norm, i.dn_norm), coalesce(m.external_id, i.external_id),
                  case when m.identity_id is null then 'NOT_FOUND_IN_DIRECTORY' else 'NOT_IN_MAPPED_GROUP' end
           from identity i
           left join run_match m on m.identity_id = i.id
           where i.source_directory_id = $2 and i.active
             and ((m.identity_id is null and $3 ${narrowedTo === null ? '' : `and ${MATCHED_BY_A_ROW_BEFORE}`})
                  or (not m.unchanged and not exists (select 1 from run_user_group g where g.user_dn_norm = m.dn_norm)))`,
      [runId, directoryId, settings.fullRead],
    );
  }
  await client.query(
    `insert into plan_identity (run_id, identity_id, action, login, display_name, email, dn, dn_norm, external_id, reason)
         select $1, i.id, 'REACTIVATE', m.login, m.display_name, m.email, m.dn, m.dn_norm, m.external_id, 'back in a mapped group'
         from run_match m join identity i on i.id = m.identity_id
         where not m.unchanged and not i.active and i.deactivation_reason in ('NOT_IN_MAPPED_GROUP', 'NOT_FOUND_IN_DIRECTORY')
           and exists (select 1 from run_user_group g where g.user_dn_norm = m.dn_norm)
`,
    [runId],
  );

  // One action per identity: deactivation and reactivation carry the directory's current attributes too,
  // so an attribute update is planned only for identities with no other action.
  await client.query(
    `insert into plan_identity (run_id, identity_id, action, login, display_name, email, dn, dn_norm, external_id, reason)
         select $1, i.id, 'UPDATE', m.login, m.display_name, m.email, m.dn, m.dn_norm, m.external_id, 'attributes changed in the directory'
         from run_match m join identity i on i.id = m.identity_id
         where not m.unchanged and ${identityAttributesDifferSql('i', 'm', '$2')}
         on conflict (run_id, identity_id) do nothing`,
    [runId, directoryId],
  );
  // Desired synced memberships: every found identity (existing or planned) in every mapped group it reaches.
  await client.query(
    `create temp table run_desired on commit drop as
         select distinct coalesce(m.identity_id, c.identity_id) as identity_id, g.app_group_id, g.ldap_group_dn_norm
         from run_match m
         join run_user_group g on g.user_dn_norm = m.dn_norm
         left join plan_identity c on c.run_id = $1 and c.identity_id = m.new_identity_id
         where coalesce(m.identity_id, c.identity_id) is not null and not m.unchanged`,
    [runId],
  );
  await analyzeJustWritten(client, 'run_desired');
  await planMembershipChanges(client, runId, syncConfigId, { differential, narrowed: narrowedTo !== null });

  const counts = await client.query<Record<keyof PlanCounts, string>>(
    `select
           (select count(*) from plan_identity where run_id = $1 and action = 'CREATE') as "identitiesToCreate",
           (select count(*) from plan_identity where run_id = $1 and action = 'UPDATE') as "identitiesToUpdate",
           (select count(*) from plan_identity where run_id = $1 and action = 'DEACTIVATE') as "identitiesToDeactivate",
           (select count(*) from plan_identity where run_id = $1 and action = 'REACTIVATE') as "identitiesToReactivate",
           (select count(*) from plan_membership where run_id = $1 and action = 'ADD') as "membershipsToAdd",
           (select count(*) from plan_membership where run_id = $1 and action = 'REMOVE') as "membershipsToRemove",
           $3::int as "entriesSkipped",
           (select count(*) from (
              select identity_id from plan_identity where run_id = $1 and action = 'DEACTIVATE'
              union
              select identity_id from plan_membership where run_id = $1 and action = 'REMOVE') a) as "identitiesAffected",
           (select count(*) from identity where source_directory_id = $2 and active) as "activeIdentities",
           (select count(*) from run_match where unchanged) ${narrowedTo === null ? '' : `+ ${UNCHANGED_COPIES}`}
             as "entriesUnchanged"`,
    narrowedTo === null
      ? [runId, directoryId, skipped.rowCount ?? 0]
      : [
          runId,
          directoryId,
          (skipped.rowCount ?? 0) + (await skippedBefore(client, narrowedTo.entriesSkipped)),
          staged,
        ],
  );
  const row = counts.rows[0];
  if (row === undefined) throw new Error('plan counts missing');
  const planned = [
    row.identitiesToCreate,
    row.identitiesToUpdate,
    row.identitiesToDeactivate,
    row.identitiesToReactivate,
    row.membershipsToAdd,
    row.membershipsToRemove,
  ].some((count) => Number(count) > 0);
  // The apply joins these rows to identities and app groups next: without fresh statistics the planner
  // takes the run's plan for two rows and nests loops over it (minutes for a first sync at 10k users).
  // A plan with no rows leaves the apply nothing to join.
  if (planned) await analyzeJustWritten(client, 'plan_identity, plan_membership');
  return {
    identitiesToCreate: Number(row.identitiesToCreate),
    identitiesToUpdate: Number(row.identitiesToUpdate),
    identitiesToDeactivate: Number(row.identitiesToDeactivate),
    identitiesToReactivate: Number(row.identitiesToReactivate),
    membershipsToAdd: Number(row.membershipsToAdd),
    membershipsToRemove: Number(row.membershipsToRemove),
    entriesSkipped: Number(row.entriesSkipped),
    identitiesAffected: Number(row.identitiesAffected),
    activeIdentities: Number(row.activeIdentities),
    entriesUnchanged: Number(row.entriesUnchanged),
    membershipEdges: plannedEdges + (deltas?.edges ?? 0),
    usersPlannedFromMemberOfChanges: deltas?.users ?? 0,
    asSnapshotLeft: false,
  };
}

/**
 * plan_membership rows from run_desired: ADD the desired memberships not synced yet; REMOVE the synced
 * memberships no longer desired of the identities no unchanged user matched. Those identities are the
 * ones matched only by planned users and those no user matches (narrowed: only among the identities of
 * the changed users' rows before), found from the identities: far fewer rows than memberships.
 *
 * Differential: the synced memberships of the planned identities are fetched once, hashing those few.
 * Checked against all synced memberships, each statement hashed every one of them: 0.76 s for ADD and
 * 0.41 s for REMOVE in a 1% incremental re-sync at 100k users, whose 9,230 planned identities hold 95k
 * of the 970k. Without a snapshot every identity is planned and the synced memberships are read as is.
 */
async function planMembershipChanges(
  client: pg.PoolClient,
  runId: string,
  syncConfigId: string,
  { differential, narrowed }: { differential: boolean; narrowed: boolean },
): Promise<void> {
  await client.query(
    `create temp table remove_candidate on commit drop as
     select m.identity_id from run_match m where m.identity_id is not null
     group by m.identity_id having not bool_or(m.unchanged)
     union all
     select i.id from identity i
     where ${narrowed ? `${MATCHED_BY_A_ROW_BEFORE} and` : ''}
       not exists (select 1 from run_match m where m.identity_id = i.id)`,
  );
  const synced = (configParam: string): string =>
    `select s.identity_id, s.app_group_id, s.ldap_group_dn_norm from synced_membership s
     where s.sync_config_id = ${configParam}`;
  if (differential) {
    // The planned identities apart, analyzed: as a union inside the lookup they were estimated as many
    // as its two sides' rows (104k, not 9,230), and every synced membership was hashed (0.26 s), not
    // the 95k of those identities looked up in their index (0.13 s).
    await client.query(
      `create temp table planned_identity on commit drop as
       select identity_id from run_desired union select identity_id from remove_candidate`,
    );
    await analyzeJustWritten(client, 'planned_identity');
    await client.query(
      `create temp table planned_synced on commit drop as ${synced('$1')}
         and s.identity_id in (select identity_id from planned_identity)`,
      [syncConfigId],
    );
    await analyzeJustWritten(client, 'planned_synced');
  }
  const existing = differential ? 'planned_synced' : `(${synced('$2')})`;
  const params = differential ? [runId] : [runId, syncConfigId];
  await client.query(
    `insert into plan_membership (run_id, identity_id, app_group_id, ldap_group_dn_norm, action)
         select $1, d.identity_id, d.app_group_id, d.ldap_group_dn_norm, 'ADD'
         from run_desired d
         where not exists (select 1 from ${existing} s
                           where s.identity_id = d.identity_id
                             and s.app_group_id = d.app_group_id and s.ldap_group_dn_norm = d.ldap_group_dn_norm)
         ${inMembershipKeyOrder('d')}`,
    params,
  );
  await client.query(
    `insert into plan_membership (run_id, identity_id, app_group_id, ldap_group_dn_norm, action)
         select $1, s.identity_id, s.app_group_id, s.ldap_group_dn_norm, 'REMOVE'
         from ${existing} s
         where s.identity_id in (select identity_id from remove_candidate)
           and not exists (select 1 from run_desired d
                           where d.identity_id = s.identity_id and d.app_group_id = s.app_group_id
                             and d.ldap_group_dn_norm = s.ldap_group_dn_norm)`,
    params,
  );
}

/** The counts of a plan with nothing to do: every user with a login unchanged, the skipped as then. */
async function countsAsSnapshotLeft(
  client: pg.ClientBase,
  { stagingRunId, directoryId }: PlanSettings,
  entriesSkipped: number,
): Promise<PlanCounts> {
  const result = await client.query<{ unchanged: string; active: string }>(
    `select (select count(distinct ${loginKeySql('staged_user')}) from staged_user
             where run_id = $1 and login is not null and login <> '') as unchanged,
            (select count(*) from identity where source_directory_id = $2 and active) as active`,
    [stagingRunId, directoryId],
  );
  const row = result.rows[0];
  if (row === undefined) throw new Error('plan counts missing');
  return {
    identitiesToCreate: 0,
    identitiesToUpdate: 0,
    identitiesToDeactivate: 0,
    identitiesToReactivate: 0,
    membershipsToAdd: 0,
    membershipsToRemove: 0,
    entriesSkipped,
    identitiesAffected: 0,
    activeIdentities: Number(row.active),
    entriesUnchanged: Number(row.unchanged),
    membershipEdges: 0,
    usersPlannedFromMemberOfChanges: 0,
    asSnapshotLeft: true,
  };
}
