import { type AttributeTypeAndValue, formatDn, parseDn, type Rdn } from './dn-parse.js';

// RFC 4514 section 3: the names a DN string should use for these types. Mapping the OIDs lets
// `2.5.4.3=Jo` and `CN=Jo` normalize to the same string.
const OID_NAMES: ReadonlyMap<string, string> = new Map([
  ['2.5.4.3', 'cn'],
  ['2.5.4.7', 'l'],
  ['2.5.4.8', 'st'],
  ['2.5.4.10', 'o'],
  ['2.5.4.11', 'ou'],
  ['2.5.4.6', 'c'],
  ['2.5.4.9', 'street'],
  ['0.9.2342.19200300.100.1.25', 'dc'],
  ['0.9.2342.19200300.100.1.1', 'uid'],
]);

/**
 * The canonical form of a DN, for comparison and storage: attribute types lower-cased (well-known
 * OIDs replaced by their names), values prepared like LDAP caseIgnoreMatch does (Unicode NFKC, lower
 * case, leading/trailing spaces dropped, inner runs of white space collapsed to one space), the pairs
 * of a multi-valued RDN sorted, no spaces around separators, values re-escaped minimally.
 * Hex-string values (`#...`) are kept as lower-case hex: they are compared byte for byte.
 */
export function normalizeDn(dn: string): string {
  // Most DNs are plain ASCII `type=value` pairs whose normal form is their lower case: no parse needed.
  // A sync normalizes every memberOf/member value (millions at 100k users), most of them repeats.
  if (PLAIN_ASCII_DN.test(dn)) return dn.toLowerCase();
  const known = parsedDnCache.get(dn);
  if (known !== undefined) return known;
  const normalized = normalizeDnByParsing(dn);
  if (parsedDnCache.size >= PARSED_DN_CACHE_SIZE) parsedDnCache.clear();
  parsedDnCache.set(dn, normalized);
  return normalized;
}

/** normalizeDn without its shortcuts: the full RFC 4514 parse and format (the reference in tests). */
export function normalizeDnByParsing(dn: string): string {
  return formatDn(normalizeRdns(parseDn(dn)));
}

// Keyword types and values of letters, digits and `._@-` with single inner spaces, no space around
// separators, no '+', escapes, quotes or hex: parsing would only lower-case such a DN.
const PLAIN_VALUE = '[A-Za-z0-9._@-]+(?: [A-Za-z0-9._@-]+)*';
const PLAIN_RDN = `[A-Za-z][A-Za-z0-9-]*=${PLAIN_VALUE}`;
const PLAIN_ASCII_DN = new RegExp(`^${PLAIN_RDN}(?:,${PLAIN_RDN})*$`);

/** Parsed DNs of a process, bounded: cleared when full, so a huge directory cannot grow it without end. */
const PARSED_DN_CACHE_SIZE = 100_000;
const parsedDnCache = new Map<string, string>();

/** True when both strings name the same entry (compared in normalized form). */
export function dnEquals(a: string, b: string): boolean {
  return normalizeDn(a) === normalizeDn(b);
}

/** True when `dn` is `baseDn` itself or lies anywhere below it (like a subtree search from baseDn). */
export function isDnWithin(dn: string, baseDn: string): boolean {
  const entry = normalizeRdns(parseDn(dn)).map((rdn) => formatDn([rdn]));
  const base = normalizeRdns(parseDn(baseDn)).map((rdn) => formatDn([rdn]));
  const offset = entry.length - base.length;
  return offset >= 0 && base.every((rdn, index) => rdn === entry[offset + index]);
}

/** The DN of the entry's parent (values keep their case): '' for a one-RDN DN, null for the root. */
export function parentDn(dn: string): string | null {
  const rdns = parseDn(dn);
  return rdns.length === 0 ? null : formatDn(rdns.slice(1));
}

/**
 * The containers between `baseDn` (or the root, when no base is given) and the entry, top first, as
 * their RDN values with original case; the entry's own RDN is not included. For
 * `cn=Admins,ou=Apps,ou=Groups,dc=example,dc=com` below `dc=example,dc=com` this is
 * `['Groups', 'Apps']`, the path of a role catalogue node. A multi-valued RDN gives its values
 * joined by '+'. Returns null when the entry is not below the base.
 */
export function rdnPath(dn: string, baseDn = ''): string[] | null {
  if (!isDnWithin(dn, baseDn)) return null;
  const rdns = parseDn(dn);
  const containers = rdns.slice(1, rdns.length - parseDn(baseDn).length);
  return containers.reverse().map((rdn) => rdn.map((pair) => pair.value).join('+'));
}

function normalizeRdns(rdns: readonly Rdn[]): Rdn[] {
  return rdns.map((rdn) => rdn.map(normalizeAttributeTypeAndValue).sort(comparePairs));
}

function normalizeAttributeTypeAndValue(pair: AttributeTypeAndValue): AttributeTypeAndValue {
  const type = pair.type.toLowerCase();
  return {
    type: OID_NAMES.get(type) ?? type,
    value: pair.isHex ? pair.value : prepareValue(pair.value),
    isHex: pair.isHex,
  };
}

function prepareValue(value: string): string {
  const prepared = value.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ');
  const trimmed = prepared.trim();
  // RFC 4518: a value of nothing but spaces matches as a single space.
  return trimmed === '' && prepared !== '' ? ' ' : trimmed;
}

function comparePairs(a: AttributeTypeAndValue, b: AttributeTypeAndValue): number {
  const byType = compareStrings(a.type, b.type);
  return byType === 0 ? compareStrings(a.value, b.value) : byType;
}

// Code-unit order, not locale order: the normalized form must not depend on the machine's locale.
function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
