import { beforeAll, describe, expect, it } from 'vitest';

import {
  SnapshotStagingRepository,
  type SnapshotSettings,
} from '../../../src/db/snapshot-staging.repository.js';
import {
  StagingRepository,
  type StagedGroupRow,
  type StagedUserRow,
} from '../../../src/db/staging.repository.js';
import { useMigratedDatabase } from '../../support/migrated-database.js';
import { newStagingRun } from '../../support/staging-run.js';

function user(name: string, memberOf: string[], stableId: string = `id-${name}`): StagedUserRow {
  const dn = `uid=${name},ou=people`;
  return {
    dn,
    dnNorm: dn,
    stableId,
    login: name,
    displayName: `User ${name}`,
    email: null,
    externalId: null,
    memberOf: memberOf.map((group) => `cn=${group},ou=groups`),
    entryDigest: `digest-${name}`,
  };
}

function group(name: string, members: string[], stableId: string = `id-${name}`): StagedGroupRow {
  const dn = `cn=${name},ou=groups`;
  const values = members.map((member) => `uid=${member},ou=people`);
  return {
    dn,
    dnNorm: dn,
    stableId,
    name,
    description: null,
    catalogueValue: null,
    members: values,
    memberCount: values.length,
    entryDigest: null,
  };
}

const MEMBER_OF: SnapshotSettings = { membershipSource: 'MEMBER_OF', memberValues: 'CHANGED_GROUPS' };
const GROUP_MEMBERS: SnapshotSettings = { membershipSource: 'GROUP_MEMBERS', memberValues: 'ALL' };

/** The snapshot: a and b in g1, c in g2; its member values staged as an ALL run stages them. */
const SNAPSHOT_USERS = [user('a', ['g1']), user('b', ['g1']), user('c', ['g2'])];
const SNAPSHOT_GROUPS = [group('g1', ['a', 'b']), group('g2', ['c'])];

