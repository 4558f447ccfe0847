import type { GroupMemberAttribute } from '../domain/directory-kinds.js';
import type { StagedGroupRow, StagedUserRow } from '../db/staging.repository.js';
import { normalizeDn, readStableId, type LdapEntry } from '../ldap/index.js';

/** Which LDAP attributes give which identity fields (names as configured, compared case-insensitively). */
export interface UserAttributeMapping {
  login: string;
  name: string | null;
  email: string | null;
  externalId: string | null;
}

export interface MappedEntry<Row> {
  row: Row;
  /** Values that could not be used (e.g. a memberOf value that is no DN), for the run log. */
  rejectedValues: string[];
}

function first(entry: LdapEntry, attribute: string | null): string | null {
  if (attribute === null) return null;
  return entry.attributes[attribute.toLowerCase()]?.[0] ?? null;
}

function all(entry: LdapEntry, attribute: string): readonly string[] {
  return entry.attributes[attribute.toLowerCase()] ?? [];
}

/** Normalizes DN values, setting aside those that are not DNs instead of failing the page. */
function normalizeDnValues(values: readonly string[]): { dns: string[]; rejected: string[] } {
  const dns: string[] = [];
  const rejected: string[] = [];
  for (const value of values) {
    try {
      dns.push(normalizeDn(value));
    } catch {
      rejected.push(value);
    }
  }
  return { dns, rejected };
}

/** The distinct values, sorted: sorted first, so that repeats are neighbours (cheaper than a Set). */
function sortedSet(values: string[]): string[] {
  values.sort();
  return values.filter((value, index) => index === 0 || value !== values[index - 1]);
}

/**
 * What mapUserEntry makes of an entry, as a version: part of the seed of the users' entry digests, so
 * rows staged by an earlier mapping are never taken for an entry's. Raise it when the mapping changes.
 */
export const USER_ROW_VERSION = 1;

export function mapUserEntry(
  entry: LdapEntry & { digest?: string | null },
  mapping: UserAttributeMapping,
): MappedEntry<StagedUserRow> {
  const memberOf = normalizeDnValues(all(entry, 'memberOf'));
  return {
    row: {
      dn: entry.dn,
      dnNorm: normalizeDn(entry.dn),
      stableId: readStableId(entry)?.value ?? null,
      login: first(entry, mapping.login),
      displayName: first(entry, mapping.name),
      email: first(entry, mapping.email),
      externalId: first(entry, mapping.externalId),
      // A sorted set: comparing a row with the snapshot's must not depend on the server's order.
      memberOf: sortedSet(memberOf.dns),
      entryDigest: entry.digest ?? null,
    },
    rejectedValues: memberOf.rejected,
  };
}

/** uniqueMember values may carry an optional `#'0101'B` UID suffix (RFC 4517 NameAndOptionalUID). */
function stripOptionalUid(value: string): string {
  return value.replace(/#'[01]*'B$/, '');
}

/**
 * Member values in canonical form. memberUid holds login names: compared case-insensitively, kept
 * lower-cased. The other attributes hold DNs.
 */
export function prepareMemberValues(
  attribute: GroupMemberAttribute,
  raw: readonly string[],
): { dns: string[]; rejected: string[] } {
  if (attribute === 'memberUid') return { dns: raw.map((uid) => uid.toLowerCase()), rejected: [] };
  return normalizeDnValues(attribute === 'uniqueMember' ? raw.map(stripOptionalUid) : raw);
}

/** Which group attributes a run reads, beyond the stable id. */
export interface GroupAttributeMapping {
  name: string;
  member: GroupMemberAttribute;
  description: string | null;
  catalogue: string | null;
}

/** As USER_ROW_VERSION, for mapGroupEntry. */
export const GROUP_ROW_VERSION = 1;

/**
 * With withMembers the member values are prepared for staging (a set of canonical values); without, a
 * run that stages none only counts them, as read: a directory's member values are distinct by its own
 * matching rule, and a full read at 100k users need not prepare a million DNs to count them.
 */
export function mapGroupEntry(
  entry: LdapEntry & { digest?: string | null },
  mapping: GroupAttributeMapping,
  withMembers: boolean,
): MappedEntry<StagedGroupRow> {
  const raw = all(entry, mapping.member);
  const prepared = withMembers ? prepareMemberValues(mapping.member, raw) : { dns: [], rejected: [] };
  const members = [...new Set(prepared.dns)];
  return {
    row: {
      dn: entry.dn,
      dnNorm: normalizeDn(entry.dn),
      stableId: readStableId(entry)?.value ?? null,
      name: first(entry, mapping.name),
      description: first(entry, mapping.description),
      catalogueValue: first(entry, mapping.catalogue),
      members,
      memberCount: withMembers ? members.length : raw.length,
      entryDigest: entry.digest ?? null,
    },
    rejectedValues: prepared.rejected,
  };
}
