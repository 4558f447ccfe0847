import type pg from 'pg';
import { SYNC_ROLE_REQUEST_RESULT_CODE, type IdentityRoleOrigin } from '../domain/role-states.js';
import { lockParentRows } from './parent-locks.js';
import { primaryContractOf } from './primary-contract.js';
import type { RunStaging } from './staging-tables.js';
import { TIME_ORDERED_UUID_SQL } from './time-ordered-uuid.js';
import { analyzeJustWritten, analyzeStaleTables } from './table-statistics.js';
import { withTransaction } from './transaction.js';

export interface RolePlanSettings {
  syncConfigId: string;
  directoryId: string;
  removeRolesNotInSystem: boolean;
}

export interface RolePlanCounts {
  roleRequestsCreated: number;
  rolesToAdd: number;
  rolesToRemove: number;
  identitiesWithoutPrimaryContract: number;
}

export interface ExecutedCounts {
  requests: number;
  rolesAdded: number;
  rolesRemoved: number;
}

/**
 * Deferred role requests: planning collects every role change of the run per identity into ONE request
 * (state CONCEPT, result code SYNC-OF-ROLES-COMMON-ROLE-REQUEST); executing applies whole requests in
 * batches, each batch one transaction that also marks its requests EXECUTED, so a crash and retry
 * executes every request exactly once.
 */
export class RoleRequestRepository {
  constructor(private readonly pool: pg.Pool) {}

