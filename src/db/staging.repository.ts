import type pg from 'pg';
import { startDbBatchTimer } from '../observability/metrics.js';
import type { GroupMemberDelta } from '../sync/member-deltas.js';
import type { MemberValuesUse } from '../sync/member-values-use.js';
import { copyFromStdin, type CopyValue } from './copy-from-stdin.js';
import { createStagingPartitions } from './staging-partitions.js';
import {
  STAGED_GROUP,
  STAGED_GROUP_MEMBER,
  STAGED_USER,
  STAGING_TABLES,
  type StagingTable,
} from './staging-tables.js';
import { withTransaction } from './transaction.js';

export interface StagedUserRow {
  dn: string;
  dnNorm: string;
  stableId: string | null;
  login: string | null;
  displayName: string | null;
  email: string | null;
  externalId: string | null;
  memberOf: string[];
  /** The digest of the entry the row was made from (watchEntryDigests); null without one. */
  entryDigest: string | null;
}

export interface StagedGroupRow {
  dn: string;
  dnNorm: string;
  stableId: string | null;
  name: string | null;
  description: string | null;
  catalogueValue: string | null;
  /** Distinct canonical member values to stage; empty when the run only counts them. */
  members: string[];
  /** Distinct member values read. */
  memberCount: number;
  /** As StagedUserRow.entryDigest. */
  entryDigest: string | null;
}

/** A staged row a later full read may know by its entry's digest (StagingRepository.knownUserRows). */
export interface KnownRow {
  dnNorm: string;
  /** Its memberOf values (a user) or member count (a group). */
  values: number;
}

/** What a full read knows of a run's staging: its rows by digest, and how many rows it staged in all. */
export interface KnownRows {
  byDigest: ReadonlyMap<string, KnownRow>;
  rows: number;
}

/**
 * Set-based writes into the run's staging tables: one statement per LDAP page, never one per entry.
 * Re-staging a run first clears what an earlier attempt left, so the read activities are idempotent.
 * An incremental run stages here only the entries it read; SnapshotStagingRepository adds the rest.
 */
export class StagingRepository {
  constructor(private readonly pool: pg.Pool) {}

  /** Readies the run's staging for its users read: its partitions made, an earlier attempt's users gone. */
  async clearUsers(runId: string): Promise<void> {
    await createStagingPartitions(this.pool, runId);
    await this.pool.query('delete from staged_user where run_id = $1', [runId]);
  }

  /** Readies the run's staging for its groups read, as clearUsers. */
  async clearGroups(runId: string): Promise<void> {
    await createStagingPartitions(this.pool, runId);
    await withTransaction(this.pool, async (client) => {
      await client.query('delete from staged_group_member where run_id = $1', [runId]);
      await client.query('delete from staged_group where run_id = $1', [runId]);
    });
  }

  /**
   * A writer of one read's users, a page per call, with COPY. A DN repeated in another spelling keeps
   * its first row, on whichever page it comes again: the writer remembers the DNs it wrote (COPY has no
   * ON CONFLICT; 100k DNs are a few MB). Resolves with the rows written.
   */
  usersWriter(runId: string): (rows: readonly StagedUserRow[]) => Promise<number> {
    const written = new Set<string>();
    return async (rows) => {
      // In STAGED_USER's column order.
      const fresh: CopyValue[][] = [];
      for (const r of rows) {
        if (written.has(r.dnNorm)) continue;
        written.add(r.dnNorm);
        fresh.push([
          runId,
          r.dnNorm,
          r.dn,
          r.stableId,
          r.login,
          r.displayName,
          r.email,
          r.externalId,
          r.memberOf,
          r.entryDigest,
        ]);
      }
      if (fresh.length === 0) return 0;
      const timer = startDbBatchTimer('stage_users');
      // In a transaction of its own for withTransaction's care of a failed connection; COPY is atomic anyway.
      const staged = await withTransaction(this.pool, (client) =>
        copyFromStdin(client, STAGED_USER.name, ['run_id', ...STAGED_USER.columns, 'entry_digest'], fresh),
      );
      timer();
      return staged;
    };
  }

  /**
   * What a full read of the same directory knows of a run's staged users (or groups, with
   * knownGroupRows): each digest's row key and count of values (memberOf values; a group's members),
   * and how many rows the run staged in all, with a digest or without.
   */
  knownUserRows(stagingRunId: string): Promise<KnownRows> {
    return this.knownRows(STAGED_USER, 'cardinality(member_of)', stagingRunId);
  }

  /** knownUserRows for groups. */
  knownGroupRows(stagingRunId: string): Promise<KnownRows> {
    return this.knownRows(STAGED_GROUP, 'member_count', stagingRunId);
  }

  /**
   * Copies every staged user of run $2 into run $1, as read by it, and not fresh (copies, as
   * copyKnownUsers'). A DN the run staged already keeps its row.
   */
  async copyAllUsers(runId: string, fromRunId: string): Promise<void> {
    const columns = [...STAGED_USER.columns, ...STAGED_USER.carriedColumns].join(', ');
    await this.pool.query(
      `insert into staged_user (run_id, ${columns}, fresh)
       select $1, ${columns}, false from staged_user where run_id = $2
       on conflict do nothing`,
      [runId, fromRunId],
    );
  }

