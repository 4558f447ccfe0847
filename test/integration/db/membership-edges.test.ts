import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';

import { insertEdges, type EdgeSource } from '../../../src/db/membership-resolution.repository.js';
import { useMigratedDatabase } from '../../support/migrated-database.js';

const NESTED_MEMBER_OF: EdgeSource = {
  membershipSource: 'MEMBER_OF',
  groupMemberAttribute: 'member',
  expandNestedGroups: true,
};

describe('insertEdges', () => {
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

  async function edgesOf(client: pg.PoolClient, runId: string): Promise<string[]> {
    const result = await client.query<{ edge: string }>(
      `select user_dn_norm || ' in ' || group_dn_norm as edge from staged_edge where run_id = $1 order by 1`,
      [runId],
    );
    return result.rows.map((row) => row.edge);
  }

  it('writes a direct and a nested path to the same group once, and rewriting users replaces their edges', async () => {
    const runId = randomUUID();
    const client = await database().pool.connect();
    try {
      await stageDirectory(client, runId);
      const expected = ['uid=u1 in cn=g1', 'uid=u1 in cn=g2', 'uid=u2 in cn=g1', 'uid=u2 in cn=g2'];

      expect(await insertEdges(client, runId, NESTED_MEMBER_OF, null)).toBe(4);
      expect(await edgesOf(client, runId)).toEqual(expected);

      // A retried plan writes its users' edges again: they replace the earlier ones, no key is hit twice.
      await client.query(`create temp table listed_user as select 'uid=u1'::text as dn_norm`);
      expect(await insertEdges(client, runId, NESTED_MEMBER_OF, 'listed_user')).toBe(2);
      expect(await edgesOf(client, runId)).toEqual(expected);

      // Every user again, over edges already there.
      expect(await insertEdges(client, runId, NESTED_MEMBER_OF, null)).toBe(4);
      expect(await edgesOf(client, runId)).toEqual(expected);
    } finally {
      client.release();
    }
  });
});
