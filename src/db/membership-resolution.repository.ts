import type pg from 'pg';
import type { GroupMemberAttribute, MembershipSource } from '../domain/directory-kinds.js';
import type { MemberValuesUse } from '../sync/member-values-use.js';
import { freshGroupMembersSql, GROUPS_READ_WHOLE_SQL, memberOfDeltasSql } from './staging-tables.js';
import { analyzeJustWritten } from './table-statistics.js';
import { withTransaction } from './transaction.js';

/** Where a run's user-in-group edges come from. */
export interface EdgeSource {
  membershipSource: MembershipSource;
  groupMemberAttribute: GroupMemberAttribute;
  expandNestedGroups: boolean;
}

export interface ResolutionSettings {
  membershipSource: MembershipSource;
  /**
   * An incremental run carries unchanged users over from the snapshot with their memberOf as it was:
   * neither AD nor slapd's memberof overlay marks a user changed when a group gains or loses it.
   */
  incremental: boolean;
  /** Where the groups read were staged (their member values are the truth for those groups). */
  memberValues: MemberValuesUse;
}

/** The memberOf pairs an incremental run corrected in the users it carried over. */
export interface CorrectionCounts {
  pairsAdded: number;
  pairsRemoved: number;
}

/**
 * Readies a run's staging for the plan, which turns it into user-in-group edges (createRunEdgesTable):
 * statistics for the freshly loaded tables and, for an incremental run taking membership from memberOf,
 * the correction of the carried-over values. Idempotent: a correction applied already finds nothing.
 */
export class MembershipResolutionRepository {
  constructor(private readonly pool: pg.Pool) {}

  resolve(runId: string, settings: ResolutionSettings): Promise<CorrectionCounts | null> {
    return withTransaction(this.pool, async (client) => {
      // Staging was just bulk-loaded: fresh statistics let the planner pick hash joins over the big tables.
      // The partitioned tables, not only the run's partitions: joins are estimated from the parent's
      // statistics (without them, the correction's join was guessed at 4.6M rows, not 9k, and JIT-compiled
      // for 0.2 s). Of staged_user only the columns queries join or filter on: statistics of the memberOf
      // arrays (their most common elements) took half of its 0.73 s at 100k users, and no plan reads them.
      await analyzeJustWritten(
        client,
        'staged_user (run_id, dn_norm, stable_id, login, fresh), staged_group, staged_group_member',
      );
      if (!settings.incremental || settings.membershipSource !== 'MEMBER_OF') return null;
      return correctCarriedOverMemberOf(client, runId, settings.memberValues);
    });
  }
}

/**
 * Users carried over keep memberOf as the snapshot had it; the groups read now are the truth for those
 * groups. The corrected values stay in this run's staging, the next run's snapshot.
 *
 * Only the difference is applied: the (user, re-read group) pairs the carried-over rows hold but the
 * groups no longer list, and those the groups list but the rows do not hold. Dropping every re-read
 * group from the rows and adding their members back gives the same sets, but touches nearly every user
 * (100k bench: 97k users rebuilt to change 9k).
 */
