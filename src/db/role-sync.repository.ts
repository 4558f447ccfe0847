import type pg from 'pg';
import type { RunStaging } from './staging-tables.js';
import { analyzeJustWritten } from './table-statistics.js';
import { withTransaction } from './transaction.js';

export interface RoleSyncSettings {
  syncConfigId: string;
  directoryId: string;
  membershipManagement: boolean;
  memberDirectoryId: string | null;
  memberAttribute: string | null;
  forwardProvisioning: boolean;
  skipValueIfContractExcluded: boolean;
}

export interface RoleSyncCounts {
  rolesCreated: number;
  rolesUpdated: number;
  duplicateCodes: number;
}

/** A staged group with the catalogue path its role belongs under (computed by the caller). */
export interface RolePlacement {
  dnNorm: string;
  path: string[];
}

/**
 * Groups become roles, set-based: a role is identified by its directory and the group's normalized DN,
 * created or updated in one statement. The role code is the group name; where two groups share a name
 * (or another role holds it), the DN is added to keep codes unique, and a WARN line names the group.
 */
export class RoleSyncRepository {
  constructor(private readonly pool: pg.Pool) {}

  upsertRoles({ runId, stagingRunId }: RunStaging, settings: RoleSyncSettings): Promise<RoleSyncCounts> {
    return withTransaction(this.pool, async (client) => {
      // The first statement after the groups read: fresh statistics let this and every later phase of the
      // run hash-join the staged groups and member values (guessed at one row, nested loops ran
      // O(members x roles): minutes at 10k groups). An adopted staging has them from its own run.
      if (stagingRunId === runId) await analyzeJustWritten(client, 'staged_group, staged_group_member');
      // Which groups need the DN in their role code: a name another group of the run shares, or a role of
      // another group holds. Names grouped once (a per-group search of the run's groups was O(groups^2)).
      await client.query(
        `create temp table run_role_code on commit drop as
         with shared as (
           select lower(name) as name from staged_group where run_id = $1 and name is not null
           group by 1 having count(*) > 1)
         select g.dn_norm,
                case when g.name is null
                          or lower(g.name) in (select name from shared)
                          or exists (select 1 from role r where lower(r.code) = lower(g.name)
                                     and (r.source_directory_id is distinct from $2 or r.system_identifier <> g.dn_norm))
                     then coalesce(g.name || ' ', '') || '(' || g.dn_norm || ')'
                     else g.name end as code
         from staged_group g where g.run_id = $1`,
        [stagingRunId, settings.directoryId],
      );
      await client.query('create unique index on run_role_code (dn_norm)');
      await client.query('analyze run_role_code');
      const duplicates = await client.query(
        `insert into run_log (run_id, created_at, level, phase, message, dn)
         select $1, now(), 'WARN', 'READ_GROUPS', 'Duplicate role code "' || g.name || '": the group DN is added to the code', g.dn
         from staged_group g join run_role_code c on c.dn_norm = g.dn_norm
         where g.run_id = $2 and g.name is not null and c.code <> g.name`,
        [runId, stagingRunId],
      );
      const upserted = await client.query<{ inserted: boolean }>(
        `insert into role (id, name, code, description, source_directory_id, sync_config_id, system_identifier,
                           member_directory_id, member_attribute, role_membership_id, forward_provisioning,
                           skip_value_if_contract_excluded, created_at, updated_at)
         select gen_random_uuid(), coalesce(g.name, g.dn), c.code, g.description, $2, $3, g.dn_norm,
                $4, $5, case when $4::uuid is null then null else g.dn end, $6, $7, now(), now()
         from staged_group g join run_role_code c on c.dn_norm = g.dn_norm
         where g.run_id = $1
         on conflict (source_directory_id, system_identifier) do update
           set name = excluded.name, code = excluded.code, description = excluded.description, sync_config_id = excluded.sync_config_id,
               member_directory_id = excluded.member_directory_id, member_attribute = excluded.member_attribute,
               role_membership_id = excluded.role_membership_id, forward_provisioning = excluded.forward_provisioning,
               skip_value_if_contract_excluded = excluded.skip_value_if_contract_excluded, updated_at = now()
           where (role.name, role.code, role.description, role.sync_config_id, role.member_directory_id, role.member_attribute,
                  role.role_membership_id, role.forward_provisioning, role.skip_value_if_contract_excluded)
                 is distinct from (excluded.name, excluded.code, excluded.description, excluded.sync_config_id,
                  excluded.member_directory_id, excluded.member_attribute, excluded.role_membership_id,
                  excluded.forward_provisioning, excluded.skip_value_if_contract_excluded)
         returning (xmax = 0) as inserted`,
        [
          stagingRunId,
          settings.directoryId,
          settings.syncConfigId,
          settings.membershipManagement ? settings.memberDirectoryId : null,
          settings.membershipManagement ? settings.memberAttribute : null,
          settings.forwardProvisioning,
          settings.skipValueIfContractExcluded,
        ],
      );
      const created = upserted.rows.filter((row) => row.inserted).length;
      return {
        rolesCreated: created,
        rolesUpdated: upserted.rows.length - created,
        duplicateCodes: duplicates.rowCount ?? 0,
      };
    });
  }

