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
  members: string[];
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

  async insertUsers(runId: string, rows: readonly StagedUserRow[]): Promise<number> {
    if (rows.length === 0) return 0;
    const written = startDbBatchTimer('stage_users');
    // A page may repeat a DN in another spelling; the first one wins.
    const result = await this.pool.query(
      `insert into staged_user (run_id, dn_norm, dn, stable_id, login, display_name, email, external_id, member_of)
       select $1, r."dnNorm", r.dn, r."stableId", r.login, r."displayName", r.email, r."externalId", r."memberOf"
       from jsonb_to_recordset($2::jsonb) as r("dnNorm" text, dn text, "stableId" text, login text,
            "displayName" text, email text, "externalId" text, "memberOf" text[])
       on conflict do nothing`,
      [runId, JSON.stringify(rows)],
    );
    written();
    return result.rowCount ?? 0;
  }

  /** Inserts groups and their member values in one transaction; returns the member values written. */
  async insertGroups(
    runId: string,
    rows: readonly StagedGroupRow[],
  ): Promise<{ groups: number; members: number }> {
    if (rows.length === 0) return { groups: 0, members: 0 };
    const groupDns: string[] = [];
    const memberValues: string[] = [];
    for (const row of rows) {
      for (const member of row.members) {
        groupDns.push(row.dnNorm);
        memberValues.push(member);
      }
    }
    const written = startDbBatchTimer('stage_groups');
    return withTransaction(this.pool, async (client) => {
      const groups = await client.query(
        `insert into staged_group (run_id, dn_norm, dn, stable_id, name, member_count, description, catalogue_value)
         select $1, r."dnNorm", r.dn, r."stableId", r.name, r."memberCount", r.description, r."catalogueValue"
         from jsonb_to_recordset($2::jsonb) as r("dnNorm" text, dn text, "stableId" text, name text, "memberCount" int,
              description text, "catalogueValue" text)
         on conflict do nothing`,
        [
          runId,
          JSON.stringify(rows.map(({ members, ...group }) => ({ ...group, memberCount: members.length }))),
        ],
      );
      const members = await client.query(
        `insert into staged_group_member (run_id, group_dn_norm, member_value)
         select $1, g, m from unnest($2::text[], $3::text[]) as t(g, m)
         on conflict do nothing`,
        [runId, groupDns, memberValues],
      );
      written();
      return { groups: groups.rowCount ?? 0, members: members.rowCount ?? 0 };
    });
  }

  /**
   * Gives a retry the staging its failed run finished reading: one INSERT ... SELECT per table, replacing
   * whatever an earlier attempt of the retry copied.
   */
  async copyRun(fromRunId: string, toRunId: string): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      for (const table of ['staged_user', 'staged_group', 'staged_group_member']) {
        await client.query(`delete from ${table} where run_id = $1`, [toRunId]);
      }
      await client.query(
        `insert into staged_user (run_id, dn_norm, dn, stable_id, login, display_name, email, external_id, member_of)
         select $2, dn_norm, dn, stable_id, login, display_name, email, external_id, member_of from staged_user where run_id = $1`,
        [fromRunId, toRunId],
      );
      await client.query(
        `insert into staged_group (run_id, dn_norm, dn, stable_id, name, member_count, description, catalogue_value)
         select $2, dn_norm, dn, stable_id, name, member_count, description, catalogue_value from staged_group where run_id = $1`,
        [fromRunId, toRunId],
      );
      await client.query(
        `insert into staged_group_member (run_id, group_dn_norm, member_value)
         select $2, group_dn_norm, member_value from staged_group_member where run_id = $1`,
        [fromRunId, toRunId],
      );
      await client.query(
        `update sync_run t set counters = t.counters || jsonb_strip_nulls(jsonb_build_object(
           'usersRead', f.counters->'usersRead', 'groupsRead', f.counters->'groupsRead',
           'memberOfValuesRead', f.counters->'memberOfValuesRead', 'groupMemberValuesRead', f.counters->'groupMemberValuesRead'))
         from sync_run f where f.id = $1 and t.id = $2`,
        [fromRunId, toRunId],
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
