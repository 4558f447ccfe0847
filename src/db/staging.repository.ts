import type pg from 'pg';
import { startDbBatchTimer } from '../observability/metrics.js';
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
}

/**
 * Set-based writes into the run's staging tables: one statement per LDAP page, never one per entry.
 * Re-staging a run first clears what an earlier attempt left, so the read activities are idempotent.
 */
export class StagingRepository {
  constructor(private readonly pool: pg.Pool) {}

  async clearUsers(runId: string): Promise<void> {
    await this.pool.query('delete from staged_user where run_id = $1', [runId]);
  }

  async clearGroups(runId: string): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      await client.query('delete from staged_group_member where run_id = $1', [runId]);
      await client.query('delete from staged_group where run_id = $1', [runId]);
    });
  }

  /**
   * One page of users. With replaceExisting (an incremental read over a copied snapshot) an entry replaces
   * the row with its DN or its stable id: a renamed entry keeps its stable id under a new DN.
   */
  async insertUsers(runId: string, rows: readonly StagedUserRow[], replaceExisting = false): Promise<number> {
    if (rows.length === 0) return 0;
    const written = startDbBatchTimer('stage_users');
    const inserted = await withTransaction(this.pool, async (client) => {
      if (replaceExisting) {
        await client.query(
          'delete from staged_user where run_id = $1 and (dn_norm = any($2::text[]) or stable_id = any($3::text[]))',
          [runId, rows.map((row) => row.dnNorm), stableIdsOf(rows)],
        );
      }
      // A page may repeat a DN in another spelling; the first one wins.
      const result = await client.query(
        `insert into staged_user (run_id, dn_norm, dn, stable_id, login, display_name, email, external_id, member_of)
         select $1, r."dnNorm", r.dn, r."stableId", r.login, r."displayName", r.email, r."externalId", r."memberOf"
         from jsonb_to_recordset($2::jsonb) as r("dnNorm" text, dn text, "stableId" text, login text,
              "displayName" text, email text, "externalId" text, "memberOf" text[])
         on conflict do nothing`,
        [runId, JSON.stringify(rows)],
      );
      return result.rowCount ?? 0;
    });
    written();
    return inserted;
  }

  /**
   * Inserts groups and the member values the rows carry in one transaction; returns the groups written
   * and the member values read (every row's count, staged or not).
   */
  async insertGroups(
    runId: string,
    rows: readonly StagedGroupRow[],
    options: { replaceExisting: boolean },
  ): Promise<{ groups: number; members: number }> {
    if (rows.length === 0) return { groups: 0, members: 0 };
    const { replaceExisting } = options;
    const written = startDbBatchTimer('stage_groups');
    return withTransaction(this.pool, async (client) => {
      if (replaceExisting) {
        // A re-read group comes with all its members: its earlier member values go with it. Two statements:
        // as one (a CTE join) the planner, without statistics on the copied rows, scanned all members per group.
        const gone = await client.query<{ dn_norm: string }>(
          `delete from staged_group where run_id = $1 and (dn_norm = any($2::text[]) or stable_id = any($3::text[]))
           returning dn_norm`,
          [runId, rows.map((row) => row.dnNorm), stableIdsOf(rows)],
        );
        await client.query(
          'delete from staged_group_member where run_id = $1 and group_dn_norm = any($2::text[])',
          [runId, gone.rows.map((row) => row.dn_norm)],
        );
      }
      // A page may repeat a DN in another spelling; the first one wins.
      const groups = await client.query<{ dn_norm: string }>(
        `insert into staged_group (run_id, dn_norm, dn, stable_id, name, member_count, description, catalogue_value)
         select $1, r."dnNorm", r.dn, r."stableId", r.name, r."memberCount", r.description, r."catalogueValue"
         from jsonb_to_recordset($2::jsonb) as r("dnNorm" text, dn text, "stableId" text, name text, "memberCount" int,
              description text, "catalogueValue" text)
         on conflict do nothing
         returning dn_norm`,
        [runId, JSON.stringify(rows.map(({ members, ...group }) => group))],
      );
      const members = membersOfInserted(rows, groups.rows);
      if (members.values.length > 0) {
        // Unique by construction, so a plain insert (ON CONFLICT made each value a speculative insert), in
        // key order: 970k values replayed in ten pages took 9.3 s with ON CONFLICT, 6.4 s like this.
        await client.query(
          `insert into staged_group_member (run_id, group_dn_norm, member_value)
           select $1, g, m from unnest($2::text[], $3::text[]) as t(g, m)
           order by g, m`,
          [runId, members.groupDns, members.values],
        );
      }
      written();
      return { groups: groups.rowCount ?? 0, members: rows.reduce((sum, row) => sum + row.memberCount, 0) };
    });
  }

  /**
   * Gives a retry the staging its failed run finished reading, with the read's counters, mode and mark:
   * one INSERT ... SELECT per table, replacing whatever an earlier attempt of the retry copied.
   */
  async copyRun(fromRunId: string, toRunId: string): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      for (const table of STAGING_TABLES) await copyRows(client, table, fromRunId, toRunId);
      await client.query(
        `update sync_run t set read_mode = f.read_mode, read_mark = f.read_mark,
           counters = t.counters || jsonb_strip_nulls(jsonb_build_object(
           'usersRead', f.counters->'usersRead', 'groupsRead', f.counters->'groupsRead', 'usersStaged', f.counters->'usersStaged',
           'memberOfValuesRead', f.counters->'memberOfValuesRead', 'groupMemberValuesRead', f.counters->'groupMemberValuesRead'))
         from sync_run f where f.id = $1 and t.id = $2`,
        [fromRunId, toRunId],
      );
    });
  }

  /**
   * Starts an incremental read of users from the snapshot (the last successful run's staging): its rows
   * are copied as not fresh, then the changed entries read replace theirs.
   */
  async copySnapshotUsers(snapshotRunId: string, runId: string): Promise<void> {
    await withTransaction(this.pool, (client) => copyRows(client, STAGED_USER, snapshotRunId, runId, false));
  }

  /**
   * Like copySnapshotUsers, for groups and (withMembers) their member values. Run after the users read:
   * a user renamed since the snapshot (same stable id, new DN) is renamed in the copied member values
   * too, as the directory did (refint, AD links) without marking those groups changed.
   */
  async copySnapshotGroups(snapshotRunId: string, runId: string, withMembers: boolean): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      await copyRows(client, STAGED_GROUP, snapshotRunId, runId, false);
      if (!withMembers) return;
      await copyRows(client, STAGED_GROUP_MEMBER, snapshotRunId, runId);
      // Freshly copied rows have no statistics: without this the planner nests loops over two runs of
      // users on the unindexed stable id (minutes at 10k users) instead of hashing them.
      await client.query('set local enable_nestloop = off');
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
         insert into staged_group_member (run_id, group_dn_norm, member_value)
         select $1, group_dn_norm, new_dn from moved
         on conflict do nothing`,
        [runId, snapshotRunId],
      );
    });
  }

  async countUsers(runId: string): Promise<number> {
    const result = await this.pool.query<{ n: string }>(
      'select count(*) as n from staged_user where run_id = $1',
      [runId],
    );
    return Number(result.rows[0]?.n ?? 0);
  }
}

interface StagingTable {
  name: string;
  /** Columns besides run_id (and fresh). */
  columns: string[];
  hasFresh: boolean;
}

const STAGED_USER: StagingTable = {
  name: 'staged_user',
  columns: ['dn_norm', 'dn', 'stable_id', 'login', 'display_name', 'email', 'external_id', 'member_of'],
  hasFresh: true,
};
const STAGED_GROUP: StagingTable = {
  name: 'staged_group',
  columns: ['dn_norm', 'dn', 'stable_id', 'name', 'member_count', 'description', 'catalogue_value'],
  hasFresh: true,
};
const STAGED_GROUP_MEMBER: StagingTable = {
  name: 'staged_group_member',
  columns: ['group_dn_norm', 'member_value'],
  hasFresh: false,
};
const STAGING_TABLES = [STAGED_USER, STAGED_GROUP, STAGED_GROUP_MEMBER];

/** The tables that hold a run's staging, keyed by run_id: what dropping a run's staging deletes from. */
export const STAGING_TABLE_NAMES: readonly string[] = STAGING_TABLES.map((table) => table.name);

/** Replaces the target run's rows of a table by the source run's; fresh is kept unless given. */
async function copyRows(
  client: pg.PoolClient,
  table: StagingTable,
  fromRunId: string,
  toRunId: string,
  fresh?: boolean,
): Promise<void> {
  const columns = table.hasFresh ? [...table.columns, 'fresh'] : table.columns;
  const selected = table.hasFresh && fresh !== undefined ? [...table.columns, '$3::boolean'] : columns;
  await client.query(`delete from ${table.name} where run_id = $1`, [toRunId]);
  await client.query(
    `insert into ${table.name} (run_id, ${columns.join(', ')})
     select $2, ${selected.join(', ')} from ${table.name} where run_id = $1`,
    fresh === undefined || !table.hasFresh ? [fromRunId, toRunId] : [fromRunId, toRunId, fresh],
  );
}

function stableIdsOf(rows: readonly { stableId: string | null }[]): string[] {
  return rows.flatMap((row) => (row.stableId === null ? [] : [row.stableId]));
}

/**
 * The member values to stage for the groups the insert just wrote: each such group once (the first row
 * of its DN, as the insert kept); a group the run already held adds none.
 */
function membersOfInserted(
  rows: readonly StagedGroupRow[],
  inserted: readonly { dn_norm: string }[],
): { groupDns: string[]; values: string[] } {
  const pending = new Set(inserted.map((row) => row.dn_norm));
  const groupDns: string[] = [];
  const values: string[] = [];
  for (const row of rows) {
    if (!pending.delete(row.dnNorm)) continue;
    for (const member of row.members) {
      groupDns.push(row.dnNorm);
      values.push(member);
    }
  }
  return { groupDns, values };
}
