import type pg from 'pg';
import type { MembershipSource } from '../domain/directory-kinds.js';
import type { MemberValuesUse } from '../sync/member-values-use.js';
import { sameStagedContentSql } from './staged-row-content.js';
import {
  freshGroupMembersSql,
  GROUPS_READ_WHOLE_SQL,
  MEMBER_DELTAS_SQL,
  STAGED_GROUP,
  STAGED_USER,
  STAGING_TABLE_NAMES,
  type StagingTable,
} from './staging-tables.js';
import { analyzeJustWritten } from './table-statistics.js';
import { withTransaction } from './transaction.js';

export interface SnapshotSettings {
  membershipSource: MembershipSource;
  memberValues: MemberValuesUse;
}

export interface SnapshotCompletion {
  /** Every entry read equals the snapshot's: the run reads the snapshot's staging (SyncRun.stagingRunId). */
  adopted: boolean;
  /** Users in the run's view of the directory: the snapshot's, with the entries read in their place. */
  usersStaged: number;
  /** With memberOf as the membership source and no adoption: what the copy corrected. */
  memberOfCorrection: CorrectionCounts | null;
}

/** The memberOf values the copy changed in the users it carried over. */
export interface CorrectionCounts {
  usersCorrected: number;
  pairsAdded: number;
  pairsRemoved: number;
}

/**
 * An incremental run stages only the entries it read (fresh); once both reads are done, this completes
 * its view of the directory from the snapshot's staging, in one transaction:
 *
 * - when every entry read equals the snapshot's (an unchanged re-sync: only the mark second is read
 *   again), the run's own rows go and it adopts the snapshot's staging: at 100k users no copy of 1.1M
 *   rows, and none to drop after the run;
 * - else the snapshot's rows that no entry read replaces (by DN or stable id: a renamed entry keeps its
 *   stable id) are copied in as not fresh, and users renamed since are renamed in the copied member values.
 *
 * With memberOf as the membership source the copy also corrects the users' memberOf: neither AD nor
 * slapd's memberof overlay marks a user changed when a group gains or loses it, so the groups read are
 * the truth for those groups. Only the difference is applied (StagedUser.corrected), in the copy itself,
 * from the changes the adoption check computed: replayed at 100k users into fresh partitions, a copy and
 * an update of the 9,230 changed users took 591-617 ms, the one copy 521-651 ms, and the changes are
 * computed once, not again by a later update.
 *
 * A retried groups read (it clears the run's groups first) completes the same way: the users an earlier
 * attempt carried over go first, to be copied and corrected against the groups read now; after an
 * adoption no user read is left, and the snapshot's equal them.
 */
export class SnapshotStagingRepository {
  constructor(private readonly pool: pg.Pool) {}

  complete(runId: string, snapshotRunId: string, settings: SnapshotSettings): Promise<SnapshotCompletion> {
    return withTransaction(this.pool, async (client) => {
      // The rows just read have no statistics yet: estimated as one row, the checks nested loops over
      // the snapshot's rows (a 10k bench run's memberOf check took 3.2 s for 445 groups read; hashing,
      // its whole READ_GROUPS went from 3.85 to 1.06 s).
      await client.query('set local enable_nestloop = off');
      await client.query('delete from staged_user where run_id = $1 and not fresh', [runId]);
      const adopted = !(await readDiffersFromSnapshot(client, runId, snapshotRunId, settings));
      let memberOfCorrection: CorrectionCounts | null = null;
      if (adopted) {
        await adoptSnapshotStaging(client, runId, snapshotRunId);
      } else {
        if (settings.membershipSource === 'MEMBER_OF') {
          memberOfCorrection = await copyUsersCorrected(client, runId, snapshotRunId);
        } else {
          await copyUnreplacedRows(client, STAGED_USER, runId, snapshotRunId);
        }
        await copyUnreplacedRows(client, STAGED_GROUP, runId, snapshotRunId);
        if (settings.memberValues === 'ALL') await copyMemberValues(client, runId, snapshotRunId);
        await client.query(
          'update sync_run set staging_run_id = null, staged_from_run_id = $2 where id = $1',
          [runId, snapshotRunId],
        );
      }
      const users = await client.query<{ n: number }>(
        'select count(*)::int as n from staged_user where run_id = $1',
        [adopted ? snapshotRunId : runId],
      );
      return { adopted, usersStaged: users.rows[0]?.n ?? 0, memberOfCorrection };
    });
  }

  /**
   * Adopts the snapshot's staging without comparing it: for a full read that knew every entry it read by
   * its digest, and found every entry the snapshot staged (see stageGroups).
   */
  adopt(runId: string, snapshotRunId: string): Promise<void> {
    return withTransaction(this.pool, (client) => adoptSnapshotStaging(client, runId, snapshotRunId));
  }

