import { beforeAll, describe, expect, it } from 'vitest';

import { StagingRepository, type StagedUserRow } from '../../../src/db/staging.repository.js';
import { useMigratedDatabase } from '../../support/migrated-database.js';
import { newStagingRun } from '../../support/staging-run.js';

function user(dn: string, memberOf: string[] = [], entryDigest: string | null = null): StagedUserRow {
  return {
    dn,
    dnNorm: dn.toLowerCase(),
    stableId: `id-${dn.toLowerCase()}`,
    login: dn.slice(4),
    displayName: null,
    email: null,
    externalId: null,
    memberOf,
    entryDigest,
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
              external_id as "externalId", member_of as "memberOf", entry_digest as "entryDigest"
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
      entryDigest: 'c2hhLTI1Ng+/=',
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

  it("lists a run's entry digests and copies the rows of known ones into another run, as copies", async () => {
    const earlier = await newStagingRun(database().pool);
    await staging.usersWriter(earlier)([
      user('uid=a', ['cn=g1', 'cn=g2'], 'digest-a'),
      user('uid=b', ['cn=g1'], 'digest-b'),
      user('uid=c', [], null),
    ]);
    expect(await staging.knownUserRows(earlier)).toEqual({
      byDigest: new Map([
        ['digest-a', { dnNorm: 'uid=a', values: 2 }],
        ['digest-b', { dnNorm: 'uid=b', values: 1 }],
      ]),
      rows: 3,
    });

    const runId = await newStagingRun(database().pool);
    // uid=b was read again (changed); UID=A is staged already in another spelling and keeps its row.
    await staging.usersWriter(runId)([user('uid=b', ['cn=g3'], 'digest-b2')]);
    expect(await staging.copyKnownUsers(runId, earlier, ['uid=a', 'uid=unknown'])).toBe(1);
    expect(await staging.copyKnownUsers(runId, earlier, ['uid=a'])).toBe(0);
    expect(await stagedUsers(runId)).toEqual([
      user('uid=a', ['cn=g1', 'cn=g2'], 'digest-a'),
      user('uid=b', ['cn=g3'], 'digest-b2'),
    ]);
    // The copy is not fresh: a plan narrowed to the changed rows leaves it out; the row decoded is.
    const fresh = await database().pool.query<{ dn_norm: string; fresh: boolean }>(
      'select dn_norm, fresh from staged_user where run_id = $1 order by dn_norm',
      [runId],
    );
    expect(fresh.rows).toEqual([
      { dn_norm: 'uid=a', fresh: false },
      { dn_norm: 'uid=b', fresh: true },
    ]);
  });
});
