import type pg from 'pg';
import { describe, expect, it } from 'vitest';

import { createRunEdgesTable, type EdgeSource } from '../../../src/db/membership-resolution.repository.js';
import { useMigratedDatabase } from '../../support/migrated-database.js';
import { newStagingRun } from '../../support/staging-run.js';

const NESTED_MEMBER_OF: EdgeSource = {
  membershipSource: 'MEMBER_OF',
  groupMemberAttribute: 'member',
  expandNestedGroups: true,
};

describe('createRunEdgesTable', () => {
  const database = useMigratedDatabase();

  /** u1 is in g1 and g2, u2 in g2, and g2 is nested in g1: u1 reaches g1 both directly and through g2. */
  async function stageDirectory(client: pg.PoolClient, runId: string): Promise<void> {
    await client.query(
      `insert into staged_group (run_id, dn_norm, dn, member_count)
       values ($1, 'cn=g1', 'cn=g1', 1), ($1, 'cn=g2', 'cn=g2', 0)`,
      [runId],
    );
    await client.query(
      `insert into staged_group_member (run_id, group_dn_norm, member_value) values ($1, 'cn=g1', 'cn=g2')`,
      [runId],
    );
    await client.query(
      `insert into staged_user (run_id, dn_norm, dn, member_of)
       values ($1, 'uid=u1', 'uid=u1', '{cn=g1,cn=g2}'), ($1, 'uid=u2', 'uid=u2', '{cn=g2}')`,
      [runId],
    );
  }

  async function edgesOf(client: pg.PoolClient): Promise<string[]> {
    const result = await client.query<{ edge: string }>(
      `select user_dn_norm || ' in ' || group_dn_norm as edge from run_edge order by 1`,
    );
    return result.rows.map((row) => row.edge);
  }

  it('holds a direct and a nested path to the same group once, and only the listed users', async () => {
    const runId = await newStagingRun(database().pool);
    const client = await database().pool.connect();
    try {
      // The table lives for the plan's transaction.
      await client.query('begin');
      await stageDirectory(client, runId);
      expect(await createRunEdgesTable(client, runId, NESTED_MEMBER_OF, null)).toBe(4);
      expect(await edgesOf(client)).toEqual([
        'uid=u1 in cn=g1',
        'uid=u1 in cn=g2',
        'uid=u2 in cn=g1',
        'uid=u2 in cn=g2',
      ]);
      await client.query('drop table run_edge');

      await client.query(`create temp table listed_user as select 'uid=u2'::text as dn_norm`);
      expect(await createRunEdgesTable(client, runId, NESTED_MEMBER_OF, 'listed_user')).toBe(2);
      expect(await edgesOf(client)).toEqual(['uid=u2 in cn=g1', 'uid=u2 in cn=g2']);
    } finally {
      await client.query('rollback');
      client.release();
    }
  });
});
