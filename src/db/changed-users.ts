import type pg from 'pg';
import { identityMatchJoinsSql, loginKeySql } from './identity-match.js';
import { analyzeJustWritten } from './table-statistics.js';

/**
 * The rows a narrowed plan looks at (DirectorySyncPlanRepository, when an incremental staging was
 * completed from the snapshot and no identity changed since its apply): every other staged user is a
 * copy of the snapshot's row and plans as it did then, to nothing.
 */

/** SQL: the users of staging $4 a plan of changed rows left out, one per login as the match counts them. */
export const UNCHANGED_COPIES = `(select count(distinct ${loginKeySql('u')}) from staged_user u
  where u.run_id = $4 and u.login <> '' and u.dn_norm not in (select dn_norm from changed_user))`;

/**
 * SQL, true for an identity `i` a narrowed plan looks at though no user of its run_match may match it:
 * a changed user's row matched it before, and the memberOf delta plan did not take it (delta_user).
 */
export const MATCHED_BY_A_ROW_BEFORE = `(i.id in (select identity_id from changed_user_before)
  and i.id not in (select identity_id from delta_user))`;

/**
 * Temp tables of a plan that matches only changed rows (planChangedUsers): changed_user, the staged
 * users of run $1 that may plan otherwise than in snapshot $2 (every user sharing a login with a fresh
 * or corrected one among them); changed_user_before, the snapshot's rows of those users and of users
 * renamed since (their old DN is gone: with the first, every row a fresh one replaced), with the
 * identity each matches now.
 *
 * A row the run did not read itself is a copy of the snapshot's row of its DN, memberOf aside (the
 * completion copied it from $2, which is what narrows the plan): its own DN, login and stable id are
 * that row's. Only the fresh rows look the snapshot's up, not the 9k carried over at 100k users.
 */
export async function createChangedUserTables(
  client: pg.PoolClient,
  stagingRunId: string,
  snapshotRunId: string,
  directoryId: string,
): Promise<void> {
  // Edges need the group's staged row: a group DN that appeared or went changes its holders' edges.
  await client.query(
    `create temp table changed_user on commit drop as
     with own as (select dn_norm, login from staged_user where run_id = $1 and (fresh or corrected)),
          moved_group as (
            (select dn_norm from staged_group where run_id = $1 except select dn_norm from staged_group where run_id = $2)
            union
            (select dn_norm from staged_group where run_id = $2 except select dn_norm from staged_group where run_id = $1))
     select u.dn_norm, u.login, u.stable_id, u.fresh from staged_user u
     where u.run_id = $1
       and (u.fresh or u.corrected
            or lower(u.login) in (select lower(login) from own)
            or u.member_of && array(select dn_norm from moved_group))`,
    [stagingRunId, snapshotRunId],
  );
  await client.query('create index on changed_user (dn_norm)');
  await analyzeJustWritten(client, 'changed_user');
  await client.query(
    `create temp table changed_user_before on commit drop as
     select p.dn_norm, p.login, coalesce(by_id.id, by_login.id) as identity_id
     from (select c.dn_norm, c.login, c.stable_id from changed_user c where not c.fresh
           union
           select s.dn_norm, s.login, s.stable_id from staged_user s
           join changed_user c on c.dn_norm = s.dn_norm and c.fresh
           where s.run_id = $2
           -- Two joins, not one with OR: that made both subplans per snapshot row (minutes at 100k).
           union
           select s.dn_norm, s.login, s.stable_id from staged_user s
           join staged_user f on f.run_id = $1 and f.fresh and f.stable_id = s.stable_id and f.dn_norm <> s.dn_norm
           where s.run_id = $2) p
     ${identityMatchJoinsSql('p', '$3')}`,
    [stagingRunId, snapshotRunId, directoryId],
  );
  await analyzeJustWritten(client, 'changed_user_before');
}

/**
 * The snapshot's skipped entries that are not changed rows, which this plan does not look at again: its
 * count (snapshotSkipped) less its changed rows that were skipped then (no login, or one another
 * directory's identity holds).
 */
export async function skippedBefore(client: pg.PoolClient, snapshotSkipped: number): Promise<number> {
  const result = await client.query<{ n: number }>(
    `select count(*)::int as n from changed_user_before p
     where p.login is null or p.login = ''
        or (p.identity_id is null and exists (select 1 from identity i where lower(i.login) = lower(p.login)))`,
  );
  return snapshotSkipped - (result.rows[0]?.n ?? 0);
}