describe('SnapshotStagingRepository.complete', () => {
  const database = useMigratedDatabase();
  let staging: StagingRepository;
  let snapshots: SnapshotStagingRepository;

  beforeAll(() => {
    staging = new StagingRepository(database().pool);
    snapshots = new SnapshotStagingRepository(database().pool);
  });

  async function stageSnapshot(): Promise<string> {
    const snapshotRunId = await newStagingRun(database().pool);
    await staging.usersWriter(snapshotRunId)(SNAPSHOT_USERS);
    await staging.insertGroups(snapshotRunId, SNAPSHOT_GROUPS, 'ALL');
    return snapshotRunId;
  }

  async function entryDigests(runId: string): Promise<string[]> {
    const result = await database().pool.query<{ row: string }>(
      `select login || ' ' || coalesce(entry_digest, '-') as row from staged_user where run_id = $1 order by 1`,
      [runId],
    );
    return result.rows.map((row) => row.row);
  }

  async function stagedRows(
    runId: string,
  ): Promise<{ users: string[]; groups: string[]; members: string[] }> {
    const query = async (sql: string): Promise<string[]> =>
      (await database().pool.query<{ row: string }>(sql, [runId])).rows.map((row) => row.row);
    return {
      users: await query(
        `select login || ' ' || display_name || ' [' || array_to_string(member_of, ';') || ']' ||
                case when fresh then ' fresh' else '' end as row
         from staged_user where run_id = $1 order by 1`,
      ),
      groups: await query(
        `select name || case when fresh then ' fresh' else '' end as row from staged_group where run_id = $1 order by 1`,
      ),
      members: await query(
        `select group_dn_norm || ' has ' || member_value as row from staged_group_member where run_id = $1 order by 1`,
      ),
    };
  }

  it('adopts the snapshot when every entry read equals its row there, and drops what the run staged', async () => {
    const snapshotRunId = await stageSnapshot();
    const runId = await newStagingRun(database().pool);
    // The mark second read again: user a and group g1, as they were.
    await staging.usersWriter(runId)([user('a', ['g1'])]);
    await staging.insertGroups(runId, [group('g1', ['a', 'b'])], 'ALL');

    expect(await snapshots.complete(runId, snapshotRunId, GROUP_MEMBERS)).toEqual({
      adopted: true,
      usersStaged: 3,
      memberOfCorrection: null,
    });
    expect(await stagedRows(runId)).toEqual({ users: [], groups: [], members: [] });
    // Again (a retried read): still nothing differs.
    expect(await snapshots.complete(runId, snapshotRunId, MEMBER_OF)).toEqual({
      adopted: true,
      usersStaged: 3,
      memberOfCorrection: null,
    });
  });

  it('copies the rows no entry read replaces when a user changed, the same again when the groups read is retried', async () => {
    const snapshotRunId = await stageSnapshot();
    const runId = await newStagingRun(database().pool);
    await staging.usersWriter(runId)([{ ...user('b', ['g1']), displayName: 'Renamed b' }]);

    const completion = await snapshots.complete(runId, snapshotRunId, GROUP_MEMBERS);
    expect(completion).toEqual({ adopted: false, usersStaged: 3, memberOfCorrection: null });
    const expected = {
      users: [
        'a User a [cn=g1,ou=groups]',
        'b Renamed b [cn=g1,ou=groups] fresh',
        'c User c [cn=g2,ou=groups]',
      ],
      groups: ['g1', 'g2'],
      members: [
        'cn=g1,ou=groups has uid=a,ou=people',
        'cn=g1,ou=groups has uid=b,ou=people',
        'cn=g2,ou=groups has uid=c,ou=people',
      ],
    };
    expect(await stagedRows(runId)).toEqual(expected);
    expect(await entryDigests(runId)).toEqual(['a digest-a', 'b digest-b', 'c digest-c']);
    // The groups read retried: it clears the run's groups, reads again (nothing) and completes again.
    await staging.clearGroups(runId);
    expect(await snapshots.complete(runId, snapshotRunId, GROUP_MEMBERS)).toEqual(completion);
    expect(await stagedRows(runId)).toEqual(expected);
  });

  it('replaces a renamed entry by its stable id and renames the user in the member values copied', async () => {
    const snapshotRunId = await stageSnapshot();
    const runId = await newStagingRun(database().pool);
    // c is renamed to c2 (same stable id); g1 is re-read under a new name with other members.
    await staging.usersWriter(runId)([user('c2', ['g2'], 'id-c')]);
    await staging.insertGroups(runId, [group('g1-new', ['a'], 'id-g1')], 'ALL');

    expect(await snapshots.complete(runId, snapshotRunId, GROUP_MEMBERS)).toEqual({
      adopted: false,
      usersStaged: 3,
      memberOfCorrection: null,
    });
    expect(await stagedRows(runId)).toEqual({
      users: [
        'a User a [cn=g1,ou=groups]',
        'b User b [cn=g1,ou=groups]',
        'c2 User c2 [cn=g2,ou=groups] fresh',
      ],
      groups: ['g1-new fresh', 'g2'],
      members: ['cn=g1-new,ou=groups has uid=a,ou=people', 'cn=g2,ou=groups has uid=c2,ou=people'],
    });
  });

  it('renames a user in a copied group that lists the new DN already to one value, not two', async () => {
    const snapshotRunId = await newStagingRun(database().pool);
    await staging.usersWriter(snapshotRunId)(SNAPSHOT_USERS);
    // g2 lists c and, already, the DN c is renamed to (the directory's links may run ahead of the read).
    await staging.insertGroups(snapshotRunId, [group('g1', ['a', 'b']), group('g2', ['c', 'c2'])], 'ALL');
    const runId = await newStagingRun(database().pool);
    await staging.usersWriter(runId)([user('c2', ['g2'], 'id-c')]);
    await snapshots.complete(runId, snapshotRunId, GROUP_MEMBERS);
    expect((await stagedRows(runId)).members).toEqual([
      'cn=g1,ou=groups has uid=a,ou=people',
      'cn=g1,ou=groups has uid=b,ou=people',
      'cn=g2,ou=groups has uid=c2,ou=people',
    ]);
  });

  it('does not adopt when a group read lists other members than before', async () => {
    const snapshotRunId = await stageSnapshot();
    const runId = await newStagingRun(database().pool);
    await staging.insertGroups(runId, [{ ...group('g1', ['a', 'c']), memberCount: 2 }], 'ALL');
    expect((await snapshots.complete(runId, snapshotRunId, GROUP_MEMBERS)).adopted).toBe(false);
  });

  it("with memberOf: does not adopt when a group read lists other users than hold it (the overlay's silent change)", async () => {
    const snapshotRunId = await stageSnapshot();
    // g2 read with the same content and count, but b instead of c: the users' memberOf is stale.
    const moved = await newStagingRun(database().pool);
    await staging.insertGroups(moved, [group('g2', ['b'])], 'CHANGED_GROUPS');
    expect((await snapshots.complete(moved, snapshotRunId, MEMBER_OF)).adopted).toBe(false);
    // Members that are no snapshot user (a nested group, an unknown DN) do not count against it.
    const same = await newStagingRun(database().pool);
    await staging.insertGroups(
      same,
      [{ ...group('g2', ['c']), members: ['uid=c,ou=people', 'cn=nested,ou=groups'], memberCount: 1 }],
      'CHANGED_GROUPS',
    );
    expect((await snapshots.complete(same, snapshotRunId, MEMBER_OF)).adopted).toBe(true);
  });

  it('with memberOf: the copy corrects the carried-over users by the groups read and keeps what it changed, once, also when the groups read is retried', async () => {
    const snapshotRunId = await stageSnapshot();
    const runId = await newStagingRun(database().pool);
    // g2 now lists a and b (c left it), g1 is read with its members as before; a user read with a
    // stale memberOf (d, new) is fresh: the groups read do not correct it.
    await staging.usersWriter(runId)([user('d', [])]);
    const groupsRead = [group('g1', ['a', 'b']), group('g2', ['a', 'b', 'd'])];
    await staging.insertGroups(runId, groupsRead, 'CHANGED_GROUPS');
    const corrected = {
      adopted: false,
      usersStaged: 4,
      memberOfCorrection: { usersCorrected: 3, pairsAdded: 2, pairsRemoved: 1 },
    };
    expect(await snapshots.complete(runId, snapshotRunId, MEMBER_OF)).toEqual(corrected);
    const correctedRows = async () =>
      (
        await database().pool.query<{ row: string }>(
          `select login || ' [' || array_to_string(member_of, ';') || ']' ||
                  case when corrected then ' corrected +' || array_to_string(member_of_added, ';')
                                           || ' -' || array_to_string(member_of_removed, ';')
                       else coalesce(member_of_added::text, '') || coalesce(member_of_removed::text, '') end as row
           from staged_user where run_id = $1 order by 1`,
          [runId],
        )
      ).rows.map((row) => row.row);
    const expected = [
      'a [cn=g1,ou=groups;cn=g2,ou=groups] corrected +cn=g2,ou=groups -',
      'b [cn=g1,ou=groups;cn=g2,ou=groups] corrected +cn=g2,ou=groups -',
      'c [] corrected + -cn=g2,ou=groups',
      'd []',
    ];
    expect(await correctedRows()).toEqual(expected);
    // A corrected row is no longer what its entry's bytes map to.
    expect(await entryDigests(runId)).toEqual(['a -', 'b -', 'c -', 'd digest-d']);
    // Retried: the users carried over before are copied and corrected again, not corrected twice.
    await staging.clearGroups(runId);
    await staging.insertGroups(runId, groupsRead, 'CHANGED_GROUPS');
    expect(await snapshots.complete(runId, snapshotRunId, MEMBER_OF)).toEqual(corrected);
    expect(await correctedRows()).toEqual(expected);
  });

  /** A full read of the snapshot's directory: every user, the groups with their counts but no member values. */
  async function stageFullRead(users: StagedUserRow[]): Promise<string> {
    const runId = await newStagingRun(database().pool);
    await staging.usersWriter(runId)(users);
    await staging.insertGroups(
      runId,
      SNAPSHOT_GROUPS.map((row) => ({ ...row, members: [] })),
      'CHANGED_GROUPS',
    );
    return runId;
  }

  it('a full read equal to the snapshot row for row adopts it and drops its own rows', async () => {
    const snapshotRunId = await stageSnapshot();
    const runId = await stageFullRead(SNAPSHOT_USERS);
    expect(await snapshots.adoptIfUnchanged(runId, snapshotRunId)).toBe(true);
    expect(await stagedRows(runId)).toEqual({ users: [], groups: [], members: [] });
  });

  it('a full read whose other users are copies of the snapshot compares those it decoded, and the counts', async () => {
    const snapshotRunId = await stageSnapshot();
    const [decoded, ...known] = SNAPSHOT_USERS;
    const readWithCopies = async (copied: StagedUserRow[]): Promise<string> => {
      const runId = await stageFullRead(decoded === undefined ? [] : [decoded]);
      await staging.copyKnownUsers(
        runId,
        snapshotRunId,
        copied.map((row) => row.dnNorm),
      );
      return runId;
    };
    expect(await snapshots.adoptIfUnchanged(await readWithCopies(known), snapshotRunId)).toBe(true);
    // The last user is gone: every row the run has is the snapshot's, but not every snapshot row is there.
    expect(await snapshots.adoptIfUnchanged(await readWithCopies(known.slice(0, -1)), snapshotRunId)).toBe(
      false,
    );
  });

  it.each([
    ['a user deleted', SNAPSHOT_USERS.slice(1)],
    ['a user added', [...SNAPSHOT_USERS, user('d', [])]],
    ['a user in another group', [user('a', ['g2']), ...SNAPSHOT_USERS.slice(1)]],
  ])('a full read with %s keeps its own staging', async (_, users) => {
    const snapshotRunId = await stageSnapshot();
    const runId = await stageFullRead(users);
    expect(await snapshots.adoptIfUnchanged(runId, snapshotRunId)).toBe(false);
    expect((await stagedRows(runId)).users).toHaveLength(users.length);
  });
});
