// Scenario (c): a share of the memberships changes in the running directory, through ldapmodify, so
// that the memberof overlay keeps the users' memberOf in step as it would in production. Half of the
// changes remove an existing user membership, half add a new one (a user who joins a group); the
// choice is seeded, and the expected sync counters are known in advance.
import { writeFile } from 'node:fs/promises';
import { runChecked } from '../src/embedded/run-command.js';
import type { BenchSlapd } from './bench-slapd.js';
import { hasMember, userGroupIndex, type DirectoryModel } from './directory-model.js';
import { seededRandom, type Random } from '../src/demo/seeded-random.js';

export interface GroupChange {
  group: number;
  remove: number[];
  add: number[];
}

export interface MembershipChangeSet {
  changes: GroupChange[];
  removed: number;
  added: number;
  /** Users in no group before who join one: a sync with auto-create creates them. */
  newIdentities: number;
}

const CHANGE_STREAM = 11;

/** Picks share x memberships to change: share/2 removals and share/2 additions, spread by group size. */
export function planMembershipChanges(model: DirectoryModel, share: number): MembershipChangeSet {
  const random = seededRandom(model.shape.seed, CHANGE_STREAM);
  const half = Math.max(1, Math.round((model.userMemberships * share) / 2));
  const pickGroup = sizeWeightedGroupPicker(model, random);
  const byGroup = new Map<number, { remove: Set<number>; add: Set<number> }>();
  const entry = (group: number): { remove: Set<number>; add: Set<number> } => {
    let found = byGroup.get(group);
    if (found === undefined) byGroup.set(group, (found = { remove: new Set(), add: new Set() }));
    return found;
  };
  const attempts = boundedAttempts(half * 4 + 1000);
  for (let removed = 0; removed < half;) {
    attempts();
    const group = pickGroup();
    const members = model.groupUsers[group] ?? new Int32Array();
    const change = entry(group);
    // groupOfNames must keep a member: leave at least one user in every group.
    if (change.remove.size >= members.length - 1) continue;
    const user = members[random.below(members.length)] ?? 0;
    if (change.remove.has(user)) continue;
    change.remove.add(user);
    removed++;
  }
  for (let added = 0; added < half;) {
    attempts();
    const group = pickGroup();
    const user = random.below(model.shape.users);
    const change = entry(group);
    if (hasMember(model.groupUsers[group] ?? new Int32Array(), user) || change.add.has(user)) continue;
    change.add.add(user);
    added++;
  }
  const changes = [...byGroup.entries()]
    .sort(([a], [b]) => a - b)
    .map(([group, { remove, add }]) => ({ group, remove: [...remove], add: [...add] }));
  return { changes, removed: half, added: half, newIdentities: countNewIdentities(model, changes) };
}

/** The change set that undoes another: what it removed is added back and the other way round. */
export function invertChangeSet(changeSet: MembershipChangeSet): MembershipChangeSet {
  return {
    changes: changeSet.changes.map(({ group, remove, add }) => ({ group, remove: add, add: remove })),
    removed: changeSet.added,
    added: changeSet.removed,
    newIdentities: 0,
  };
}

/** Writes the changes as one LDIF of modify records and applies them with ldapmodify; returns seconds. */
export async function applyMembershipChanges(
  slapd: BenchSlapd,
  model: DirectoryModel,
  changeSet: MembershipChangeSet,
  ldifFile: string,
): Promise<number> {
  await writeFile(ldifFile, changeSet.changes.map((change) => modifyRecord(model, change)).join(''));
  const started = performance.now();
  await runChecked(
    'ldapmodify',
    ['-x', '-H', slapd.url, '-D', slapd.bindDn, '-w', slapd.bindPassword, '-f', ldifFile],
    { timeoutMs: 30 * 60_000 },
  );
  return (performance.now() - started) / 1000;
}

function modifyRecord(model: DirectoryModel, change: GroupChange): string {
  const { names } = model;
  let text = `dn: ${names.groupDn(change.group)}\nchangetype: modify\n`;
  if (change.remove.length > 0) {
    text += `delete: member\n${change.remove.map((user) => `member: ${names.userDn(user)}\n`).join('')}-\n`;
  }
  if (change.add.length > 0) {
    text += `add: member\n${change.add.map((user) => `member: ${names.userDn(user)}\n`).join('')}-\n`;
  }
  return `${text}\n`;
}

/** A counter that throws once called more than limit times: random picks in a tiny directory may not find enough. */
function boundedAttempts(limit: number): () => void {
  let used = 0;
  return () => {
    if (++used > limit) throw new Error('the directory is too small for the requested membership changes');
  };
}

/** Group indexes drawn with probability proportional to their member count. */
function sizeWeightedGroupPicker(model: DirectoryModel, random: Random): () => number {
  const ends = new Float64Array(model.groupUsers.length);
  let total = 0;
  model.groupUsers.forEach((members, group) => {
    total += members.length;
    ends[group] = total;
  });
  return () => {
    const target = random.next() * total;
    let low = 0;
    let high = ends.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((ends[middle] ?? 0) <= target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

function countNewIdentities(model: DirectoryModel, changes: readonly GroupChange[]): number {
  const index = userGroupIndex(model);
  const joined = new Set<number>();
  for (const change of changes) {
    for (const user of change.add) {
      if ((index.offsets[user + 1] ?? 0) === (index.offsets[user] ?? 0)) joined.add(user);
    }
  }
  return joined.size;
}
