import type pg from 'pg';
import { externalIdSql, identityAttributesDifferSql, identityMatchJoinsSql } from './identity-match.js';
import { inMembershipKeyOrder } from './membership-key-order.js';
import { sameStagedContentSql } from './staged-row-content.js';
import { STAGED_USER, type StagingTable } from './staging-tables.js';
import { analyzeJustWritten } from './table-statistics.js';

export interface MemberOfDeltaScope {
  /** The run whose plan_membership rows these are. */
  runId: string;
  /** The staging the run reads, completed from the snapshot's (an incremental read). */
  stagingRunId: string;
  /** The snapshot's staging, whose plan the identities are as left by. */
  snapshotRunId: string;
  directoryId: string;
  syncConfigId: string;
  /** SQL, true for a staged user `u` who is in a mapped group now (reachedUserSql). */
  reachedSql: string;
}

export interface MemberOfDeltaCounts {
  /** Changed users planned here, from their memberOf difference (temp table delta_user). */
  users: number;
  /** Their user-in-group edges now, as the plan proper counts edges (membershipEdges). */
  edges: number;
}

/** staged_user's content without memberOf: what must equal the snapshot's row for a delta user. */
const USER_BUT_MEMBER_OF: StagingTable = {
  ...STAGED_USER,
  columns: STAGED_USER.columns.filter((column) => column !== 'member_of'),
};

/**
 * A shortcut of the narrowed plan (see changed-users.ts) for the users whose only change since the
 * snapshot is their memberOf: the usual case of an incremental re-sync, where groups gained or lost
 * members (at 100k users, 1% of the memberships changed touched 9,230 users). The plan proper rebuilds
 * each such user's edges, mapped groups and desired memberships whole and compares them with its synced
 * ones: about ten rows per user, 95k for those 9,230, most of PLAN's time. Here only the groups that
 * entered or left memberOf are looked at, one row per change.
 *
 * Why that plans the same: the identity table is as the snapshot's apply left it and the plan context
 * (mappings, switches) is the snapshot's, so that apply left a user with an unchanged row and identity
 * exactly the synced memberships of its mapped groups then. Only the apply writes synced_membership; the
 * deletes that cascade into it come from an identity (a changed identity table) or an application group
 * (a changed mapping). The plan now adds the memberships of the mapped groups the user entered and
 * removes those of the groups it left, nothing else; each is checked against synced_membership all the
 * same. A user takes this way only when nothing else of its plan can differ:
 * - its row equals the snapshot's but for memberOf (same DN, login, stable id, attributes);
 * - it matches an active identity of this directory whose attributes equal the row's (no UPDATE, no
 *   CREATE, no REACTIVATE) and it is in a mapped group now (no DEACTIVATE);
 * - no other user of the run or of the snapshot shares its login (the match keeps one user per login,
 *   so a shared login may move the identity to another user). For a fresh or corrected user, every
 *   user of the run sharing its login is a changed_user, and every snapshot row sharing it either was
 *   copied into the run (so is one too) or was replaced by a fresh row (so is a changed_user_before):
 *   the two small tables answer for the 100k rows of each staging.
 * The groups are the snapshot's (their DNs are part of the plan context), so a group a user entered or
 * left counts as it did for the snapshot's plan.
 * Every other changed user goes through the plan proper, which leaves these users and their identities
 * alone (delta_user).
 */
export async function planMemberOfDeltas(
  client: pg.PoolClient,
  scope: MemberOfDeltaScope,
): Promise<MemberOfDeltaCounts> {
  // memberOf is a set: a group is gained when it is in the new set and not the old, lost the other way.
  // A corrected row is the snapshot's but for the groups its correction added and removed (kept with
  // it), so only a fresh row is compared with the snapshot's row: one probe fewer per corrected user.
  const users = await client.query(
    `create temp table delta_user on commit drop as
     select u.dn_norm, i.id as identity_id, u.member_of as member_of_now, u.added, u.removed
     from (select u.*, u.member_of_added as added, u.member_of_removed as removed
           from staged_user u join changed_user c on c.dn_norm = u.dn_norm
           where u.run_id = $1 and u.corrected
           union all
           select u.*, array(select v from unnest(u.member_of) as v where not (v = any(p.member_of))),
                  array(select v from unnest(p.member_of) as v where not (v = any(u.member_of)))
           from staged_user u join changed_user c on c.dn_norm = u.dn_norm
           join staged_user p on p.run_id = $2 and p.dn_norm = u.dn_norm
           where u.run_id = $1 and u.fresh and ${sameStagedContentSql(USER_BUT_MEMBER_OF, 'u', 'p')}) u
     ${identityMatchJoinsSql('u', '$3')}
     join identity i on i.id = coalesce(by_id.id, by_login.id)
     cross join lateral (select u.login, u.display_name, u.email, u.dn, u.dn_norm,
                                ${externalIdSql('u')} as external_id) planned
     where u.login <> ''
       and i.active and i.source_directory_id = $3
       and not ${identityAttributesDifferSql('i', 'planned', '$3')}
       and ${scope.reachedSql}
       and not exists (select 1 from changed_user o where lower(o.login) = lower(u.login) and o.dn_norm <> u.dn_norm)
       and not exists (select 1 from changed_user_before o
                       where lower(o.login) = lower(u.login) and o.dn_norm <> u.dn_norm)`,
    [scope.stagingRunId, scope.snapshotRunId, scope.directoryId],
  );
  await analyzeJustWritten(client, 'delta_user');
  await client.query(
    `insert into plan_membership (run_id, identity_id, app_group_id, ldap_group_dn_norm, action)
     select $1, c.identity_id, c.app_group_id, c.ldap_group_dn_norm, c.action
     from (select moved.identity_id, gm.app_group_id, gm.ldap_group_dn_norm, moved.action
           from (select d.identity_id, v as group_dn_norm, 'ADD' as action
                 from delta_user d cross join lateral unnest(d.added) as v
                 union all
                 select d.identity_id, v, 'REMOVE'
                 from delta_user d cross join lateral unnest(d.removed) as v) moved
           join staged_group g on g.run_id = $2 and g.dn_norm = moved.group_dn_norm
           join group_mapping gm on gm.sync_config_id = $3 and gm.ldap_group_dn_norm = moved.group_dn_norm) c
     -- A probe of the key per change: as an EXISTS in the condition, the planner hashed all 970k synced
     -- memberships of the config for 9.7k changes at 100k users (1.28 s).
     left join lateral (
       select true as held from synced_membership s
       where s.identity_id = c.identity_id and s.app_group_id = c.app_group_id
         and s.sync_config_id = $3 and s.ldap_group_dn_norm = c.ldap_group_dn_norm
       limit 1) s on true
     where (c.action = 'ADD') = (s.held is null)
     ${inMembershipKeyOrder('c')}`,
    [scope.runId, scope.stagingRunId, scope.syncConfigId],
  );
  const edges = await client.query<{ n: number }>(
    `select count(*)::int as n from delta_user d cross join lateral unnest(d.member_of_now) as v
     join staged_group g on g.run_id = $1 and g.dn_norm = v`,
    [scope.stagingRunId],
  );
  return { users: users.rowCount ?? 0, edges: edges.rows[0]?.n ?? 0 };
}
