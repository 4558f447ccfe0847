import { beforeAll, describe, expect, it } from 'vitest';

import { StagingRepository, type StagedGroupRow } from '../../../src/db/staging.repository.js';
import { useMigratedDatabase } from '../../support/migrated-database.js';
import { newStagingRun } from '../../support/staging-run.js';

function group(
  dn: string,
  members: string[],
  stableId: string | null = null,
  entryDigest: string | null = null,
): StagedGroupRow {
  return {
    dn,
    dnNorm: dn.toLowerCase(),
    stableId,
    name: dn,
    description: null,
    catalogueValue: null,
    members,
    memberCount: members.length,
    entryDigest,
  };
}

/** A group whose member values the run only counts. */
function counted(dn: string, memberCount: number): StagedGroupRow {
  return { ...group(dn, []), memberCount };
}

describe('StagingRepository.insertGroups', () => {
  const database = useMigratedDatabase();
  let staging: StagingRepository;

  beforeAll(() => {
    staging = new StagingRepository(database().pool);
  });

  /** The (group, member) pairs staged as rows and as arrays. */
  async function stagedMembers(runId: string): Promise<{ rows: string[]; arrays: string[] }> {
    const pairs = async (sql: string): Promise<string[]> =>
      (await database().pool.query<{ pair: string }>(sql, [runId])).rows.map((row) => row.pair);
    return {
      rows: await pairs(
        `select group_dn_norm || ' has ' || member_value as pair from staged_group_member where run_id = $1 order by 1`,
      ),
      arrays: await pairs(
        `select dn_norm || ' has ' || v as pair from staged_group, unnest(member_values) as v where run_id = $1 order by 1`,
      ),
    };
  }

  it.each([
    ['ALL', 'rows'],
    ['CHANGED_GROUPS', 'arrays'],
  ] as const)(
    'stages each group once with its values (%s: as %s); a DN repeated in another spelling keeps the first',
    async (use, as) => {
      const runId = await newStagingRun(database().pool);
      const first = await staging.insertGroups(
        runId,
        [group('cn=g1', ['uid=b', 'uid=a']), group('cn=g2', ['uid=c']), group('CN=G2', ['uid=z'])],
        use,
      );
      // The next page repeats g1 in another spelling, with other members.
      const second = await staging.insertGroups(
        runId,
        [group('CN=G1', ['uid=x']), group('cn=g3', ['uid=d'])],
        use,
      );

      expect(first).toEqual({ groups: 2, members: 4 });
      expect(second).toEqual({ groups: 1, members: 2 });
      const staged = await stagedMembers(runId);
      expect(staged[as === 'rows' ? 'arrays' : 'rows']).toEqual([]);
      expect(staged[as]).toEqual([
        'cn=g1 has uid=a',
        'cn=g1 has uid=b',
        'cn=g2 has uid=c',
        'cn=g3 has uid=d',
      ]);
      const dns = await database().pool.query<{ dn: string }>(
        'select dn from staged_group where run_id = $1 order by dn_norm',
        [runId],
      );
      expect(dns.rows.map((row) => row.dn)).toEqual(['cn=g1', 'cn=g2', 'cn=g3']);
    },
  );

  it('stages member values with the characters COPY treats specially as read', async () => {
    const runId = await newStagingRun(database().pool);
    const values = ['uid=o\\,brien', 'uid=tab\there', 'uid=line\nbreak\r', 'uid=\\N'];
    await staging.insertGroups(runId, [group('cn=g5', values)], 'ALL');
    expect((await stagedMembers(runId)).rows).toEqual(values.map((value) => `cn=g5 has ${value}`).sort());
  });

  it('counts the member values of groups that carry none', async () => {
    const runId = await newStagingRun(database().pool);
    const countsOnly = await staging.insertGroups(runId, [counted('cn=g4', 2)], 'CHANGED_GROUPS');
    expect(countsOnly).toEqual({ groups: 1, members: 2 });
    expect(await stagedMembers(runId)).toEqual({ rows: [], arrays: [] });
    const count = await database().pool.query<{ member_count: number }>(
      `select member_count from staged_group where run_id = $1 and dn_norm = 'cn=g4'`,
      [runId],
    );
    expect(count.rows).toEqual([{ member_count: 2 }]);
  });

  it('copies the groups of known digests with their staged member values into another run (ALL), counted ones alone', async () => {
    const earlier = await newStagingRun(database().pool);
    await staging.insertGroups(
      earlier,
      [
        group('cn=k1', ['uid=a', 'uid=b'], 'id-k1', 'digest-k1'),
        group('cn=k2', ['uid=c'], 'id-k2', 'digest-k2'),
        group('cn=k3', ['uid=d'], null, null),
      ],
      'ALL',
    );
    expect(await staging.knownGroupRows(earlier)).toEqual({
      byDigest: new Map([
        ['digest-k1', { dnNorm: 'cn=k1', values: 2 }],
        ['digest-k2', { dnNorm: 'cn=k2', values: 1 }],
      ]),
      rows: 3,
    });

    const runId = await newStagingRun(database().pool);
    await staging.insertGroups(runId, [group('cn=k2', ['uid=e'], 'id-k2', 'digest-k2b')], 'ALL');
    expect(await staging.copyKnownGroups(runId, earlier, ['digest-k1', 'unknown'], 'ALL')).toBe(1);
    expect((await stagedMembers(runId)).rows).toEqual([
      'cn=k1 has uid=a',
      'cn=k1 has uid=b',
      'cn=k2 has uid=e',
    ]);

    const counting = await newStagingRun(database().pool);
    expect(await staging.copyKnownGroups(counting, earlier, ['digest-k2'], 'CHANGED_GROUPS')).toBe(1);
    expect(await stagedMembers(counting)).toEqual({ rows: [], arrays: [] });
  });
});
