import type pg from 'pg';
import type { GroupMemberAttribute, MembershipSource } from '../domain/directory-kinds.js';
import { analyzeJustWritten } from './table-statistics.js';
import { withTransaction } from './transaction.js';

/** Where a run's user-in-group edges come from. */
export interface EdgeSource {
  membershipSource: MembershipSource;
  groupMemberAttribute: GroupMemberAttribute;
  expandNestedGroups: boolean;
}

/**
 * Readies a run's staging for the plan, which turns it into user-in-group edges (createRunEdgesTable):
 * statistics for the freshly loaded tables. (An incremental run's memberOf is corrected as its staging
 * is completed from the snapshot's: SnapshotStagingRepository.)
 */
export class MembershipResolutionRepository {
  constructor(private readonly pool: pg.Pool) {}

  async analyzeStaging(): Promise<void> {
    // Staging was just bulk-loaded: fresh statistics let the planner pick hash joins over the big tables.
    // The partitioned tables, not only the run's partitions: joins are estimated from the parent's
    // statistics (without them, a join of the 9k changed users at 100k was guessed at 4.6M rows and
    // JIT-compiled for 0.2 s). Of staged_user only the columns queries join or filter on: statistics of
    // the memberOf arrays (their most common elements) took half of its 0.73 s at 100k users, and no plan
    // reads them.
    await withTransaction(this.pool, (client) =>
      analyzeJustWritten(
        client,
        'staged_user (run_id, dn_norm, stable_id, login, fresh), staged_group, staged_group_member',
      ),
    );
  }
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
  // Direct edges are unique by construction (memberOf and member values are de-duplicated when staged).
  // Nested ones may repeat a direct edge; a group's pair with itself would only repeat the edge it starts
  // from, so it is left out.
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
  await analyzeJustWritten(client, 'run_edge');
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
  await analyzeJustWritten(client, 'reaching_group');
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
  await analyzeJustWritten(client, 'reached_user');
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