  async planSyncRequests(
    { runId, stagingRunId }: RunStaging,
    settings: RolePlanSettings,
  ): Promise<RolePlanCounts> {
    // The last commit wrote the assignments (970k at 100k users), the directory sync the identities and
    // contracts. Believing identity_role nearly empty, the planner probed run_role_member once per
    // assignment: 9-10 s for the changes of an unchanged 100k run, 2.7-3.8 s with statistics.
    await analyzeStaleTables(this.pool, ['identity', 'contract', 'role', 'identity_role']);
    return withTransaction(this.pool, async (client) => {
      await client.query(`delete from role_request where created_by_run_id = $1 and state = 'CONCEPT'`, [
        runId,
      ]);
      await client.query(`delete from run_log where run_id = $1 and phase = 'PLAN'`, [runId]);
      // The resolve just wrote the look-ups. Until autovacuum gets to them the planner may guess two rows
      // and check every member value against every look-up: 1.84 s -> 0.31 s replayed at 10k users.
      await client.query('analyze member_lookup');
      // Who is a member of which synced role now: by the identity's DN, else by the looked-up account login.
      // A group's member values are unique, so the pairs found by DN are too; only those found by login
      // can repeat one (two looked-up DNs with one login, or a login whose identity's DN is a member
      // too), and only they are made distinct: de-duplicating all 970k pairs of a 100k run took 0.5 s.
      await client.query(
        `create temp table run_role_member on commit drop as
         select by_dn.id as identity_id, r.id as role_id
         from staged_group_member m
         join role r on r.source_directory_id = $2 and r.system_identifier = m.group_dn_norm
         join identity by_dn on by_dn.dn_norm = m.member_value
         where m.run_id = $3
         union all
         select distinct by_login.id, r.id
         from staged_group_member m
         join role r on r.source_directory_id = $2 and r.system_identifier = m.group_dn_norm
         join member_lookup l on l.run_id = $1 and l.member_dn_norm = m.member_value and l.account_login is not null
         join identity by_login on lower(by_login.login) = lower(l.account_login)
         where m.run_id = $3
           and not exists (select 1 from identity i where i.dn_norm = m.member_value)
           and not exists (select 1 from staged_group_member d where d.run_id = $3
                           and d.group_dn_norm = m.group_dn_norm and d.member_value = by_login.dn_norm)`,
        [runId, settings.directoryId, stagingRunId],
      );
      // The member identities once each, with their primary contract (null: none): made distinct once
      // for both the contracts and the warnings below.
      await client.query(
        `create temp table run_identity on commit drop as
         select m.identity_id, p.contract_id from (select distinct identity_id from run_role_member) m
         left join ${primaryContractOf('m.identity_id', 'id as contract_id')} p on true`,
      );
      await client.query(`create unique index on run_identity (identity_id)`);
      // Temp tables get no statistics by themselves: analyzed, the membership checks below are hash joins,
      // never a scan of run_role_member per assignment. Every check reads all of run_role_member, so an
      // index on it would go unused (it took 0.6-0.9 s to build at 100k users).
      await client.query(`analyze run_role_member, run_identity`);
      const withoutContract = await client.query(
        `insert into run_log (run_id, created_at, level, phase, message, dn)
         select $1, now(), 'WARN', 'PLAN', 'No primary contract: identity ' || i.login || ' gets no synced role', i.dn
         from run_identity m join identity i on i.id = m.identity_id
         where m.contract_id is null`,
        [runId],
      );
      // The changes in one pass: the member pairs on their primary contract against the assignments of
      // the directory's and the config's roles, joined by contract and role (a contract is its identity's).
      // A member pair no assignment matches is added. An assignment nothing matches is removed when it is
      // the sync's own, unless its identity is still a member on another contract (checked next, for those
      // few). As two anti-joins, each side of 970k pairs at 100k users was hashed twice (2 s).
      await client.query(
        `create temp table run_role_change on commit drop as
         select coalesce(d.identity_id, a.identity_id) as identity_id, coalesce(d.role_id, a.role_id) as role_id,
                case when a.role_id is null then 'ADD' else 'REMOVE' end as operation
         from (select d.identity_id, d.role_id, p.contract_id
               from run_role_member d join run_identity p on p.identity_id = d.identity_id
               where p.contract_id is not null) d
         full join (select ir.identity_id, ir.role_id, ir.contract_id,
                           ir.origin = 'SYNC' and r.sync_config_id = $1 as synced
                    from identity_role ir join role r on r.id = ir.role_id
                    where r.source_directory_id = $3 or r.sync_config_id = $1) a
           on a.contract_id = d.contract_id and a.role_id = d.role_id
         where a.role_id is null or (d.role_id is null and a.synced and $2)`,
        [settings.syncConfigId, settings.removeRolesNotInSystem, settings.directoryId],
      );
      await analyzeJustWritten(client, 'run_role_change');
      await client.query(
        `delete from run_role_change c where c.operation = 'REMOVE'
         and exists (select 1 from run_role_member d where d.identity_id = c.identity_id and d.role_id = c.role_id)`,
      );
      const requests = await client.query(
        `insert into role_request (id, identity_id, state, result_code, created_by_run_id, created_at)
         select ${TIME_ORDERED_UUID_SQL}, identity_id, 'CONCEPT', $2, $1, now()
         from (select distinct identity_id from run_role_change) x
         order by identity_id`,
        [runId, SYNC_ROLE_REQUEST_RESULT_CODE],
      );
      // role_request_item has no foreign keys (see its entity): the requests are this transaction's own,
      // the roles are locked once, and only items of roles still there are written.
      await lockParentRows(client, 'role', 'select role_id from run_role_change', []);
      const items = await client.query<{ operation: string; n: string }>(
        `with inserted as (
           insert into role_request_item (id, request_id, role_id, operation, state, provisioning_state)
           select ${TIME_ORDERED_UUID_SQL}, rr.id, r.id, c.operation, 'PENDING', 'NOT_NEEDED'
           from run_role_change c
           join role r on r.id = c.role_id
           join role_request rr on rr.created_by_run_id = $1 and rr.state = 'CONCEPT' and rr.identity_id = c.identity_id
           order by c.identity_id
           returning operation
         )
         select operation, count(*) as n from inserted group by operation`,
        [runId],
      );
      // The commit follows at once, before autovacuum could look: fresh statistics let every batch find its
      // items through the request index (guessed, the planner may scan all items per batch). With no
      // request there is no batch to plan (an unchanged run: 0.2 s saved at 100k users).
      if ((requests.rowCount ?? 0) > 0) await client.query('analyze role_request, role_request_item');
      const byOperation = new Map(items.rows.map((row) => [row.operation, Number(row.n)]));
      return {
        roleRequestsCreated: requests.rowCount ?? 0,
        rolesToAdd: byOperation.get('ADD') ?? 0,
        rolesToRemove: byOperation.get('REMOVE') ?? 0,
        identitiesWithoutPrimaryContract: withoutContract.rowCount ?? 0,
      };
    });
  }

