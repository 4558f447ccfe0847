import type pg from 'pg';
import { startDbBatchTimer } from '../observability/metrics.js';
import type { RunStaging } from './staging-tables.js';

export type LookupOutcome = 'RESOLVED' | 'NOT_FOUND' | 'GROUP' | 'NO_LOGIN' | 'INVALID_DN';

export interface LookupRow {
  memberDnNorm: string;
  memberDn: string;
  accountLogin: string | null;
  outcome: LookupOutcome;
}

export interface LookupCounts {
  memberValues: number;
  lookupsMade: number;
  /** Member values answered without a new directory read (a known identity, or a DN read before). */
  cacheHits: number;
}

/**
 * The run's cache of member look-ups (member_lookup). A member DN needs a directory read only when no
 * identity holds that DN already, it is not one of the run's own groups, and no earlier read of this
 * run answered it; reads are written here, so a retried activity continues where the last one stopped.
 */
export class MemberLookupRepository {
  constructor(private readonly pool: pg.Pool) {}

  /**
   * Readies the run's look-ups (again, for a retried activity): records the members that are groups of
   * the run as nested groups, and returns the members no identity holds as its DN (the only ones the
   * look-ups and the unresolved log look at) and, of those, the ones still to read on the member system.
   */
  async beginLookups(run: RunStaging): Promise<{ withoutIdentity: string[]; unknown: string[] }> {
    const withoutIdentity = await this.membersWithoutIdentity(run.stagingRunId);
    await this.recordNestedGroups(run, withoutIdentity);
    return { withoutIdentity, unknown: await this.unknownMembers(run.runId, withoutIdentity) };
  }

  /**
   * The run's distinct member values that no identity holds as its DN, in key order. Listed once per
   * activity: each listing reads every member value of the run (970k at 100k users), where the rest then
   * handles the few thousand left. Identities are matched before the values are made distinct, which
   * leaves few to sort.
   */
  private async membersWithoutIdentity(stagingRunId: string): Promise<string[]> {
    const result = await this.pool.query<{ member_value: string }>(
      `select distinct m.member_value from staged_group_member m
       where m.run_id = $1 and not exists (select 1 from identity i where i.dn_norm = m.member_value)
       order by 1`,
      [stagingRunId],
    );
    return result.rows.map((row) => row.member_value);
  }

  /** Members that are groups of this run are nested groups: recorded without a directory read. */
  private async recordNestedGroups(run: RunStaging, members: readonly string[]): Promise<void> {
    await this.pool.query(
      `insert into member_lookup (run_id, member_dn_norm, member_dn, account_login, outcome)
       select $1::uuid, g.dn_norm, g.dn, null::text, 'GROUP'
       from unnest($2::text[]) as v(dn_norm) join staged_group g on g.run_id = $3 and g.dn_norm = v.dn_norm
       on conflict do nothing`,
      [run.runId, members, run.stagingRunId],
    );
    // Statistics for the statements that follow: believing member_lookup empty, the planner scanned it
    // whole for every member value no identity holds (0.2 s of a 100k run's 0.5 s listing).
    await this.pool.query('analyze member_lookup');
  }

  /** The members that need a directory read, in key order: those no read of this run answered yet. */
  private async unknownMembers(runId: string, members: readonly string[]): Promise<string[]> {
    const result = await this.pool.query<{ dn_norm: string }>(
      `select v.dn_norm from unnest($2::text[]) as v(dn_norm)
       where not exists (select 1 from member_lookup l where l.run_id = $1 and l.member_dn_norm = v.dn_norm)
       order by 1`,
      [runId, members],
    );
    return result.rows.map((row) => row.dn_norm);
  }

  async save(runId: string, rows: readonly LookupRow[]): Promise<void> {
    if (rows.length === 0) return;
    const written = startDbBatchTimer('save_member_lookups');
    await this.pool.query(
      `insert into member_lookup (run_id, member_dn_norm, member_dn, account_login, outcome)
       select $1, r."memberDnNorm", r."memberDn", r."accountLogin", r.outcome
       from jsonb_to_recordset($2::jsonb) as r("memberDnNorm" text, "memberDn" text, "accountLogin" text, outcome text)
       on conflict do nothing`,
      [runId, JSON.stringify(rows)],
    );
    written();
  }

  /**
   * Logs every member (of beginLookups' withoutIdentity) that found no identity through its look-up
   * either, with its DN and why; returns how many.
   */
  async logUnresolved(runId: string, members: readonly string[]): Promise<number> {
    const result = await this.pool.query(
      `insert into run_log (run_id, created_at, level, phase, message, dn)
       select $1, now(), case when l.outcome = 'GROUP' then 'INFO' else 'WARN' end, 'RESOLVE_MEMBERS',
              case coalesce(l.outcome, 'NO_IDENTITY')
                when 'GROUP' then 'Nested group among members: not expanded'
                when 'NOT_FOUND' then 'Member DN points to no entry (dangling)'
                when 'NO_LOGIN' then 'Member entry has no value for the login attribute'
                else 'No identity for this member' end,
              coalesce(l.member_dn, m.dn_norm)
       from unnest($2::text[]) as m(dn_norm)
       left join member_lookup l on l.run_id = $1 and l.member_dn_norm = m.dn_norm
       where not exists (select 1 from identity i where l.account_login is not null and lower(i.login) = lower(l.account_login))`,
      [runId, members],
    );
    return result.rowCount ?? 0;
  }

  async counts(run: RunStaging): Promise<LookupCounts> {
    const result = await this.pool.query<{ values: string; lookups: string }>(
      `select (select count(*) from staged_group_member where run_id = $2) as values,
              (select count(*) from member_lookup where run_id = $1 and outcome <> 'GROUP') as lookups`,
      [run.runId, run.stagingRunId],
    );
    const row = result.rows[0];
    const memberValues = Number(row?.values ?? 0);
    const lookupsMade = Number(row?.lookups ?? 0);
    return { memberValues, lookupsMade, cacheHits: memberValues - lookupsMade };
  }

  async clear(runId: string): Promise<void> {
    await this.pool.query('delete from member_lookup where run_id = $1', [runId]);
  }
}