  /**
   * A full read whose staging equals the snapshot's row for row (no user or group more, less or other)
   * drops its rows and adopts the snapshot's, as an unchanged incremental run does: its plan compares no
   * user with itself, and no staging is left to drop. Only for runs that stage no member values: a
   * full read stages them only where every group's values are needed (role sync, GROUP_MEMBERS,
   * nesting), and comparing about a million of them would cost what the adoption saves.
   *
   * The run's users not fresh are copies of the snapshot's rows (copyKnownUsers, copyAllUsers): only the
   * users it decoded are compared, and the counts (comparing every row took 286 ms of a 1% re-sync's
   * READ_GROUPS at 100k users).
   */
  adoptIfUnchanged(runId: string, snapshotRunId: string): Promise<boolean> {
    return withTransaction(this.pool, async (client) => {
      // Both sides are 100k-row runs of one table: hash joins, no JIT compile for a one-off statement.
      await client.query('set local enable_nestloop = off');
      await client.query('set local jit = off');
      // At the default 4 MB the hash of 100k staged users spilled in 8 batches (97 MB of temp files);
      // in memory, replayed: 212-215 ms against 239-254 ms, and no temp I/O beside a checkpoint's.
      await client.query(`set local work_mem = '64MB'`);
      for (const check of [decodedUsersDifferSql(), stagingDiffersSql(STAGED_GROUP)]) {
        const result = await client.query<{ differs: boolean }>(`select exists (${check}) as differs`, [
          runId,
          snapshotRunId,
        ]);
        if (result.rows[0]?.differs !== false) return false;
      }
      await keepEntryDigests(client, runId, snapshotRunId);
      await adoptSnapshotStaging(client, runId, snapshotRunId);
      return true;
    });
  }
}

/**
 * Gives the snapshot's rows the entry digests the run took of equal rows, before the run's rows go: rows
 * staged under another mapping or row version have digests the next full read cannot know, and it would
 * decode and compare them again every time.
 */
async function keepEntryDigests(client: pg.PoolClient, runId: string, snapshotRunId: string): Promise<void> {
  for (const table of [STAGED_USER, STAGED_GROUP]) {
    await client.query(
      `update ${table.name} s set entry_digest = f.entry_digest
       from ${table.name} f
       where s.run_id = $2 and f.run_id = $1 and f.dn_norm = s.dn_norm
         and f.entry_digest is not null and s.entry_digest is distinct from f.entry_digest`,
      [runId, snapshotRunId],
    );
  }
}

/** The run's own rows go; it reads the snapshot's staging from now on (SyncRun.stagingRunId). */
async function adoptSnapshotStaging(
  client: pg.PoolClient,
  runId: string,
  snapshotRunId: string,
): Promise<void> {
  for (const table of STAGING_TABLE_NAMES) {
    await client.query(`delete from ${table} where run_id = $1`, [runId]);
  }
  await client.query('update sync_run set staging_run_id = $2 where id = $1', [runId, snapshotRunId]);
}

/** Rows of `table` in run $1 or in run $2 without an equal row of the same DN in the other. */
function stagingDiffersSql(table: StagingTable): string {
  return `select 1 from (select * from ${table.name} where run_id = $1) f
          full join (select * from ${table.name} where run_id = $2) s on s.dn_norm = f.dn_norm
          where f.dn_norm is null or not ${sameStagedContentSql(table, 'f', 's')}`;
}

/**
 * For a full read whose users not fresh are copies of snapshot $2's: a user it decoded that differs from,
 * or was not in, the snapshot; or a count of users other than the snapshot's. With every decoded row
 * equal to a row of its DN, equal counts mean equal sets.
 */
function decodedUsersDifferSql(): string {
  return `${entryDiffersSql(STAGED_USER)}
          union all
          select 1 where (select count(*) from staged_user where run_id = $1)
                      <> (select count(*) from staged_user where run_id = $2)`;
}

/**
 * Whether the run's staging would differ from the snapshot's once completed by a copy: an entry read
 * (user or group) differs from the snapshot's row of its DN, or takes the stable id of another; a group
 * read lists other member values (when all groups' values are staged); or, with memberOf as the
 * membership source, the groups read call for a memberOf change of a snapshot user (member_change,
 * which the copy then applies).
 */
