import type pg from 'pg';
import { startDbBatchTimer } from '../observability/metrics.js';

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

  /** Members that are groups of this run are nested groups: recorded without a directory read. */
  async recordNestedGroups(runId: string): Promise<number> {
    const result = await this.pool.query(
      `insert into member_lookup (run_id, member_dn_norm, member_dn, account_login, outcome)
       select distinct $1::uuid, m.member_value, g.dn, null::text, 'GROUP'
       from staged_group_member m join staged_group g on g.run_id = m.run_id and g.dn_norm = m.member_value
       where m.run_id = $1
       on conflict do nothing`,
      [runId],
    );
    // Statistics for the listing that follows: believing member_lookup empty, the planner scanned it
    // whole for every member value no identity holds (0.2 s of a 100k run's 0.5 s listing).
    await this.pool.query('analyze member_lookup');
    return result.rowCount ?? 0;
  }

  /**
   * The member DNs that need a directory read, in key order: no identity holds the DN and no read of
   * this run answered it (a retried activity gets only those still open). Listed once per activity, not
   * per batch: each listing reads every member value of the run (970k at 100k users), so one per batch
   * of reads would make the look-ups grow with the square of the unknown members. Identities are
   * matched before the values are made distinct, which leaves few to sort.
   */
  async unknownMembers(runId: string): Promise<string[]> {
    const result = await this.pool.query<{ member_value: string }>(
      `select distinct m.member_value from staged_group_member m
       where m.run_id = $1
         and not exists (select 1 from identity i where i.dn_norm = m.member_value)
         and not exists (select 1 from member_lookup l where l.run_id = $1 and l.member_dn_norm = m.member_value)
       order by 1`,
      [runId],
    );
    return result.rows.map((row) => row.member_value);
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

  /** Logs every distinct member that found no identity, with its DN and why; returns how many. */
  async logUnresolved(runId: string): Promise<number> {
    const result = await this.pool.query(
      `insert into run_log (run_id, created_at, level, phase, message, dn)
       select $1, now(), case when l.outcome = 'GROUP' then 'INFO' else 'WARN' end, 'RESOLVE_MEMBERS',
              case coalesce(l.outcome, 'NO_IDENTITY')
                when 'GROUP' then 'Nested group among members: not expanded'
                when 'NOT_FOUND' then 'Member DN points to no entry (dangling)'
                when 'NO_LOGIN' then 'Member entry has no value for the login attribute'
                else 'No identity for this member' end,
              coalesce(l.member_dn, m.member_value)
       from (select distinct v.member_value from staged_group_member v
             where v.run_id = $1 and not exists (select 1 from identity i where i.dn_norm = v.member_value)) m
       left join member_lookup l on l.run_id = $1 and l.member_dn_norm = m.member_value
       where not exists (select 1 from identity i where l.account_login is not null and lower(i.login) = lower(l.account_login))`,
      [runId],
    );
    return result.rowCount ?? 0;
  }

  async counts(runId: string): Promise<LookupCounts> {
    const result = await this.pool.query<{ values: string; lookups: string }>(
      `select (select count(*) from staged_group_member where run_id = $1) as values,
              (select count(*) from member_lookup where run_id = $1 and outcome <> 'GROUP') as lookups`,
      [runId],
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