  private async knownRows(table: StagingTable, values: string, stagingRunId: string): Promise<KnownRows> {
    const result = await this.pool.query<{ entry_digest: string | null; dn_norm: string; values: number }>(
      `select entry_digest, dn_norm, ${values} as values from ${table.name} where run_id = $1`,
      [stagingRunId],
    );
    const byDigest = new Map<string, KnownRow>();
    for (const row of result.rows) {
      if (row.entry_digest !== null)
        byDigest.set(row.entry_digest, { dnNorm: row.dn_norm, values: row.values });
    }
    return { byDigest, rows: result.rows.length };
  }

  /**
   * Stages users a read left undecoded because their digests were known: copies of run $2's rows of
   * those DN keys (knownUserRows), as read by this run. A page at a time, by the key's index, so that the
   * copy overlaps the read of the next page. A DN the run staged already (spelt otherwise) keeps its
   * row. The copies are not fresh: like an incremental completion's, they are the snapshot's rows, which
   * a plan narrowed to the changed rows leaves out (DirectorySyncPlanRepository). Returns the users
   * copied.
   */
  async copyKnownUsers(runId: string, fromRunId: string, dnNorms: readonly string[]): Promise<number> {
    const columns = [...STAGED_USER.columns, ...STAGED_USER.carriedColumns];
    const result = await this.pool.query(
      `insert into staged_user (run_id, ${columns.join(', ')}, fresh)
       select $1, ${columns.map((column) => `s.${column}`).join(', ')}, false
       from unnest($3::text[]) as known(dn_norm) join staged_user s on s.run_id = $2 and s.dn_norm = known.dn_norm
       on conflict do nothing`,
      [runId, fromRunId, dnNorms],
    );
    return result.rowCount ?? 0;
  }

  /**
   * copyKnownUsers for groups: the rows of run $2 with the digests, and their staged_group_member values
   * where all groups' values are staged (ALL; a full read of CHANGED_GROUPS only counts them). Returns
   * the groups copied.
   */
  async copyKnownGroups(
    runId: string,
    fromRunId: string,
    digests: readonly string[],
    use: MemberValuesUse,
  ): Promise<number> {
    const columns = STAGED_GROUP.columns.join(', ');
    return withTransaction(this.pool, async (client) => {
      // Hash joins of a one-off statement (10k groups, their 970k values at 100k users): no JIT compile.
      await client.query('set local jit = off');
      await client.query(`set local work_mem = '64MB'`);
      const copied = await client.query<{ dn_norm: string }>(
        `insert into staged_group (run_id, ${columns}, entry_digest)
         select $1, ${columns}, s.entry_digest
         from staged_group s join unnest($3::text[]) as known(digest) on known.digest = s.entry_digest
         where s.run_id = $2
         on conflict do nothing
         returning dn_norm`,
        [runId, fromRunId, digests],
      );
      if (use === 'ALL' && copied.rows.length > 0) {
        await client.query(
          `insert into staged_group_member (run_id, group_dn_norm, member_value)
           select $1, m.group_dn_norm, m.member_value
           from staged_group_member m join unnest($3::text[]) as g(dn_norm) on g.dn_norm = m.group_dn_norm
           where m.run_id = $2`,
          [runId, fromRunId, copied.rows.map((row) => row.dn_norm)],
        );
      }
      return copied.rows.length;
    });
  }

  /**
   * Inserts groups and the member values the rows carry in one transaction: as staged_group_member rows
   * when later phases join them (ALL), else as each group's member_values array. Returns the groups
   * written and the member values read (every row's count, staged or not).
   */
  async insertGroups(
    runId: string,
    rows: readonly StagedGroupRow[],
    use: MemberValuesUse,
  ): Promise<{ groups: number; members: number }> {
    if (rows.length === 0) return { groups: 0, members: 0 };
    const written = startDbBatchTimer('stage_groups');
    const asArrays = use === 'CHANGED_GROUPS';
    return withTransaction(this.pool, async (client) => {
      // A page may repeat a DN in another spelling; the first one wins.
      const groups = await client.query<{ dn_norm: string }>(
        `insert into staged_group (run_id, dn_norm, dn, stable_id, name, member_count, description, catalogue_value,
                                   member_values, entry_digest)
         select $1, r."dnNorm", r.dn, r."stableId", r.name, r."memberCount", r.description, r."catalogueValue",
                case when cardinality(r.members) > 0 then r.members end, r."entryDigest"
         from jsonb_to_recordset($2::jsonb) as r("dnNorm" text, dn text, "stableId" text, name text, "memberCount" int,
              description text, "catalogueValue" text, members text[], "entryDigest" text)
         on conflict do nothing
         returning dn_norm`,
        [runId, JSON.stringify(asArrays ? rows : rows.map(({ members, ...group }) => group))],
      );
      const members = asArrays ? null : membersOfInserted(runId, rows, groups.rows);
      if (members !== null && members.length > 0) {
        // Unique by construction, so COPY (ON CONFLICT made each value a speculative insert): 970k
        // values in ten pages took 9.3 s with ON CONFLICT, 6.4 s as a plain insert in key order, and
        // 2.4-2.5 s replayed against 3.8 s (2.2 against 3.3 s of PostgreSQL CPU) with COPY.
        await copyFromStdin(
          client,
          STAGED_GROUP_MEMBER.name,
          ['run_id', ...STAGED_GROUP_MEMBER.columns],
          members,
        );
      }
      written();
      return { groups: groups.rowCount ?? 0, members: rows.reduce((sum, row) => sum + row.memberCount, 0) };
    });
  }

