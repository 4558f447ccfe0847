// The synthetic directory of the benchmark as numbers: which user is in which group, which group is
// nested in which. Users and groups are indexes; names and DNs are derived from them on demand, so
// 100k users and ~1M memberships fit in a few typed arrays instead of a million strings.
import { seededRandom, seededUuid, type Random } from '../src/demo/seeded-random.js';

export interface DirectoryShape {
  users: number;
  groups: number;
  seed: number;
}

export interface DirectoryModel {
  readonly shape: DirectoryShape;
  readonly names: DirectoryNames;
  /** Direct user members of each group: sorted user indexes. */
  readonly groupUsers: readonly Int32Array[];
  /** Direct member groups of each group; a child is always one nesting level deeper, so no cycles. */
  readonly groupChildren: readonly (readonly number[])[];
  /** Sum of direct user member values over all groups (the "memberships"). */
  readonly userMemberships: number;
  /** Sum of group-in-group member values. */
  readonly nestedMemberships: number;
}

/** Target average of direct groups per assignable user: 100k users give about 1M memberships. */
const MEMBERSHIPS_PER_USER = 10;
/** Users in no group at all (service accounts, leavers): never created by a sync of mapped groups. */
const UNASSIGNED_USER_SHARE = 0.03;
/** One group in 500 is big: at 10k groups, 20 groups of 5%-20% of all users (5,000-20,000 at 100k). */
const BIG_GROUP_SHARE = 1 / 500;
const BIG_GROUP_MIN_SHARE = 0.05;
const BIG_GROUP_MAX_SHARE = 0.2;
/** The other groups follow a Lomax (Pareto II) law: most small, from 1 member, with a long tail. */
const LOMAX_ALPHA = 1.5;
const SMALL_GROUP_MAX_SHARE = 0.04;
/** Share of groups per nesting level (0 = outermost); a group nests only groups of the next level. */
const LEVEL_SHARES = [0.05, 0.1, 0.15, 0.7] as const;
const NESTING_CHANCE = 0.3;
const MAX_CHILD_GROUPS = 3;

/** Independent random streams, so that changing one choice does not reshuffle the others. */
const STREAM = { sizes: 1, members: 2, unassigned: 3, levels: 4, children: 5 } as const;

export function buildDirectoryModel(shape: DirectoryShape): DirectoryModel {
  if (shape.users < 10 || shape.groups < 2)
    throw new Error('the benchmark needs at least 10 users and 2 groups');
  const pool = assignableUsers(shape);
  const sizes = groupSizes(shape, pool.length);
  const membersRandom = seededRandom(shape.seed, STREAM.members);
  const taken = new Int32Array(pool.length).fill(-1);
  const groupUsers = sizes.map((size, group) => sampleMembers(pool, size, group, taken, membersRandom));
  const groupChildren = nestGroups(shape);
  return {
    shape,
    names: directoryNames(shape),
    groupUsers,
    groupChildren,
    userMemberships: groupUsers.reduce((sum, members) => sum + members.length, 0),
    nestedMemberships: groupChildren.reduce((sum, children) => sum + children.length, 0),
  };
}

// ---------------------------------------------------------------------------------------------
// Names

export interface DirectoryNames {
  baseDn: string;
  usersDn: string;
  groupsDn: string;
  adminDn: string;
  userLogin(user: number): string;
  userDn(user: number): string;
  person(user: number): { givenName: string; surname: string; displayName: string };
  /** entryUUID values: fixed by the seed, so that every load of the same directory has the same ids. */
  userUuid(user: number): string;
  groupName(group: number): string;
  groupDn(group: number): string;
  groupUuid(group: number): string;
}

