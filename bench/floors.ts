// The floors every Rolesync time is compared with, measured on the same data in the same run:
// - LDAP read floor: OpenLDAP's own ldapsearch paging through all users and all groups, output to
//   /dev/null, with the attributes and page size a sync uses;
// - write floor: psql's \copy of as many identity rows and membership rows as a first sync writes,
//   into tables shaped (columns and indexes) like identity and synced_membership.
// Each is run a few times and the best time kept: a floor is what the machine can do at best.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { normalizeDn } from '../src/ldap/dn-normalize.js';
import { runChecked } from '../src/embedded/run-command.js';
import type { BenchSlapd } from './bench-slapd.js';
import { writeChunked } from './chunked-writer.js';
import { userGroupIndex, type DirectoryModel } from './directory-model.js';
import { subtractCounts, type LdapOperationCounts } from './ldap-operation-log.js';
import { seededUuid } from '../src/demo/seeded-random.js';
import { PAGE_SIZE, type DirectoryQuery, type SyncQueries } from './sync-queries.js';

export interface LdapFloor {
  /** Best total of users + groups over the repetitions. */
  seconds: number;
  usersSeconds: number;
  groupsSeconds: number;
  /** Requests of one repetition (both searches). */
  requests: LdapOperationCounts;
}

export interface WriteFloor {
  seconds: number;
  identityRows: number;
  membershipRows: number;
}

const FLOOR_TABLES = { identity: 'bench_floor_identity', membership: 'bench_floor_membership' } as const;
/** Tables of the floor, left out of the sync's row counts. */
export const FLOOR_TABLE_PREFIX = 'bench_floor_';

export async function measureLdapFloor(
  slapd: BenchSlapd,
  queries: SyncQueries,
  repeats: number,
): Promise<LdapFloor> {
  let best: LdapFloor | undefined;
  for (let run = 0; run < repeats; run++) {
    const before = slapd.operations.snapshot();
    const usersSeconds = await timeLdapsearch(slapd, queries.users);
    const groupsSeconds = await timeLdapsearch(slapd, queries.groups);
    const requests = subtractCounts(slapd.operations.snapshot(), before);
    const seconds = usersSeconds + groupsSeconds;
    if (best === undefined || seconds < best.seconds)
      best = { seconds, usersSeconds, groupsSeconds, requests };
  }
  if (best === undefined) throw new Error('the LDAP floor needs at least one repetition');
  return best;
}

/** Runs one paged ldapsearch with its output going to /dev/null; resolves with the seconds it took. */
function timeLdapsearch(slapd: BenchSlapd, query: DirectoryQuery): Promise<number> {
  const args = ['-x', '-LLL', '-o', 'ldif-wrap=no', '-E', `pr=${PAGE_SIZE}/noprompt`, '-H', slapd.url];
  args.push(
    '-D',
    slapd.bindDn,
    '-w',
    slapd.bindPassword,
    '-b',
    query.baseDn,
    query.filter,
    ...query.attributes,
  );
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('ldapsearch', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve((performance.now() - started) / 1000);
      else reject(new Error(`ldapsearch of ${query.baseDn} exited with ${code}: ${stderr.trim()}`));
    });
  });
}

/**
 * COPYs the identities and memberships a first sync of this directory creates (users in at least one
 * group; one row per direct user membership) with psql, into copies of the real tables.
 */
export async function measureWriteFloor(
  databaseUrl: string,
  model: DirectoryModel,
  workDir: string,
  repeats: number,
): Promise<WriteFloor> {
  const files = {
    identity: join(workDir, 'floor-identity.tsv'),
    membership: join(workDir, 'floor-membership.tsv'),
  };
  const rows = await writeFloorData(model, files);
  await psql(databaseUrl, [
    `create table ${FLOOR_TABLES.identity} (like identity including all)`,
    `create table ${FLOOR_TABLES.membership} (like synced_membership including all)`,
  ]);
  try {
    let best = Number.POSITIVE_INFINITY;
    for (let run = 0; run < repeats; run++) {
      await psql(databaseUrl, [`truncate ${FLOOR_TABLES.identity}, ${FLOOR_TABLES.membership}`]);
      const started = performance.now();
      await psql(databaseUrl, [
        `\\copy ${FLOOR_TABLES.identity} (${IDENTITY_COLUMNS.join(', ')}) from '${files.identity}'`,
        `\\copy ${FLOOR_TABLES.membership} (${MEMBERSHIP_COLUMNS.join(', ')}) from '${files.membership}'`,
      ]);
      best = Math.min(best, (performance.now() - started) / 1000);
    }
    return { seconds: best, ...rows };
  } finally {
    await psql(databaseUrl, [`drop table if exists ${FLOOR_TABLES.identity}, ${FLOOR_TABLES.membership}`]);
  }
}

const IDENTITY_COLUMNS = [
  'id',
  'login',
  'display_name',
  'email',
  'source_directory_id',
  'external_id',
  'dn',
  'authorization_type',
  'active',
  'created_at',
  'updated_at',
];
const MEMBERSHIP_COLUMNS = [
  'identity_id',
  'app_group_id',
  'sync_config_id',
  'ldap_group_dn_norm',
  'created_at',
];
const FLOOR_UUID_KIND = { identity: 101, appGroup: 102, directory: 103, syncConfig: 104 } as const;
const TIMESTAMP = '2026-01-01 00:00:00+00';

async function writeFloorData(
  model: DirectoryModel,
  files: { identity: string; membership: string },
): Promise<{ identityRows: number; membershipRows: number }> {
  const { names, shape } = model;
  const uuid = (kind: number, index: number): string => seededUuid(shape.seed, kind, index);
  const directoryId = uuid(FLOOR_UUID_KIND.directory, 0);
  const index = userGroupIndex(model);
  let identityRows = 0;
  await writeChunked(files.identity, async (write) => {
    for (let user = 0; user < shape.users; user++) {
      if ((index.offsets[user + 1] ?? 0) === (index.offsets[user] ?? 0)) continue;
      identityRows++;
      const login = names.userLogin(user);
      const row = [uuid(FLOOR_UUID_KIND.identity, user), login, names.person(user).displayName];
      row.push(`${login}@bench.test`, directoryId, names.userUuid(user), names.userDn(user));
      row.push('LDAP', 't', TIMESTAMP, TIMESTAMP);
      await write(`${row.join('\t')}\n`);
    }
  });
  const syncConfigId = uuid(FLOOR_UUID_KIND.syncConfig, 0);
  await writeChunked(files.membership, async (write) => {
    for (const [group, members] of model.groupUsers.entries()) {
      const tail = `\t${uuid(FLOOR_UUID_KIND.appGroup, group)}\t${syncConfigId}\t${normalizeDn(names.groupDn(group))}\t${TIMESTAMP}\n`;
      for (const user of members) await write(uuid(FLOOR_UUID_KIND.identity, user) + tail);
    }
  });
  return { identityRows, membershipRows: model.userMemberships };
}

/** Runs SQL or psql meta-commands (one per -c) in one psql session; fails on the first error. */
export async function psql(databaseUrl: string, commands: readonly string[]): Promise<string> {
  const args = ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', databaseUrl];
  for (const command of commands) args.push('-c', command);
  return (await runChecked('psql', args, { timeoutMs: 30 * 60_000 })).stdout;
}
