// Deterministic directory fixtures for the test LDAP servers, rendered as LDIF.
//
// The same seed and options always give the same users, groups and memberships, so tests can
// assert exact counts. Two flavours: OpenLDAP (inetOrgPerson + groupOfNames) and Active Directory
// (user + group, as loaded into Samba). Both put users under ou=people and groups under ou=groups.
import { ldifRecord, type LdifAttribute } from '../../src/embedded/ldif-record.js';
import type { LdapFixtureInfo } from './provided-context.js';

// LDIF writing moved to src for the demo's slapd; tests keep importing it from here.
export { ldifLine, ldifRecord } from '../../src/embedded/ldif-record.js';

export type DirectoryFlavour = 'openldap' | 'ad';

export interface FixtureOptions {
  seed?: number;
  /** Total users, the special-character users included. */
  userCount?: number;
  /** Total groups, the structural ones (big, nested, cycle, dangling) included. */
  groupCount?: number;
  /** Members of the big group (more than AD's 1500-value range). */
  bigGroupMemberCount?: number;
}

export interface FixtureUser {
  /** DN as written to the server (RFC 4514 escaped; the server may return another escaping). */
  dn: string;
  /** The unescaped value of the RDN attribute (uid or cn). */
  rdnValue: string;
  /** uid on OpenLDAP, sAMAccountName on AD. */
  login: string;
  givenName: string;
  sn: string;
  displayName: string;
  mail: string;
  /** AD only: userAccountControl 512 (enabled) or 514 (disabled). Always true on OpenLDAP. */
  enabled: boolean;
  /** Whether the RDN value needs RFC 4514 escaping. */
  special: boolean;
}

export interface FixtureGroup {
  dn: string;
  name: string;
  description: string;
  /** Direct member DNs in LDIF order (users, groups, and on OpenLDAP one dangling DN). */
  memberDns: string[];
}

/** Entries with a known shape, for tests that need more than counts. */
export interface FixtureNotables {
  /** A user whose only path to nest-outer is through nested groups. */
  nestedUserDn: string;
  /** Outermost first: nest-outer, (nest-middle,) nest-inner. */
  nestedGroupDns: string[];
  /** OpenLDAP only: cycle-a and cycle-b, each a member of the other. */
  cycleGroupDns: string[];
  /** OpenLDAP only: the group holding a member DN that points to nothing, and that DN. */
  danglingGroupDn?: string;
  danglingMemberDn?: string;
  bigGroupDn: string;
  specialUserLogins: string[];
}

export interface GeneratedFixture {
  flavour: DirectoryFlavour;
  baseDn: string;
  usersDn: string;
  groupsDn: string;
  users: FixtureUser[];
  /** In an order where every member group comes before the groups that list it (cycle aside). */
  groups: FixtureGroup[];
  notables: FixtureNotables;
  /** Counts and the special DNs as written; the server handles replace specialUserDns with the server's form. */
  info: LdapFixtureInfo;
}

export const DEFAULT_FIXTURE_SEED = 20261125;

const DEFAULTS: Record<DirectoryFlavour, Required<Omit<FixtureOptions, 'seed'>>> = {
  openldap: { userCount: 2500, groupCount: 50, bigGroupMemberCount: 1600 },
  ad: { userCount: 1700, groupCount: 8, bigGroupMemberCount: 1600 },
};

/** RDN values that need escaping: comma, plus, leading '#', leading/trailing space, UTF-8, and the rest of RFC 4514's specials. */
const SPECIAL_USERS: readonly { rdnValue: string; login: string; givenName: string; sn: string }[] = [
  { rdnValue: 'Smith, John', login: 'smith.comma', givenName: 'John', sn: 'Smith' },
  { rdnValue: 'Lee+Park Min', login: 'lee.plus', givenName: 'Min', sn: 'Lee+Park' },
  { rdnValue: '#Hashtag Hannah', login: 'hannah.hash', givenName: 'Hannah', sn: 'Hashtag' },
  { rdnValue: ' Leading Space', login: 'leading.space', givenName: 'Leading', sn: 'Space' },
  { rdnValue: 'Trailing Space ', login: 'trailing.space', givenName: 'Trailing', sn: 'Space' },
  { rdnValue: 'Jürgen Çelik', login: 'jurgen.celik', givenName: 'Jürgen', sn: 'Çelik' },
  { rdnValue: '山田太郎', login: 'taro.yamada', givenName: '太郎', sn: '山田' },
  { rdnValue: 'O"Brien; <Ops> \\ R=D', login: 'obrien.mixed', givenName: 'Sean', sn: 'O"Brien' },
];