async function correctCarriedOverMemberOf(
  client: pg.PoolClient,
  runId: string,
  use: MemberValuesUse,
): Promise<CorrectionCounts> {
  const reread = await client.query(
    `create temp table fresh_group on commit drop as ${GROUPS_READ_WHOLE_SQL}`,
    [runId],
  );
  await client.query('create index on fresh_group (dn_norm)');
  await client.query('analyze fresh_group');
  // Both sides in one full join, each read once: as two anti-joins over CTEs (each read twice, so
  // materialized) it sorted 789k pairs four times on disk, 5.4 s of a 100k incremental run. Without a
  // group re-read whole (all deltas from the access log) it is left out: it unnests every user's memberOf.
  const rereadChanges = `select coalesce(h.user_dn_norm, l.user_dn_norm) as user_dn_norm,
            coalesce(h.group_dn_norm, l.group_dn_norm) as group_dn_norm,
            h.user_dn_norm is null as added
     from (select x.dn_norm as user_dn_norm, v as group_dn_norm
           from staged_user x
           cross join lateral unnest(x.member_of) as v
           join fresh_group f on f.dn_norm = v
           where x.run_id = $1 and not x.fresh) h
     full join (select r.member_value as user_dn_norm, r.group_dn_norm from (${freshGroupMembersSql(use)}) r) l
       on l.user_dn_norm = h.user_dn_norm and l.group_dn_norm = h.group_dn_norm
     where h.user_dn_norm is null or l.user_dn_norm is null`;
  const changes = [...((reread.rowCount ?? 0) > 0 ? [rereadChanges] : []), memberOfDeltasSql('$1', true)];
  await client.query(`create temp table member_change on commit drop as ${changes.join(' union all ')}`, [
    runId,
  ]);
  await client.query('create index on member_change (user_dn_norm)');
  await client.query('analyze member_change');
  const counts = await client.query<{ added: string; removed: string }>(
    `select count(*) filter (where added) as added, count(*) filter (where not added) as removed from member_change`,
  );
  // An added group is one the row did not hold (a re-read group's, or a delta checked against the row),
  // so appending it cannot repeat a value. Pairs of members that are no carried-over user (groups, fresh
  // users, unknown DNs) match no row here. Each user's changes come as two arrays, so the staging is
  // joined once (looked up per memberOf value, it was joined twice).
  await client.query(
    `update staged_user u
     set member_of = array(select g from (select v as g from unnest(u.member_of) as v where v <> all (c.removed)
                                          union all
                                          select unnest(c.added)) s
                           order by g collate "C"),
         corrected = true
     from (select user_dn_norm,
                  coalesce(array_agg(group_dn_norm) filter (where added), '{}') as added,
                  coalesce(array_agg(group_dn_norm) filter (where not added), '{}') as removed
           from member_change group by user_dn_norm) c
     where u.run_id = $1 and not u.fresh and u.dn_norm = c.user_dn_norm`,
    [runId],
  );
  return {
    pairsAdded: Number(counts.rows[0]?.added ?? 0),
    pairsRemoved: Number(counts.rows[0]?.removed ?? 0),
  };
}

/**
 * Creates the temp table run_edge (user_dn_norm, group_dn_norm): the user-in-group edges of the run's
 * users, or only of those listed in usersTable (a temp table of dn_norm), with the nested groups'
 * ancestors when expanded. Only groups the groups query found count. Returns the edges.
 *
 * A temp table of the plan's transaction, not a staging table: the plan is their only reader. Staged,
 * a 100k first sync wrote 970k rows into an indexed table (3.9 s) that a later run deleted again.
 */
export async function createRunEdgesTable(
  client: pg.PoolClient,
  runId: string,
  source: EdgeSource,
  usersTable: string | null,
): Promise<number> {
  // Direct edges are unique by construction (memberOf values are de-duplicated when staged, member
  // values by their key). Nested ones may repeat a direct edge; a group's pair with itself would only
  // repeat the edge it starts from, so it is left out.
  const direct = await client.query(
    `create temp table run_edge on commit drop as
     select e.user_dn_norm, e.group_dn_norm from (${directEdgesSql(source, usersTable)}) e`,
    [runId],
  );
  let edges = direct.rowCount ?? 0;
  if (expandsNesting(source)) {
    await client.query('create unique index on run_edge (user_dn_norm, group_dn_norm)');
    const nested = await client.query(
      `with recursive ${CONTAINING_GROUPS_CTE}
       insert into run_edge (user_dn_norm, group_dn_norm)
       select e.user_dn_norm, c.ancestor
       from run_edge e join containing c on c.group_dn_norm = e.group_dn_norm
       where c.ancestor <> c.group_dn_norm
       on conflict do nothing`,
      [runId],
    );
    edges += nested.rowCount ?? 0;
  }
  await client.query('analyze run_edge');
  return edges;
}