  /**
   * Gives the groups run $1 read without their member values the deltas from the access log, and the
   * member count the snapshot's row of the same stable id had, changed by the delta. False, writing
   * nothing, when a group read has no such row (it is new, or has no stable id): its values must be read.
   */
  async applyMemberDeltas(
    runId: string,
    snapshotRunId: string,
    deltas: ReadonlyMap<string, GroupMemberDelta>,
  ): Promise<boolean> {
    return withTransaction(this.pool, async (client) => {
      // The groups just read have no statistics: estimated as one row, both statements nested loops over
      // the snapshot's groups (2.5 and 2.9 s for 3,159 groups at 100k users).
      await client.query('set local enable_nestloop = off');
      const unmatched = await client.query(
        `select 1 from staged_group g
         where g.run_id = $1 and g.fresh
           and not exists (select 1 from staged_group s where s.run_id = $2 and s.stable_id = g.stable_id)
         limit 1`,
        [runId, snapshotRunId],
      );
      if ((unmatched.rowCount ?? 0) > 0) return false;
      const rows = [...deltas].map(([stableId, delta]) => ({ stableId, ...delta }));
      await client.query(
        `update staged_group g
         set member_count = s.member_count + coalesce(d."countChange", 0),
             members_added = coalesce(d.added, '{}'), members_removed = coalesce(d.removed, '{}')
         from staged_group s
         left join jsonb_to_recordset($3::jsonb) as d("stableId" text, added text[], removed text[], "countChange" int)
           on d."stableId" = s.stable_id
         where g.run_id = $1 and g.fresh and s.run_id = $2 and s.stable_id = g.stable_id`,
        [runId, snapshotRunId, JSON.stringify(rows)],
      );
      return true;
    });
  }

  /**
   * Gives a retry the staging its failed run finished reading, with the read's counters, mode and mark:
   * one INSERT ... SELECT per table, replacing whatever an earlier attempt of the retry copied. A failed
   * run that had adopted its snapshot's staging passes on the adoption (and has no rows to copy).
   */
  async copyRun(fromRunId: string, toRunId: string): Promise<void> {
    await createStagingPartitions(this.pool, toRunId);
    await withTransaction(this.pool, async (client) => {
      for (const table of STAGING_TABLES) await copyRows(client, table, fromRunId, toRunId);
      await client.query(
        `update sync_run t set read_mode = f.read_mode, read_mark = f.read_mark, staging_run_id = f.staging_run_id,
           staged_from_run_id = f.staged_from_run_id,
           counters = t.counters || jsonb_strip_nulls(jsonb_build_object(
           'usersRead', f.counters->'usersRead', 'groupsRead', f.counters->'groupsRead', 'usersStaged', f.counters->'usersStaged',
           'memberOfValuesRead', f.counters->'memberOfValuesRead', 'groupMemberValuesRead', f.counters->'groupMemberValuesRead'))
         from sync_run f where f.id = $1 and t.id = $2`,
        [fromRunId, toRunId],
      );
    });
  }
}

/** Replaces the target run's rows of a table by the source run's. */
async function copyRows(
  client: pg.PoolClient,
  table: StagingTable,
  fromRunId: string,
  toRunId: string,
): Promise<void> {
  const columns = [...table.columns, ...table.ownColumns];
  await client.query(`delete from ${table.name} where run_id = $1`, [toRunId]);
  await client.query(
    `insert into ${table.name} (run_id, ${columns.join(', ')})
     select $2, ${columns.join(', ')} from ${table.name} where run_id = $1`,
    [fromRunId, toRunId],
  );
}

/**
 * The member values to stage for the groups the insert just wrote, as staged_group_member COPY rows of
 * the run: each such group once (the first row of its DN, as the insert kept); a group the run already
 * held adds none.
 */
function membersOfInserted(
  runId: string,
  rows: readonly StagedGroupRow[],
  inserted: readonly { dn_norm: string }[],
): CopyValue[][] {
  const pending = new Set(inserted.map((row) => row.dn_norm));
  const members: CopyValue[][] = [];
  for (const row of rows) {
    if (!pending.delete(row.dnNorm)) continue;
    for (const member of row.members) members.push([runId, row.dnNorm, member]);
  }
  return members;
}
