// The floors every Rolesync time is compared with, measured on the same data in the same run:
// - LDAP read floor: OpenLDAP's own ldapsearch paging through all users and all groups, output to
//   /dev/null, with the attributes and page size a sync uses;
// - write floor: psql's \copy of as many identity rows and membership rows as a first sync writes,
//   into tables shaped (columns and indexes) like identity and synced_membership;
// - role write floor: the same for the rows a first role sync writes (roles, role assignments, role
//   requests and their items), into tables shaped like role, identity_role, role_request(_item).
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
import { SYNC_ROLE_REQUEST_RESULT_CODE } from '../src/domain/role-states.js';
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

export interface RoleWriteFloor {
  seconds: number;
  roleRows: number;
  assignmentRows: number;
  requestRows: number;
  itemRows: number;
}

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
 * The two write floors, each COPYing with psql into copies of the real tables what a first run of this
 * directory leaves behind:
 * - directory sync: the identities it creates (users in at least one group) and one synced_membership
 *   per direct user membership;
 * - role sync: one role per group, one identity_role per direct user membership (on the user's primary
 *   contract), one executed role request per identity in a group and one item per membership. The sync
 *   writes each request and item first as CONCEPT and then marks it EXECUTED; the floor writes the final
 *   rows once, the least any implementation has to write.
 */
export async function measureWriteFloors(
  databaseUrl: string,
  model: DirectoryModel,
  workDir: string,
  repeats: number,
): Promise<{ write: WriteFloor; roleWrite: RoleWriteFloor }> {
  const ids = floorIds(model);
  const directory = await measureCopies(databaseUrl, workDir, repeats, [
    { like: 'identity', columns: IDENTITY_COLUMNS, rows: identitiesOf(model, ids) },
    { like: 'synced_membership', columns: MEMBERSHIP_COLUMNS, rows: membershipsOf(model, ids) },
  ]);
  const roles = await measureCopies(databaseUrl, workDir, repeats, [
    { like: 'role', columns: ROLE_COLUMNS, rows: rolesOf(model, ids) },
    { like: 'identity_role', columns: IDENTITY_ROLE_COLUMNS, rows: assignmentsOf(model, ids) },
    { like: 'role_request', columns: ROLE_REQUEST_COLUMNS, rows: requestsOf(model, ids) },
    { like: 'role_request_item', columns: ROLE_REQUEST_ITEM_COLUMNS, rows: itemsOf(model, ids) },
  ]);
  const [identityRows = 0, membershipRows = 0] = directory.rows;
  const [roleRows = 0, assignmentRows = 0, requestRows = 0, itemRows = 0] = roles.rows;
  return {
    write: { seconds: directory.seconds, identityRows, membershipRows },
    roleWrite: { seconds: roles.seconds, roleRows, assignmentRows, requestRows, itemRows },
  };
}

/** Rows for a copy of a real table (same columns and indexes, no foreign keys). */
interface FloorTable {
  like: string;
  columns: readonly string[];
  rows: Iterable<readonly string[]>;
}

/**
 * Writes each table's rows to a TSV file, then times one psql session \copy-ing them all into fresh
 * copies of the tables; resolves with the best time and each table's row count.
 */
