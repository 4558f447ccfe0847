import type pg from 'pg';
import type { GroupMemberAttribute, MembershipSource } from '../domain/directory-kinds.js';
import { withTransaction } from './transaction.js';

export interface ResolutionSettings {
  membershipSource: MembershipSource;
  groupMemberAttribute: GroupMemberAttribute;
  expandNestedGroups: boolean;
  /**
   * An incremental run carries unchanged users over from the snapshot with their memberOf as it was:
   * neither AD nor slapd's memberof overlay marks a user changed when a group gains or loses it.
   */
  incremental: boolean;
}

/**
 * Turns a run's staged users and groups into user-in-group edges (staged_edge), in SQL. Only groups the
 * groups query found count. Direct membership is the reference behaviour; with expandNestedGroups, a
 * member of a nested group is also a member of every group that contains it, through cycles (UNION
 * drops repeated rows, so the recursion ends). Re-running replaces the run's edges: idempotent.
 */
export class MembershipResolutionRepository {
  constructor(private readonly pool: pg.Pool) {}

  resolve(runId: string, settings: ResolutionSettings): Promise<number> {
    return withTransaction(this.pool, async (client) => {
      await client.query('delete from staged_edge where run_id = $1', [runId]);
      // Staging was just bulk-loaded: fresh statistics let the planner pick hash joins over the big tables.
      await client.query('analyze staged_user, staged_group, staged_group_member');
      if (settings.incremental && settings.membershipSource === 'MEMBER_OF') {
        // Users carried over keep memberOf as the snapshot had it; the groups read now are the truth for
        // those groups. The corrected values stay in this run's staging, the next run's snapshot.
        await client.query(
          `create temp table fresh_group on commit drop as
           select dn_norm from staged_group where run_id = $1 and fresh`,
          [runId],
        );
        await client.query(
          `create temp table fresh_edge on commit drop as
           select gm.member_value as user_dn_norm, gm.group_dn_norm
           from staged_group_member gm join fresh_group f on f.dn_norm = gm.group_dn_norm
           where gm.run_id = $1`,
          [runId],
        );
        await client.query('create index on fresh_group (dn_norm)');
        await client.query('create index on fresh_edge (user_dn_norm)');
        await client.query('analyze fresh_group, fresh_edge');
        await client.query(
          `update staged_user u set member_of = array(
             select v from unnest(u.member_of) as v where not exists (select 1 from fresh_group f where f.dn_norm = v)
             union
             select e.group_dn_norm from fresh_edge e where e.user_dn_norm = u.dn_norm)
           where u.run_id = $1 and not u.fresh
             and (exists (select 1 from fresh_edge e where e.user_dn_norm = u.dn_norm)
                  or exists (select 1 from unnest(u.member_of) as v join fresh_group f on f.dn_norm = v))`,
          [runId],
        );
      }
      const direct = await client.query(directEdgesSql(settings), [runId]);
      let edges = direct.rowCount ?? 0;
      if (settings.expandNestedGroups && settings.groupMemberAttribute !== 'memberUid') {
        const nested = await client.query(
          `with recursive containing(group_dn_norm, ancestor) as (
             select g.dn_norm, g.dn_norm from staged_group g where g.run_id = $1
             union
             select c.group_dn_norm, gm.group_dn_norm
             from containing c
             join staged_group_member gm on gm.run_id = $1 and gm.member_value = c.ancestor
           )
           insert into staged_edge (run_id, user_dn_norm, group_dn_norm)
           select $1, e.user_dn_norm, c.ancestor
           from staged_edge e join containing c on c.group_dn_norm = e.group_dn_norm
           where e.run_id = $1
           on conflict do nothing`,
          [runId],
        );
        edges += nested.rowCount ?? 0;
      }
      await client.query('analyze staged_edge');
      // The run's edges were deleted above: what the inserts wrote is all there is.
      return edges;
    });
  }
}

function directEdgesSql(settings: ResolutionSettings): string {
  if (settings.membershipSource === 'MEMBER_OF') {
    return `insert into staged_edge (run_id, user_dn_norm, group_dn_norm)
            select u.run_id, u.dn_norm, g.dn_norm
            from staged_user u
            cross join lateral unnest(u.member_of) as m(group_dn_norm)
            join staged_group g on g.run_id = u.run_id and g.dn_norm = m.group_dn_norm
            where u.run_id = $1
            on conflict do nothing`;
  }
  // memberUid values are login names (stored lower-cased); member/uniqueMember values are normalized DNs.
  const userKey = settings.groupMemberAttribute === 'memberUid' ? 'lower(u.login)' : 'u.dn_norm';
  return `insert into staged_edge (run_id, user_dn_norm, group_dn_norm)
          select gm.run_id, u.dn_norm, gm.group_dn_norm
          from staged_group_member gm
          join staged_user u on u.run_id = gm.run_id and ${userKey} = gm.member_value
          where gm.run_id = $1
          on conflict do nothing`;
}