const FIRST_NAMES = ['Ada', 'Alan', 'Grace', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Radia', 'Tim'];
const LAST_NAMES = ['Lovelace', 'Turing', 'Hopper', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Thompson'];
const UUID_KIND = { user: 1, group: 2 } as const;

/**
 * Short DNs on purpose: mapping every group in one setGroupMappings call must stay under the API's
 * 1 MB request limit at 10,000 groups (see bench/RESULTS.md).
 */
export function directoryNames(shape: DirectoryShape): DirectoryNames {
  const baseDn = 'dc=bench';
  const usersDn = `ou=people,${baseDn}`;
  const groupsDn = `ou=groups,${baseDn}`;
  const userDigits = String(shape.users).length;
  const groupDigits = String(shape.groups).length;
  const userLogin = (user: number): string => `u${String(user + 1).padStart(userDigits, '0')}`;
  const groupName = (group: number): string => `g${String(group + 1).padStart(groupDigits, '0')}`;
  return {
    baseDn,
    usersDn,
    groupsDn,
    adminDn: `cn=admin,${baseDn}`,
    userLogin,
    userDn: (user) => `uid=${userLogin(user)},${usersDn}`,
    person: (user) => {
      const givenName = FIRST_NAMES[user % FIRST_NAMES.length] ?? 'User';
      const surname = LAST_NAMES[Math.floor(user / FIRST_NAMES.length) % LAST_NAMES.length] ?? 'Bench';
      return { givenName, surname, displayName: `${givenName} ${surname} ${user + 1}` };
    },
    userUuid: (user) => seededUuid(shape.seed, UUID_KIND.user, user),
    groupName,
    groupDn: (group) => `cn=${groupName(group)},${groupsDn}`,
    groupUuid: (group) => seededUuid(shape.seed, UUID_KIND.group, group),
  };
}

// ---------------------------------------------------------------------------------------------
// Derived views

/** For every user, the groups it is a direct member of (compressed rows: offsets into one array). */
export interface UserGroupIndex {
  /** groupsOf(user) = groups.subarray(offsets[user], offsets[user + 1]) */
  offsets: Int32Array;
  groups: Int32Array;
}

export function userGroupIndex(model: DirectoryModel): UserGroupIndex {
  const offsets = new Int32Array(model.shape.users + 1);
  for (const members of model.groupUsers)
    for (const user of members) offsets[user + 1] = (offsets[user + 1] ?? 0) + 1;
  for (let user = 0; user < model.shape.users; user++) {
    offsets[user + 1] = (offsets[user + 1] ?? 0) + (offsets[user] ?? 0);
  }
  const groups = new Int32Array(model.userMemberships);
  const next = offsets.slice(0, model.shape.users);
  model.groupUsers.forEach((members, group) => {
    for (const user of members) {
      const slot = next[user] ?? 0;
      groups[slot] = group;
      next[user] = slot + 1;
    }
  });
  return { offsets, groups };
}

/** For every group, the groups that list it as a member (its memberOf). */
export function groupParents(model: DirectoryModel): number[][] {
  const parents: number[][] = model.groupChildren.map(() => []);
  model.groupChildren.forEach((children, parent) => {
    for (const child of children) parents[child]?.push(parent);
  });
  return parents;
}

/** Users with at least one direct group: the identities a first sync of all groups creates. */
export function usersInAnyGroup(index: UserGroupIndex): number {
  let count = 0;
  for (let user = 0; user + 1 < index.offsets.length; user++) {
    if ((index.offsets[user + 1] ?? 0) > (index.offsets[user] ?? 0)) count++;
  }
  return count;
}

/** Whether a sorted member array holds the user (binary search). */
export function hasMember(members: Int32Array, user: number): boolean {
  let low = 0;
  let high = members.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = members[middle] ?? 0;
    if (value === user) return true;
    if (value < user) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Generation

/** The users that may be put in groups (all but the unassigned share). */
export function assignableUsers(shape: DirectoryShape): Int32Array {
  const random = seededRandom(shape.seed, STREAM.unassigned);
  const pool: number[] = [];
  for (let user = 0; user < shape.users; user++) {
    if (random.next() >= UNASSIGNED_USER_SHARE) pool.push(user);
  }
  return Int32Array.from(pool);
}

/** Member counts: a few big groups, the rest Pareto-distributed, scaled to the membership target. */
function groupSizes(shape: DirectoryShape, assignable: number): number[] {
  const random = seededRandom(shape.seed, STREAM.sizes);
  const target = assignable * MEMBERSHIPS_PER_USER;
  const bigCount = Math.max(1, Math.round(shape.groups * BIG_GROUP_SHARE));
  const big = Array.from({ length: bigCount }, () => {
    const share = BIG_GROUP_MIN_SHARE + (BIG_GROUP_MAX_SHARE - BIG_GROUP_MIN_SHARE) * random.next();
    return Math.min(assignable, Math.round(shape.users * share));
  });
  const raw = Array.from(
    { length: shape.groups - bigCount },
    () => (1 - random.next()) ** (-1 / LOMAX_ALPHA) - 1,
  );
  const cap = Math.max(1, Math.floor(shape.users * SMALL_GROUP_MAX_SHARE));
  const budget = Math.max(raw.length, target - big.reduce((sum, size) => sum + size, 0));
  const small = scaleToBudget(raw, budget, cap);
  // Big groups are spread over the index range rather than all at the start.
  const sizes = [...small];
  big.forEach((size, i) => sizes.splice(Math.floor(((i + 0.5) * sizes.length) / bigCount), 0, size));
  return sizes;
}

/** 1 + round(k * raw) capped, with k found by bisection so that the sizes add up to about budget. */
function scaleToBudget(raw: readonly number[], budget: number, cap: number): number[] {
  const sized = (k: number): number[] => raw.map((value) => Math.min(cap, 1 + Math.round(k * value)));
  const total = (sizes: readonly number[]): number => sizes.reduce((sum, size) => sum + size, 0);
  let low = 0;
  let high = budget;
  for (let i = 0; i < 60; i++) {
    const middle = (low + high) / 2;
    if (total(sized(middle)) < budget) low = middle;
    else high = middle;
  }
  return sized(high);
}

/** size distinct users of the pool, sorted; taken[] remembers which group last took a pool slot. */
function sampleMembers(
  pool: Int32Array,
  size: number,
  group: number,
  taken: Int32Array,
  random: Random,
): Int32Array {
  const members = new Int32Array(Math.min(size, pool.length));
  let count = 0;
  while (count < members.length) {
    const slot = random.below(pool.length);
    if (taken[slot] === group) continue;
    taken[slot] = group;
    members[count++] = pool[slot] ?? 0;
  }
  return members.sort();
}

/** Groups of level L may list groups of level L + 1: chains of at most four groups, never a cycle. */
function nestGroups(shape: DirectoryShape): number[][] {
  const random = seededRandom(shape.seed, STREAM.levels);
  const byLevel: number[][] = LEVEL_SHARES.map(() => []);
  const levels = Array.from({ length: shape.groups }, (_, group) => {
    let level = 0;
    let draw = random.next();
    while (level < LEVEL_SHARES.length - 1 && draw >= (LEVEL_SHARES[level] ?? 1)) {
      draw -= LEVEL_SHARES[level] ?? 0;
      level++;
    }
    byLevel[level]?.push(group);
    return level;
  });
  const childRandom = seededRandom(shape.seed, STREAM.children);
  return levels.map((level) => {
    const candidates = byLevel[level + 1] ?? [];
    if (candidates.length === 0 || childRandom.next() >= NESTING_CHANCE) return [];
    const wanted = Math.min(candidates.length, 1 + childRandom.below(MAX_CHILD_GROUPS));
    const children = new Set<number>();
    while (children.size < wanted) children.add(candidates[childRandom.below(candidates.length)] ?? 0);
    return [...children].sort((a, b) => a - b);
  });
}