const GIVEN_NAMES = words(`
  Ada Alan Amara Ana Ben Carla Chen Dana David Elena Emil Fatima Felix Grace Hugo Ines Ivan Jana
  Jonas Kai Lara Leo Lina Marco Maya Nina Omar Paula Petra Raj Rosa Sami Sara Tom Uma Vera Wei
  Yara Zoe Noah
`);
const SURNAMES = words(`
  Adams Baker Berg Costa Dias Evans Fischer Garcia Hansen Ito Jensen Khan Klein Lopez Martin Meyer
  Moreau Nakamura Novak Olsen Patel Quinn Rossi Santos Schmidt Silva Tanaka Torres Usman Varga
  Wagner Walsh Weber Young Zhang Brown Keller Larsen Mills Reyes
`);

export function generateFixture(
  flavour: DirectoryFlavour,
  baseDn: string,
  options: FixtureOptions = {},
): GeneratedFixture {
  const settings = { ...DEFAULTS[flavour], ...definedOptions(options) };
  const random = seededRandom(options.seed ?? DEFAULT_FIXTURE_SEED);
  const names = containerNames(flavour, baseDn);
  const users = [...SPECIAL_USERS.map((spec) => specialUser(flavour, names.usersDn, spec))];
  const normalCount = settings.userCount - users.length;
  if (normalCount < 2) throw new Error(`userCount must be at least ${users.length + 2} (special users + 2)`);
  users.push(...generateNormalUsers(flavour, names.usersDn, normalCount, random));
  const { groups, notables } = generateGroups(flavour, names, users, settings, random);
  const info: LdapFixtureInfo = {
    userCount: users.length,
    groupCount: groups.length,
    membershipCount: groups.reduce((sum, group) => sum + group.memberDns.length, 0),
    bigGroupDn: notables.bigGroupDn,
    bigGroupMemberCount: settings.bigGroupMemberCount,
    specialUserDns: users.filter((user) => user.special).map((user) => user.dn),
  };
  return { flavour, baseDn, ...names, users, groups, notables, info };
}

function definedOptions(options: FixtureOptions): Partial<Required<Omit<FixtureOptions, 'seed'>>> {
  const result: Partial<Required<Omit<FixtureOptions, 'seed'>>> = {};
  if (options.userCount !== undefined) result.userCount = options.userCount;
  if (options.groupCount !== undefined) result.groupCount = options.groupCount;
  if (options.bigGroupMemberCount !== undefined) result.bigGroupMemberCount = options.bigGroupMemberCount;
  return result;
}

/** OpenLDAP hands back DNs with hex escapes, AD (Samba) mostly with backslash-character ones. */
function dnEscaping(flavour: DirectoryFlavour): DnEscaping {
  return flavour === 'openldap' ? 'hex' : 'backslash';
}

/** AD spells attribute types in DNs upper case (CN=, OU=); OpenLDAP users write them lower case. */
function rdnType(flavour: DirectoryFlavour, type: 'cn' | 'ou' | 'uid'): string {
  return flavour === 'ad' ? type.toUpperCase() : type;
}

function containerNames(flavour: DirectoryFlavour, baseDn: string): { usersDn: string; groupsDn: string } {
  const ou = rdnType(flavour, 'ou');
  return { usersDn: `${ou}=people,${baseDn}`, groupsDn: `${ou}=groups,${baseDn}` };
}

function specialUser(
  flavour: DirectoryFlavour,
  usersDn: string,
  spec: (typeof SPECIAL_USERS)[number],
): FixtureUser {
  return {
    dn: `${rdnType(flavour, 'cn')}=${escapeRdnValue(spec.rdnValue, dnEscaping(flavour))},${usersDn}`,
    rdnValue: spec.rdnValue,
    login: spec.login,
    givenName: spec.givenName,
    sn: spec.sn,
    displayName: spec.rdnValue.trim(),
    mail: `${spec.login}@rolesync.test`,
    enabled: true,
    special: true,
  };
}

