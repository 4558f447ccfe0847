import type pg from 'pg';
import type { AuthorizationType } from '../domain/identity-states.js';
import type { EdgeSource } from './membership-resolution.repository.js';

/** Which staged member values a user's memberships depend on, besides the user's own memberOf. */
type MemberPairsInContext = 'NONE' | 'GROUPS_IN_GROUPS' | 'ALL';

export interface PlanContextSettings extends EdgeSource {
  syncConfigId: string;
  directoryId: string;
  autoCreateUsers: boolean;
  autoDeactivateUsers: boolean;
  defaultAuthorizationType: AuthorizationType;
}

/**
 * The hash of a run's plan context: everything a user's plan depends on besides the user's own staged
 * row. When two runs' contexts are equal, a user whose row is also equal plans the same, so
 * differential sync resolves and plans only the users whose rows changed.
 */
export class PlanContextRepository {
  constructor(private readonly pool: pg.Pool) {}

  async digest(runId: string, settings: PlanContextSettings): Promise<string> {
    const pairs = memberPairsInContext(settings);
    // Member pairs are hashed as an order-free sum: no sort of a million strings.
    const pairFilter =
      pairs === 'GROUPS_IN_GROUPS'
        ? 'and exists (select 1 from staged_group g where g.run_id = $1 and g.dn_norm = m.member_value)'
        : '';
    const result = await this.pool.query<{ digest: string }>(
      `select md5(concat_ws(E'\\x1e', $2::text,
         (select coalesce(string_agg(gm.app_group_id::text || '@' || gm.ldap_group_dn_norm, ','
                                     order by gm.app_group_id, gm.ldap_group_dn_norm collate "C"), '')
          from group_mapping gm where gm.sync_config_id = $3),
         (select coalesce(string_agg(g.dn_norm, ',' order by g.dn_norm collate "C"), '')
          from staged_group g where g.run_id = $1),
         case when $4 then (
           select count(*) || ':' || coalesce(sum(hashtextextended(m.group_dn_norm || E'\\x1f' || m.member_value, 0)::numeric), 0)
           from staged_group_member m where m.run_id = $1 ${pairFilter})
         else '' end)) as digest`,
      [runId, settingsKey(settings), settings.syncConfigId, pairs !== 'NONE'],
    );
    const digest = result.rows[0]?.digest;
    if (digest === undefined) throw new Error('plan context digest missing');
    return digest;
  }
}

/**
 * With memberOf, a user's groups are in its own row, and only nesting adds the groups' members that are
 * groups. With the groups' member values as the source, every member value counts.
 */
function memberPairsInContext(settings: PlanContextSettings): MemberPairsInContext {
  if (settings.membershipSource === 'GROUP_MEMBERS') return 'ALL';
  return settings.expandNestedGroups ? 'GROUPS_IN_GROUPS' : 'NONE';
}

function settingsKey(settings: PlanContextSettings): string {
  return [
    settings.directoryId,
    settings.autoCreateUsers,
    settings.autoDeactivateUsers,
    settings.defaultAuthorizationType,
    settings.membershipSource,
    settings.groupMemberAttribute,
    settings.expandNestedGroups,
  ].join('|');
}