  /** What the run's executed requests did, counted from the requests themselves (right after any retry). */
  async executedCounts(runId: string): Promise<ExecutedCounts> {
    const result = await this.pool.query<{ requests: string; added: string; removed: string }>(
      `select count(distinct rr.id) as requests,
              count(*) filter (where it.operation = 'ADD') as added,
              count(*) filter (where it.operation = 'REMOVE') as removed
       from role_request rr join role_request_item it on it.request_id = rr.id
       where rr.created_by_run_id = $1 and rr.state = 'EXECUTED'`,
      [runId],
    );
    const row = result.rows[0];
    return {
      requests: Number(row?.requests ?? 0),
      rolesAdded: Number(row?.added ?? 0),
      rolesRemoved: Number(row?.removed ?? 0),
    };
  }

  /**
   * Ids of the run's requests still to execute, in identity order: the order the plan wrote their items
   * in, so a batch reads its items from neighbouring pages and adds assignments at neighbouring places of
   * the identity index (in random order, a 100k commit evicted its own pages from shared buffers).
   */
  async pendingRequestIds(runId: string): Promise<string[]> {
    const result = await this.pool.query<{ id: string }>(
      `select id from role_request where created_by_run_id = $1 and state = 'CONCEPT' order by identity_id, id`,
      [runId],
    );
    return result.rows.map((row) => row.id);
  }

  /**
   * Executes the given requests in one transaction: ADD items assign the role to the identity's primary
   * contract, REMOVE items take away assignments of the given origin. Requests no longer CONCEPT (done
   * by an earlier attempt) are skipped, so re-executing is harmless.
   */
  executeRequests(
    requestIds: readonly string[],
    origin: IdentityRoleOrigin,
    syncConfigId: string | null,
  ): Promise<ExecutedCounts> {
    return withTransaction(this.pool, async (client) => {
      const locked = await client.query<{ id: string }>(
        `select id from role_request where id = any($1::uuid[]) and state = 'CONCEPT' order by id for update`,
        [requestIds],
      );
      const ids = locked.rows.map((row) => row.id);
      if (ids.length === 0) return { requests: 0, rolesAdded: 0, rolesRemoved: 0 };
      // The batch's items with each identity's primary contract, collected once through the request index:
      // every statement below joins this small table. Joined to role_request_item and identity_role
      // directly, the planner scanned both whole for every batch, which made the commit grow with the
      // square of the run. The contract is looked up once per request, not per item.
      await client.query(
        `create temp table batch_item on commit drop as
         with request as materialized (
           select rr.id, rr.identity_id, p.contract_id
           from role_request rr
           left join ${primaryContractOf('rr.identity_id', 'id as contract_id')} p on true
           where rr.id = any($1::uuid[])
         )
         select it.operation, it.role_id, rq.identity_id, rq.contract_id
         from request rq join role_request_item it on it.request_id = rq.id
         where it.request_id = any($1::uuid[])`,
        [ids],
      );
      await client.query('analyze batch_item');
      // identity_role has no foreign keys (see its entity): its parents are locked once each, and the
      // insert takes only those it still finds (the sync config, gone meanwhile, becomes null).
      await lockParentRows(client, 'identity', 'select identity_id from batch_item', []);
      await lockParentRows(
        client,
        'contract',
        `select contract_id from batch_item where operation = 'ADD'`,
        [],
      );
      await lockParentRows(client, 'role', `select role_id from batch_item where operation = 'ADD'`, []);
      if (syncConfigId !== null)
        await lockParentRows(client, 'sync_config', 'select $1::uuid', [syncConfigId]);
      const added = await client.query(
        `insert into identity_role (id, identity_id, contract_id, role_id, origin, sync_config_id, created_at)
         select ${TIME_ORDERED_UUID_SQL}, i.id, ct.id, r.id, $1, (select c.id from sync_config c where c.id = $2), now()
         from batch_item b
         join identity i on i.id = b.identity_id
         join contract ct on ct.id = b.contract_id
         join role r on r.id = b.role_id
         where b.operation = 'ADD'
         on conflict (contract_id, role_id) do nothing`,
        [origin, syncConfigId],
      );
      const removed = await client.query(
        `delete from identity_role ir using batch_item b
         where b.operation = 'REMOVE' and ir.identity_id = b.identity_id and ir.role_id = b.role_id and ir.origin = $1`,
        [origin],
      );
      await client.query(
        `update role_request_item set state = 'EXECUTED' where request_id = any($1::uuid[])`,
        [ids],
      );
      await client.query(
        `update role_request set state = 'EXECUTED', executed_at = now() where id = any($1::uuid[])`,
        [ids],
      );
      return { requests: ids.length, rolesAdded: added.rowCount ?? 0, rolesRemoved: removed.rowCount ?? 0 };
    });
  }
}
