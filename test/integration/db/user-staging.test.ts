import { beforeAll, describe, expect, it } from 'vitest';

import { StagingRepository, type StagedUserRow } from '../../../src/db/staging.repository.js';
import { useMigratedDatabase } from '../../support/migrated-database.js';
import { newStagingRun } from '../../support/staging-run.js';

function user(dn: string, memberOf: string[] = []): StagedUserRow {
  return {
    dn,
    dnNorm: dn.toLowerCase(),
    stableId: `id-${dn.toLowerCase()}`,
    login: dn.slice(4),
    displayName: null,
    email: null,
    externalId: null,
    memberOf,
  };
}

describe('StagingRepository.usersWriter', () => {
  const database = useMigratedDatabase();
  let staging: StagingRepository;

  beforeAll(() => {
    staging = new StagingRepository(database().pool);
  });

  async function stagedUsers(runId: string): Promise<StagedUserRow[]> {
    const result = await database().pool.query<StagedUserRow>(
      `select dn, dn_norm as "dnNorm", stable_id as "stableId", login, display_name as "displayName", email,
              external_id as "externalId", member_of as "memberOf"
       from staged_user where run_id = $1 order by dn_norm`,
      [runId],
    );
    return result.rows;
  }

  it('stages every value as read: the characters COPY and array literals treat specially, NULLs, empty memberOf', async () => {
    const runId = await newStagingRun(database().pool);
    const odd: StagedUserRow = {
      dn: 'uid=o\\,brien',
      dnNorm: 'uid=o\\,brien',
      stableId: null,
      login: 'tab\there',
      displayName: 'line\nbreak\r\nand \\N and \\\\ back',
      email: '"quoted" {braced}, comma',
      externalId: 'Ünïcödé ✓ 𝄞',
      memberOf: ['cn=a\\,b,ou=g', 'cn="q"', 'NULL', '', 'cn={x},ou=g', 'cn=tab\tline\nend'],
    };
    const plain = user('uid=plain');

    expect(await staging.usersWriter(runId)([odd, plain])).toBe(2);
    expect(await stagedUsers(runId)).toEqual([odd, plain]);
  });

  it('keeps the first row of a DN repeated in another spelling, on the same page or a later one', async () => {
    const runId = await newStagingRun(database().pool);
    const write = staging.usersWriter(runId);

    expect(await write([user('uid=a', ['cn=g1']), user('UID=A', ['cn=g2']), user('uid=b')])).toBe(2);
    expect(await write([user('Uid=B', ['cn=g3']), user('uid=c')])).toBe(1);
    expect(await write([user('UID=C')])).toBe(0);

    const staged = await stagedUsers(runId);
    expect(staged.map((row) => [row.dn, row.memberOf])).toEqual([
      ['uid=a', ['cn=g1']],
      ['uid=b', []],
      ['uid=c', []],
    ]);
  });

  it('fails with the key when a row is already staged by another writer, writing none of its page', async () => {
    const runId = await newStagingRun(database().pool);
    await staging.usersWriter(runId)([user('uid=a')]);

    await expect(staging.usersWriter(runId)([user('uid=new'), user('uid=a')])).rejects.toThrow(
      /duplicate key value violates unique constraint/,
    );
    expect((await stagedUsers(runId)).map((row) => row.dn)).toEqual(['uid=a']);
  });
});