async function readDiffersFromSnapshot(
  client: pg.PoolClient,
  runId: string,
  snapshotRunId: string,
  settings: SnapshotSettings,
): Promise<boolean> {
  // The groups read, with statistics: joined as staged_group rows estimated as one, the memberOf check
  // sorted the snapshot's 970k values on disk for a merge join (1.7 s at 100k, 0.3 s of it JIT).
  const readGroups = await client.query(
    `create temp table read_group on commit drop as ${GROUPS_READ_WHOLE_SQL}`,
    [runId],
  );
  await analyzeJustWritten(client, 'read_group');
  await client.query('set local jit = off');
  const groupsReadWhole = (readGroups.rowCount ?? 0) > 0;
  const checks = [entryDiffersSql(STAGED_USER), entryDiffersSql(STAGED_GROUP)];
  if (groupsReadWhole && settings.memberValues === 'ALL') checks.push(MEMBER_VALUES_DIFFER);
  if (settings.membershipSource === 'MEMBER_OF') {
    const changes = await client.query(
      `create temp table member_change on commit drop as
       ${memberOfChangesSql(settings.memberValues, groupsReadWhole)}`,
      [runId, snapshotRunId],
    );
    await analyzeJustWritten(client, 'member_change');
    if ((changes.rowCount ?? 0) > 0) return true;
  }
  for (const check of checks) {
    const result = await client.query<{ differs: boolean }>(`select exists (${check}) as differs`, [
      runId,
      snapshotRunId,
    ]);
    if (result.rows[0]?.differs !== false) return true;
  }
  return false;
}

/** Rows of `table` read by run $1 that differ from, or were not in, snapshot $2. */
function entryDiffersSql(table: StagingTable): string {
  return `select 1 from ${table.name} f
          left join ${table.name} s on s.run_id = $2 and s.dn_norm = f.dn_norm
          where f.run_id = $1 and f.fresh and not ${sameStagedContentSql(table, 'f', 's')}
          union all
          select 1 from ${table.name} f
          join ${table.name} s on s.run_id = $2 and s.stable_id = f.stable_id and s.dn_norm <> f.dn_norm
          where f.run_id = $1 and f.fresh`;
}

/** (group, member) pairs of the groups run $1 read, in it and in snapshot $2: those on one side only. */
const MEMBER_VALUES_DIFFER = `
  select 1 from
    (select m.group_dn_norm, m.member_value from staged_group_member m
     join read_group g on g.dn_norm = m.group_dn_norm
     where m.run_id = $1) now
  full join
    (select m.group_dn_norm, m.member_value from staged_group_member m
     join read_group g on g.dn_norm = m.group_dn_norm
     where m.run_id = $2) was
    on was.group_dn_norm = now.group_dn_norm and was.member_value = now.member_value
  where now.group_dn_norm is null or was.group_dn_norm is null`;

/**
 * SQL: the memberOf changes (user_dn_norm, group_dn_norm, added) of snapshot $2's users that the groups
 * run $1 read call for. For a group read whole (read_group; groupsReadWhole: there is one), the pairs on
 * one side only of the users' memberOf and the group's values naming one of those users, as one full
 * join with each side read once (as two anti-joins it sorted 789k pairs four times on disk, 5.4 s at
 * 100k users). For a group whose deltas came from the access log, the values it gained that the user
 * does not hold, or lost that it holds.
 */
function memberOfChangesSql(use: MemberValuesUse, groupsReadWhole: boolean): string {
  const reread = `
    select coalesce(held.user_dn_norm, listed.user_dn_norm) as user_dn_norm,
           coalesce(held.group_dn_norm, listed.group_dn_norm) as group_dn_norm,
           held.user_dn_norm is null as added
    from
      (select u.dn_norm as user_dn_norm, v as group_dn_norm
       from staged_user u
       cross join lateral unnest(u.member_of) as v
       join read_group g on g.dn_norm = v
       where u.run_id = $2) held
    full join
      (select r.member_value as user_dn_norm, r.group_dn_norm
       from (${freshGroupMembersSql(use)}) r
       join staged_user u on u.run_id = $2 and u.dn_norm = r.member_value) listed
      on listed.user_dn_norm = held.user_dn_norm and listed.group_dn_norm = held.group_dn_norm
    where held.user_dn_norm is null or listed.user_dn_norm is null`;
  const deltas = `
    select d.member_value as user_dn_norm, d.group_dn_norm, d.added from (${MEMBER_DELTAS_SQL}) d
    join staged_user u on u.run_id = $2 and u.dn_norm = d.member_value
    where d.added <> (d.group_dn_norm = any(u.member_of))`;
  return [...(groupsReadWhole ? [reread] : []), deltas].join(' union all ');
}

/** Copies snapshot $2's rows of `table` that no row of run $1 replaces, by DN or by stable id, as not fresh. */
async function copyUnreplacedRows(
  client: pg.PoolClient,
  table: StagingTable,
  runId: string,
  snapshotRunId: string,
): Promise<void> {
  const columns = [...table.columns, ...table.carriedColumns].join(', ');
  await client.query(
    `insert into ${table.name} (run_id, ${columns}, fresh)
     select $1, ${columns}, false from ${table.name} s
     where ${unreplacedSql(table)}`,
    [runId, snapshotRunId],
  );
}