  /** The staged groups of a run's staging (DN and catalogue value), for computing catalogue paths. */
  async stagedGroupsForCatalogue(
    stagingRunId: string,
  ): Promise<{ dn: string; dnNorm: string; catalogueValue: string | null }[]> {
    const result = await this.pool.query<{ dn: string; dn_norm: string; catalogue_value: string | null }>(
      'select dn, dn_norm, catalogue_value from staged_group where run_id = $1',
      [stagingRunId],
    );
    return result.rows.map((row) => ({
      dn: row.dn,
      dnNorm: row.dn_norm,
      catalogueValue: row.catalogue_value,
    }));
  }

  /**
   * Creates the catalogue nodes of every path (each node under its parent; a node's code is its full
   * path, so re-running finds the same nodes) and places each role of the staging's groups under its
   * path's last node, replacing the role's earlier placement.
   */
  placeInCatalogue(
    stagingRunId: string,
    directoryId: string,
    placements: readonly RolePlacement[],
  ): Promise<number> {
    return withTransaction(this.pool, async (client) => {
      const maxDepth = Math.max(0, ...placements.map((placement) => placement.path.length));
      const nodes = new Map<
        string,
        { name: string; code: string; parentCode: string | null; depth: number }
      >();
      for (const { path } of placements) {
        path.forEach((name, index) => {
          const code = path.slice(0, index + 1).join('/');
          nodes.set(code, {
            name,
            code,
            parentCode: index === 0 ? null : path.slice(0, index).join('/'),
            depth: index,
          });
        });
      }
      for (let depth = 0; depth < maxDepth; depth++) {
        const level = [...nodes.values()].filter((node) => node.depth === depth);
        await client.query(
          `insert into role_catalogue_node (id, name, code, parent_id, created_at)
           select gen_random_uuid(), n.name, n.code, p.id, now()
           from jsonb_to_recordset($1::jsonb) as n(name text, code text, "parentCode" text)
           left join role_catalogue_node p on p.code = n."parentCode"
           on conflict (code) do nothing`,
          [JSON.stringify(level)],
        );
      }
      const rows = placements
        .filter((p) => p.path.length > 0)
        .map((p) => ({ dnNorm: p.dnNorm, code: p.path.join('/') }));
      await client.query(
        `delete from role_catalogue_placement pl using role r, staged_group g
         where pl.role_id = r.id and r.source_directory_id = $2 and r.system_identifier = g.dn_norm and g.run_id = $1`,
        [stagingRunId, directoryId],
      );
      const placed = await client.query(
        `insert into role_catalogue_placement (role_id, node_id)
         select r.id, n.id
         from jsonb_to_recordset($2::jsonb) as x("dnNorm" text, code text)
         join role r on r.source_directory_id = $1 and r.system_identifier = x."dnNorm"
         join role_catalogue_node n on n.code = x.code
         on conflict do nothing`,
        [directoryId, JSON.stringify(rows)],
      );
      return placed.rowCount ?? 0;
    });
  }
}