/**
 * SQL that is true for a staged user (alias `u`) of run $1 who is, directly or (when expanded) through
 * nested groups, in at least one group mapped by the config. Creates the temp tables it reads; reads the
 * users' memberships, writes no edge.
 *
 * With memberOf the test is a probe of the user's own values, evaluated only for the users that need
 * it: the differential plan asks for users without an identity (or every user when deactivating). As a
 * temp table of every reached user it took 1.2 s of a 100k unchanged re-sync that asked for 3k users.
 * Member values are found through the groups, so those users are collected set-based, once.
 */
export async function reachedUserSql(
  client: pg.PoolClient,
  runId: string,
  syncConfigId: string,
  source: EdgeSource,
): Promise<string> {
  // The groups whose members reach a mapped group: the mapped ones and, nested, every group inside one.
  const reachingGroups = expandsNesting(source)
    ? `with recursive ${CONTAINING_GROUPS_CTE}
       select distinct c.group_dn_norm as dn_norm from containing c
       join group_mapping gm on gm.sync_config_id = $2 and gm.ldap_group_dn_norm = c.ancestor`
    : `select distinct g.dn_norm from staged_group g
       join group_mapping gm on gm.sync_config_id = $2 and gm.ldap_group_dn_norm = g.dn_norm
       where g.run_id = $1`;
  await client.query(`create temp table reaching_group on commit drop as ${reachingGroups}`, [
    runId,
    syncConfigId,
  ]);
  await client.query('create index on reaching_group (dn_norm)');
  await client.query('analyze reaching_group');
  if (source.membershipSource === 'MEMBER_OF') {
    return 'exists (select 1 from unnest(u.member_of) as m(dn_norm) join reaching_group r on r.dn_norm = m.dn_norm)';
  }
  await client.query(
    `create temp table reached_user on commit drop as
     select distinct e.user_dn_norm as dn_norm from (${directEdgesSql(source, null)}) e
     join reaching_group r on r.dn_norm = e.group_dn_norm`,
    [runId],
  );
  await client.query('create index on reached_user (dn_norm)');
  await client.query('analyze reached_user');
  return 'exists (select 1 from reached_user r where r.dn_norm = u.dn_norm)';
}

/** (group, ancestor) for every staged group of run $1, itself included, through nested groups and cycles. */
const CONTAINING_GROUPS_CTE = `containing(group_dn_norm, ancestor) as (
  select g.dn_norm, g.dn_norm from staged_group g where g.run_id = $1
  union
  select c.group_dn_norm, gm.group_dn_norm
  from containing c
  join staged_group_member gm on gm.run_id = $1 and gm.member_value = c.ancestor
)`;

function expandsNesting(source: EdgeSource): boolean {
  return source.expandNestedGroups && source.groupMemberAttribute !== 'memberUid';
}

/** The direct (user_dn_norm, group_dn_norm) pairs of run $1, of the users in usersTable when given. */
function directEdgesSql(source: EdgeSource, usersTable: string | null): string {
  const onlyListed = andListed('u.dn_norm', usersTable);
  if (source.membershipSource === 'MEMBER_OF') {
    return `select u.dn_norm as user_dn_norm, g.dn_norm as group_dn_norm
            from staged_user u
            cross join lateral unnest(u.member_of) as m(group_dn_norm)
            join staged_group g on g.run_id = u.run_id and g.dn_norm = m.group_dn_norm
            where u.run_id = $1 ${onlyListed}`;
  }
  // memberUid values are login names (stored lower-cased); member/uniqueMember values are normalized DNs.
  const userKey = source.groupMemberAttribute === 'memberUid' ? 'lower(u.login)' : 'u.dn_norm';
  return `select u.dn_norm as user_dn_norm, gm.group_dn_norm
          from staged_group_member gm
          join staged_user u on u.run_id = gm.run_id and ${userKey} = gm.member_value
          where gm.run_id = $1 ${onlyListed}`;
}

/** `and <column> in (the users listed in usersTable)`, or nothing when every user counts. */
function andListed(column: string, usersTable: string | null): string {
  return usersTable === null ? '' : `and ${column} in (select dn_norm from ${usersTable})`;
}