async function measureCopies(
  databaseUrl: string,
  workDir: string,
  repeats: number,
  tables: readonly FloorTable[],
): Promise<{ seconds: number; rows: number[] }> {
  const copies = tables.map((table) => ({
    ...table,
    name: `${FLOOR_TABLE_PREFIX}${table.like}`,
    file: join(workDir, `floor-${table.like}.tsv`),
  }));
  const rows: number[] = [];
  for (const copy of copies) rows.push(await writeTsv(copy.file, copy.rows));
  const names = copies.map((copy) => copy.name).join(', ');
  await psql(
    databaseUrl,
    copies.map((copy) => `create table ${copy.name} (like ${copy.like} including all)`),
  );
  try {
    let best = Number.POSITIVE_INFINITY;
    for (let run = 0; run < repeats; run++) {
      await psql(databaseUrl, [`truncate ${names}`]);
      const started = performance.now();
      await psql(
        databaseUrl,
        copies.map((copy) => `\\copy ${copy.name} (${copy.columns.join(', ')}) from '${copy.file}'`),
      );
      best = Math.min(best, (performance.now() - started) / 1000);
    }
    return { seconds: best, rows };
  } finally {
    await psql(databaseUrl, [`drop table if exists ${names}`]);
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
const ROLE_COLUMNS = [
  'id',
  'name',
  'code',
  'source_directory_id',
  'sync_config_id',
  'system_identifier',
  'member_directory_id',
  'member_attribute',
  'role_membership_id',
  'forward_provisioning',
  'skip_value_if_contract_excluded',
  'created_at',
  'updated_at',
];
const IDENTITY_ROLE_COLUMNS = [
  'id',
  'identity_id',
  'contract_id',
  'role_id',
  'origin',
  'sync_config_id',
  'created_at',
];
const ROLE_REQUEST_COLUMNS = [
  'id',
  'identity_id',
  'state',
  'result_code',
  'created_by_run_id',
  'created_at',
  'executed_at',
];
const ROLE_REQUEST_ITEM_COLUMNS = ['id', 'request_id', 'role_id', 'operation', 'state', 'provisioning_state'];
const TIMESTAMP = '2026-01-01 00:00:00+00';

/** Stable ids of the floor rows, so that rows of one table can refer to those of another. */
interface FloorIds {
  directory: string;
  syncConfig: string;
  run: string;
  identity(user: number): string;
  contract(user: number): string;
  request(user: number): string;
  appGroup(group: number): string;
  role(group: number): string;
  /** Of the slot-th user membership (identity_role and role_request_item rows). */
  assignment(slot: number): string;
  item(slot: number): string;
}

const FLOOR_UUID_KIND = {
  identity: 101,
  appGroup: 102,
  directory: 103,
  syncConfig: 104,
  run: 105,
  contract: 106,
  request: 107,
  role: 108,
  assignment: 109,
  item: 110,
} as const;

function floorIds(model: DirectoryModel): FloorIds {
  const uuid = (kind: number) => (index: number) => seededUuid(model.shape.seed, kind, index);
  const kind = FLOOR_UUID_KIND;
  return {
    directory: uuid(kind.directory)(0),
    syncConfig: uuid(kind.syncConfig)(0),
    run: uuid(kind.run)(0),
    identity: uuid(kind.identity),
    contract: uuid(kind.contract),
    request: uuid(kind.request),
    appGroup: uuid(kind.appGroup),
    role: uuid(kind.role),
    assignment: uuid(kind.assignment),
    item: uuid(kind.item),
  };
}

/** Writes one tab-separated line per row; resolves with the number of rows. */
async function writeTsv(file: string, rows: Iterable<readonly string[]>): Promise<number> {
  let count = 0;
  await writeChunked(file, async (write) => {
    for (const row of rows) {
      count++;
      await write(`${row.join('\t')}\n`);
    }
  });
  return count;
}

/** Users in at least one group, with the slots of their memberships in the user-group index. */
function* usersInGroups(
  model: DirectoryModel,
): Generator<{ user: number; groups: Int32Array; firstSlot: number }> {
  const index = userGroupIndex(model);
  for (let user = 0; user < model.shape.users; user++) {
    const firstSlot = index.offsets[user] ?? 0;
    const end = index.offsets[user + 1] ?? 0;
    if (end > firstSlot) yield { user, groups: index.groups.subarray(firstSlot, end), firstSlot };
  }
}

function* identitiesOf(model: DirectoryModel, ids: FloorIds): Generator<string[]> {
  const { names } = model;
  for (const { user } of usersInGroups(model)) {
    const login = names.userLogin(user);
    yield [
      ids.identity(user),
      login,
      names.person(user).displayName,
      `${login}@bench.test`,
      ids.directory,
      names.userUuid(user),
      names.userDn(user),
      'LDAP',
      't',
      TIMESTAMP,
      TIMESTAMP,
    ];
  }
}

function* membershipsOf(model: DirectoryModel, ids: FloorIds): Generator<string[]> {
  for (const [group, members] of model.groupUsers.entries()) {
    const groupDnNorm = normalizeDn(model.names.groupDn(group));
    for (const user of members)
      yield [ids.identity(user), ids.appGroup(group), ids.syncConfig, groupDnNorm, TIMESTAMP];
  }
}

function* rolesOf(model: DirectoryModel, ids: FloorIds): Generator<string[]> {
  const { names } = model;
  for (let group = 0; group < model.shape.groups; group++) {
    const name = names.groupName(group);
    const dn = names.groupDn(group);
    yield [
      ids.role(group),
      name,
      name,
      ids.directory,
      ids.syncConfig,
      normalizeDn(dn),
      ids.directory,
      'member',
      dn,
      'f',
      'f',
      TIMESTAMP,
      TIMESTAMP,
    ];
  }
}

function* assignmentsOf(model: DirectoryModel, ids: FloorIds): Generator<string[]> {
  for (const { user, groups, firstSlot } of usersInGroups(model)) {
    for (const [offset, group] of groups.entries()) {
      yield [
        ids.assignment(firstSlot + offset),
        ids.identity(user),
        ids.contract(user),
        ids.role(group),
        'SYNC',
        ids.syncConfig,
        TIMESTAMP,
      ];
    }
  }
}

function* requestsOf(model: DirectoryModel, ids: FloorIds): Generator<string[]> {
  for (const { user } of usersInGroups(model)) {
    yield [
      ids.request(user),
      ids.identity(user),
      'EXECUTED',
      SYNC_ROLE_REQUEST_RESULT_CODE,
      ids.run,
      TIMESTAMP,
      TIMESTAMP,
    ];
  }
}

function* itemsOf(model: DirectoryModel, ids: FloorIds): Generator<string[]> {
  for (const { user, groups, firstSlot } of usersInGroups(model)) {
    for (const [offset, group] of groups.entries())
      yield [
        ids.item(firstSlot + offset),
        ids.request(user),
        ids.role(group),
        'ADD',
        'EXECUTED',
        'NOT_NEEDED',
      ];
  }
}

/** Runs SQL or psql meta-commands (one per -c) in one psql session; fails on the first error. */
export async function psql(databaseUrl: string, commands: readonly string[]): Promise<string> {
  const args = ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', databaseUrl];
  for (const command of commands) args.push('-c', command);
  return (await runChecked('psql', args, { timeoutMs: 30 * 60_000 })).stdout;
}