/**
 * copyUnreplacedRows for the users, with the memberOf changes (member_change) applied: the values lost
 * left out, those gained appended (none is held already, see memberOfChangesSql), in order. The rows
 * changed are marked corrected and keep their changes (member_of_added, member_of_removed, for the
 * plan), but not their entry's digest: they are no longer what its bytes map to. The counts are of
 * those changes.
 */
async function copyUsersCorrected(
  client: pg.PoolClient,
  runId: string,
  snapshotRunId: string,
): Promise<CorrectionCounts> {
  const columns = STAGED_USER.columns.filter((column) => column !== 'member_of');
  const result = await client.query<{ users: number; added: number; removed: number }>(
    `with change as (
       select user_dn_norm,
              coalesce(array_agg(group_dn_norm) filter (where added), '{}') as added,
              coalesce(array_agg(group_dn_norm) filter (where not added), '{}') as removed
       from member_change group by user_dn_norm),
     copied as (
       insert into staged_user (run_id, ${columns.join(', ')}, member_of, fresh, corrected, member_of_added,
                                member_of_removed, entry_digest)
       select $1, ${columns.map((column) => `s.${column}`).join(', ')},
              case when c.user_dn_norm is null then s.member_of
                   else array(select g from (select v as g from unnest(s.member_of) as v where v <> all (c.removed)
                                             union all
                                             select unnest(c.added)) x
                              order by g collate "C") end,
              false, c.user_dn_norm is not null, c.added, c.removed,
              case when c.user_dn_norm is null then s.entry_digest end
       from staged_user s
       left join change c on c.user_dn_norm = s.dn_norm
       where ${unreplacedSql(STAGED_USER)}
       returning dn_norm, corrected)
     select count(*)::int as users, coalesce(sum(cardinality(c.added)), 0)::int as added,
            coalesce(sum(cardinality(c.removed)), 0)::int as removed
     from copied join change c on c.user_dn_norm = copied.dn_norm
     where copied.corrected`,
    [runId, snapshotRunId],
  );
  const row = result.rows[0];
  return { usersCorrected: row?.users ?? 0, pairsAdded: row?.added ?? 0, pairsRemoved: row?.removed ?? 0 };
}

/** SQL: row `s` of `table` is snapshot $2's and no row of run $1 replaces it, by DN or by stable id. */
function unreplacedSql(table: StagingTable): string {
  // Two anti-joins, not one with OR: each can hash the run's few rows.
  return `s.run_id = $2
          and not exists (select 1 from ${table.name} f where f.run_id = $1 and f.dn_norm = s.dn_norm)
          and not exists (select 1 from ${table.name} f where f.run_id = $1 and f.stable_id = s.stable_id)`;
}

/**
 * The member values of the groups copied from the snapshot; then a user renamed since the snapshot (same
 * stable id, new DN) is renamed in them too, as the directory did (refint, AD links) without marking
 * those groups changed.
 */
async function copyMemberValues(client: pg.PoolClient, runId: string, snapshotRunId: string): Promise<void> {
  await client.query(
    `insert into staged_group_member (run_id, group_dn_norm, member_value)
     select $1, m.group_dn_norm, m.member_value from staged_group_member m
     join staged_group g on g.run_id = $1 and not g.fresh and g.dn_norm = m.group_dn_norm
     where m.run_id = $2`,
    [runId, snapshotRunId],
  );
  // Nested loops are off (see complete): they went over two runs of users on the unindexed stable id.
  await client.query(
    `with renamed as (
       select prev.dn_norm as old_dn, cur.dn_norm as new_dn
       from staged_user cur
       join staged_user prev on prev.run_id = $2 and prev.stable_id = cur.stable_id and prev.dn_norm <> cur.dn_norm
       where cur.run_id = $1 and cur.fresh),
     moved as (
       delete from staged_group_member m using renamed
       where m.run_id = $1 and m.member_value = renamed.old_dn
       returning m.group_dn_norm, renamed.new_dn)
     -- A group that lists the new DN already keeps it once (the values have no key to refuse a second).
     insert into staged_group_member (run_id, group_dn_norm, member_value)
     select distinct $1::uuid, v.group_dn_norm, v.new_dn from moved v
     where not exists (select 1 from staged_group_member x
                       where x.run_id = $1 and x.group_dn_norm = v.group_dn_norm and x.member_value = v.new_dn)`,
    [runId, snapshotRunId],
  );
}
