import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';

import {
  identityTableVersions,
  plannedIdentityVersions,
  replacedVersions,
  versionsFromText,
  versionsToText,
  type IdentityVersions,
} from '../../../src/db/identity-versions.js';
import { withTransaction } from '../../../src/db/transaction.js';
import { useMigratedDatabase } from '../../support/migrated-database.js';

/** What a later run compares with: that the identity table holds exactly the row versions an apply left. */
describe('identity versions', () => {
  const database = useMigratedDatabase();
  const pool = () => database().pool;

  async function addIdentity(login: string): Promise<string> {
    const id = randomUUID();
    await pool().query(
      `insert into identity (id, login, created_at, updated_at) values ($1, $2, now(), now())`,
      [id, login],
    );
    return id;
  }

  const tableVersions = (): Promise<IdentityVersions> =>
    withTransaction(pool(), (client) => identityTableVersions(client));

  beforeAll(async () => {
    for (const login of ['ann', 'bob', 'cid']) await addIdentity(login);
  });

  it('change with every insert, update and delete, by anyone, and with nothing else', async () => {
    const start = await tableVersions();
    expect(start.rows).toBe(3n);
    expect(await tableVersions()).toEqual(start);
    // A row lock (as the apply takes on parents) and reads change nothing.
    await withTransaction(pool(), (client) => client.query('select id from identity for update'));
    expect(await tableVersions()).toEqual(start);

    // An update writing the same values is a new row version all the same.
    await pool().query(`update identity set login = login where login = 'ann'`);
    const updated = await tableVersions();
    expect(updated.rows).toBe(3n);
    expect(updated.hashSum).not.toBe(start.hashSum);

    const id = await addIdentity('dan');
    expect((await tableVersions()).rows).toBe(4n);
    await pool().query('delete from identity where id = $1', [id]);
    const deleted = await tableVersions();
    expect(deleted.rows).toBe(3n);
    expect(deleted).toEqual(updated);
  });

  it('round-trip through their stored text, and refuse text that is not theirs', async () => {
    const versions = await tableVersions();
    expect(versionsFromText(versionsToText(versions))).toEqual(versions);
    expect(() => versionsFromText('garbage')).toThrow(/not identity versions/);
  });

  /** An apply's sequence: the planned rows' versions, its writes, then the planned rows and the table again. */
  async function applyLike(otherWrite?: () => Promise<unknown>): Promise<{
    expected: IdentityVersions;
    found: IdentityVersions;
  }> {
    const start = await tableVersions();
    const runId = randomUUID();
    const created = randomUUID();
    const updated = (await pool().query<{ id: string }>(`select id from identity where login = 'bob'`))
      .rows[0]?.id;
    await pool().query(
      `insert into plan_identity (run_id, identity_id, action, login)
       values ($1, $2, 'UPDATE', 'bob'), ($1, $3, 'CREATE', 'eve')`,
      [runId, updated, created],
    );
    await otherWrite?.();
    return withTransaction(pool(), async (client) => {
      const before = await plannedIdentityVersions(client, runId);
      await client.query(`update identity set email = 'bob@example.org' where id = $1`, [updated]);
      await client.query(
        `insert into identity (id, login, created_at, updated_at) values ($1, 'eve', now(), now())`,
        [created],
      );
      const expected = replacedVersions(start, before, await plannedIdentityVersions(client, runId));
      return { expected, found: await identityTableVersions(client) };
    });
  }

  it('after an apply, equal the start with the planned rows replaced, when no one else wrote', async () => {
    const { expected, found } = await applyLike();
    expect(found).toEqual(expected);
    await pool().query(`delete from identity where login = 'eve'`);
  });

  it.each([
    ['another identity', 'cid'],
    ['an identity the apply then updates', 'bob'],
  ])('differ from it when someone else wrote %s between the plan and the apply', async (_, login) => {
    const { expected, found } = await applyLike(() =>
      pool().query(`update identity set display_name = 'by hand' where login = $1`, [login]),
    );
    expect(found.rows).toBe(expected.rows);
    expect(found.hashSum).not.toBe(expected.hashSum);
    await pool().query(`delete from identity where login = 'eve'`);
  });
});