function generateNormalUsers(
  flavour: DirectoryFlavour,
  usersDn: string,
  count: number,
  random: () => number,
): FixtureUser[] {
  const seen = new Map<string, number>();
  const users: FixtureUser[] = [];
  for (let index = 0; index < count; index++) {
    const givenName = pick(GIVEN_NAMES, random);
    const sn = pick(SURNAMES, random);
    // sAMAccountName allows 20 characters: 16 for the name, the rest for a de-duplicating number.
    const key = `${givenName}.${sn}`.toLowerCase().slice(0, 16);
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    const suffix = occurrence === 1 ? '' : String(occurrence);
    const login = `${key}${suffix}`;
    const displayName = suffix === '' ? `${givenName} ${sn}` : `${givenName} ${sn} ${suffix}`;
    // OpenLDAP users are named by uid; AD users by a CN that must be unique in the OU.
    const rdnValue = flavour === 'ad' ? displayName : login;
    const type = rdnType(flavour, flavour === 'ad' ? 'cn' : 'uid');
    users.push({
      dn: `${type}=${escapeRdnValue(rdnValue, dnEscaping(flavour))},${usersDn}`,
      rdnValue,
      login,
      givenName,
      sn,
      displayName,
      mail: `${login}@rolesync.test`,
      // Every 20th AD account is disabled (userAccountControl 514).
      enabled: flavour === 'openldap' || index % 20 !== 19,
      special: false,
    });
  }
  return users;
}

function generateGroups(
  flavour: DirectoryFlavour,
  containers: { usersDn: string; groupsDn: string },
  users: readonly FixtureUser[],
  settings: Required<Omit<FixtureOptions, 'seed'>>,
  random: () => number,
): { groups: FixtureGroup[]; notables: FixtureNotables } {
  const groupDn = (name: string): string =>
    `${rdnType(flavour, 'cn')}=${escapeRdnValue(name, dnEscaping(flavour))},${containers.groupsDn}`;
  const normalUsers = users.filter((user) => !user.special);
  // The nested user is kept out of every random sample so that its only group is nest-inner.
  const nestedUser = normalUsers.pop();
  if (!nestedUser) throw new Error('fixture needs at least one ordinary user');
  if (settings.bigGroupMemberCount > normalUsers.length) {
    throw new Error(
      `bigGroupMemberCount ${settings.bigGroupMemberCount} exceeds the ${normalUsers.length} ordinary users`,
    );
  }
  const sampleDns = (count: number): string[] =>
    sample(normalUsers, Math.min(count, normalUsers.length), random).map((user) => user.dn);
  const groups: FixtureGroup[] = [];
  const add = (name: string, description: string, memberDns: string[]): string => {
    groups.push({ dn: groupDn(name), name, description, memberDns });
    return groupDn(name);
  };

  const bigGroupDn = add(
    'all-staff',
    'Big group: more members than one AD range',
    sampleDns(settings.bigGroupMemberCount),
  );
  add('special-characters', 'Users whose DNs need escaping', [
    ...users.filter((user) => user.special).map((user) => user.dn),
    ...sampleDns(3),
  ]);

  // Nested chain, innermost first so AD can resolve every member DN when it is added.
  const nestedNames =
    flavour === 'openldap' ? ['nest-inner', 'nest-middle', 'nest-outer'] : ['nest-inner', 'nest-outer'];
  const nestedGroupDns: string[] = [];
  for (const name of nestedNames) {
    const inner = nestedGroupDns[nestedGroupDns.length - 1];
    const members = inner === undefined ? [nestedUser.dn, ...sampleDns(4)] : [inner, ...sampleDns(5)];
    nestedGroupDns.push(add(name, 'Nested groups', members));
  }

  const cycleGroupDns: string[] = [];
  let danglingGroupDn: string | undefined;
  let danglingMemberDn: string | undefined;
  if (flavour === 'openldap') {
    // A membership cycle; slapadd accepts forward references, AD would not (and is not given one).
    cycleGroupDns.push(groupDn('cycle-a'), groupDn('cycle-b'));
    add('cycle-a', 'Member of cycle-b, which is a member of cycle-a', [groupDn('cycle-b'), ...sampleDns(3)]);
    add('cycle-b', 'Member of cycle-a, which is a member of cycle-b', [groupDn('cycle-a'), ...sampleDns(3)]);
    // AD never stores a member DN that points to nothing, so only OpenLDAP gets one.
    danglingMemberDn = `uid=ghost.user,${containers.usersDn}`;
    danglingGroupDn = add('dangling-member', 'Lists a member DN that does not exist', [
      ...sampleDns(3),
      danglingMemberDn,
    ]);
  }

  for (let team = 1; groups.length < settings.groupCount; team++) {
    const size = 2 + Math.floor(random() * random() * 150);
    add(`team-${String(team).padStart(2, '0')}`, `Team ${team}`, sampleDns(size));
  }

  return {
    groups,
    notables: {
      nestedUserDn: nestedUser.dn,
      nestedGroupDns: [...nestedGroupDns].reverse(),
      cycleGroupDns,
      ...(danglingGroupDn === undefined ? {} : { danglingGroupDn, danglingMemberDn }),
      bigGroupDn,
      specialUserLogins: users.filter((user) => user.special).map((user) => user.login),
    },
  };
}

/** Direct groups of every member DN, keyed by the DN as written (what memberOf should list). */
export function directMemberOf(groups: readonly FixtureGroup[]): Map<string, string[]> {
  const memberOf = new Map<string, string[]>();
  for (const group of groups) {
    for (const member of group.memberDns) {
      const list = memberOf.get(member) ?? [];
      list.push(group.dn);
      memberOf.set(member, list);
    }
  }
  return memberOf;
}

// ---------------------------------------------------------------------------------------------
// LDIF rendering

export interface LdifRenderOptions {
  /**
   * Write memberOf into users and groups (direct memberships). For slapadd, which runs no
   * overlays (STACK.md pitfall 10); the memberof overlay of a running slapd also misses
   * memberOf on a membership cycle, so loading everything offline is the way to get it right.
   */
  withMemberOf?: boolean;
}

/** The users and groups containers. */
export function renderContainersLdif(fixture: GeneratedFixture): string {
  return [
    ldifRecord(fixture.usersDn, [
      ['objectClass', 'organizationalUnit'],
      ['ou', 'people'],
    ]),
    ldifRecord(fixture.groupsDn, [
      ['objectClass', 'organizationalUnit'],
      ['ou', 'groups'],
    ]),
  ].join('');
}

export function renderUsersLdif(fixture: GeneratedFixture, options: LdifRenderOptions = {}): string {
  const memberOf = memberOfFor(fixture, options);
  return fixture.users
    .map((user) => ldifRecord(user.dn, userAttributes(fixture, user, memberOf(user.dn))))
    .join('');
}

/** Groups in fixture order: every member group first, except for the OpenLDAP cycle. */
export function renderGroupsLdif(fixture: GeneratedFixture, options: LdifRenderOptions = {}): string {
  const memberOf = memberOfFor(fixture, options);
  return fixture.groups
    .map((group) => ldifRecord(group.dn, groupAttributes(fixture, group, memberOf(group.dn))))
    .join('');
}

/** The fixture's containers, users and groups as one LDIF document (the base entry is not included). */
export function renderFixtureLdif(fixture: GeneratedFixture, options: LdifRenderOptions = {}): string {
  return (
    renderContainersLdif(fixture) + renderUsersLdif(fixture, options) + renderGroupsLdif(fixture, options)
  );
}

function memberOfFor(
  fixture: GeneratedFixture,
  options: LdifRenderOptions,
): (dn: string) => readonly string[] {
  if (!options.withMemberOf) return () => [];
  const memberOf = directMemberOf(fixture.groups);
  return (dn) => memberOf.get(dn) ?? [];
}

function userAttributes(
  fixture: GeneratedFixture,
  user: FixtureUser,
  memberOf: readonly string[],
): LdifAttribute[] {
  const common: LdifAttribute[] = [
    ['givenName', user.givenName],
    ['sn', user.sn],
    ['displayName', user.displayName],
    ['mail', user.mail],
  ];
  if (fixture.flavour === 'ad') {
    const realm = fixture.baseDn
      .replace(/(^|,)DC=/gi, (_match, comma: string) => (comma ? '.' : ''))
      .toLowerCase();
    return [
      ['objectClass', 'user'],
      ['sAMAccountName', user.login],
      ['userPrincipalName', `${user.login}@${realm}`],
      ...common,
      ['userAccountControl', user.enabled ? '512' : '514'],
    ];
  }
  return [
    ['objectClass', 'inetOrgPerson'],
    ['uid', user.login],
    ['cn', user.special ? user.rdnValue : user.displayName],
    ...common,
    ...memberOf.map((dn): LdifAttribute => ['memberOf', dn]),
  ];
}

function groupAttributes(
  fixture: GeneratedFixture,
  group: FixtureGroup,
  memberOf: readonly string[],
): LdifAttribute[] {
  const members = group.memberDns.map((dn): LdifAttribute => ['member', dn]);
  if (fixture.flavour === 'ad') {
    return [
      ['objectClass', 'group'],
      ['sAMAccountName', group.name],
      ['description', group.description],
      ...members,
    ];
  }
  return [
    ['objectClass', 'groupOfNames'],
    ['cn', group.name],
    ['description', group.description],
    ...members,
    ...memberOf.map((dn): LdifAttribute => ['memberOf', dn]),
  ];
}

export type DnEscaping = 'backslash' | 'hex';

/**
 * Escapes an attribute value for use in a DN (RFC 4514 section 2.4): `\,` style, or `\2C` style,
 * which is how OpenLDAP stores and returns DNs (its "pretty" form). UTF-8 is left as it is.
 */
export function escapeRdnValue(value: string, escaping: DnEscaping = 'backslash'): string {
  // One pass, so that an escaped leading space is not escaped again as a trailing one.
  return value.replace(/^[# ]| $|["+,;<>\\=\0]/g, (char) =>
    escaping === 'hex' || char === '\0'
      ? `\\${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
      : `\\${char}`,
  );
}

// ---------------------------------------------------------------------------------------------
// LDIF parsing (of ldapsearch output)

export interface LdifEntry {
  dn: string;
  /** Attribute descriptions exactly as the server sent them (e.g. "member;range=0-1499"), in order. */
  attributes: Map<string, string[]>;
}

/** Parses LDIF as printed by ldapsearch: comments, folded lines, base64 values, control lines. */
export function parseLdif(text: string): LdifEntry[] {
  const entries: LdifEntry[] = [];
  for (const block of text.split(/\r?\n(?:\r?\n)+/)) {
    const lines = unfoldLines(block).filter((line) => line !== '' && !line.startsWith('#'));
    const first = lines[0];
    if (first === undefined || !/^dn::? /i.test(first)) continue;
    const attributes = new Map<string, string[]>();
    let dn = '';
    for (const line of lines) {
      const parsed = parseLdifLine(line);
      if (!parsed) continue;
      if (parsed.name.toLowerCase() === 'dn') {
        dn = parsed.value;
        continue;
      }
      const values = attributes.get(parsed.name) ?? [];
      values.push(parsed.value);
      attributes.set(parsed.name, values);
    }
    entries.push({ dn, attributes });
  }
  return entries;
}

function unfoldLines(block: string): string[] {
  const lines: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    const last = lines.length - 1;
    if (line.startsWith(' ') && last >= 0) lines[last] = `${lines[last] ?? ''}${line.slice(1)}`;
    else lines.push(line);
  }
  return lines;
}

function parseLdifLine(line: string): { name: string; value: string } | undefined {
  const match = /^([^:]+):(:?) ?(.*)$/.exec(line);
  if (!match) return undefined;
  const [, name = '', base64 = '', raw = ''] = match;
  return { name, value: base64 === ':' ? Buffer.from(raw, 'base64').toString('utf8') : raw };
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: small, fast, and the same sequence on every platform for a given seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick() from an empty list');
  return item;
}

/** `count` distinct items, in their original order (a partial Fisher-Yates shuffle of indexes). */
function sample<T>(items: readonly T[], count: number, random: () => number): T[] {
  const indexes = items.map((_item, index) => index);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (indexes.length - i));
    const swap = indexes[i];
    const other = indexes[j];
    if (swap === undefined || other === undefined) break;
    indexes[i] = other;
    indexes[j] = swap;
  }
  return indexes
    .slice(0, count)
    .sort((a, b) => a - b)
    .flatMap((index) => {
      const item = items[index];
      return item === undefined ? [] : [item];
    });
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '');
}
