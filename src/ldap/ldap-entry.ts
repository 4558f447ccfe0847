import type { Entry } from 'ldapts';

import { objectGuidToString, objectSidToString } from './binary-attributes.js';

/**
 * A directory entry as the rest of Rolesync sees it: attribute names lower-cased, every attribute
 * with at least one value, all values strings. objectGUID and objectSid are in their standard string
 * forms; other values that are not UTF-8 text (photos, certificates) are base64.
 */
export interface LdapEntry {
  dn: string;
  attributes: Record<string, string[]>;
}

const BINARY_TO_STRING: ReadonlyMap<string, (bytes: Buffer) => string> = new Map([
  ['objectguid', objectGuidToString],
  ['objectsid', objectSidToString],
]);

/**
 * The attribute names to hand ldapts as `explicitBufferAttributes`. ldapts compares them with the
 * name the server sends, case-sensitively, and decodes any value that happens to be valid UTF-8 as
 * text: a GUID can be. So list the usual spellings and the caller's own.
 */
export function binaryAttributeNames(requested: readonly string[]): string[] {
  const names = new Set(['objectGUID', 'objectguid', 'objectSid', 'objectsid']);
  for (const name of requested) {
    if (BINARY_TO_STRING.has(name.toLowerCase())) names.add(name);
  }
  return [...names];
}

/**
 * Converts an ldapts search entry; see LdapEntry. Into a prototype-free object, key by key: a sync
 * converts millions, and a Map turned into an object took 2.6 times as long (300k user entries: 360
 * against 140 ms). No prototype, so a server's attribute named like an Object method is just a key.
 */
export function toLdapEntry(raw: Entry): LdapEntry {
  const attributes: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const name of Object.keys(raw)) {
    if (name === 'dn') continue;
    const rawValue = raw[name];
    if (rawValue === undefined) continue;
    const key = name.toLowerCase();
    const values = toTexts(key, Array.isArray(rawValue) ? rawValue : [rawValue]);
    if (values.length === 0) continue;
    const earlier = attributes[key];
    attributes[key] = earlier === undefined ? values : [...earlier, ...values];
  }
  return { dn: raw.dn, attributes };
}

/** The values of an attribute (name in any case), [] when absent. */
export function getAttributeValues(entry: LdapEntry, name: string): string[] {
  const key = name.toLowerCase();
  return Object.hasOwn(entry.attributes, key) ? (entry.attributes[key] ?? []) : [];
}

/**
 * The values as strings. Text values, nearly all of them, keep the array ldapts made (a sync converts
 * millions): only binary attributes and values that are not UTF-8 are converted.
 */
function toTexts(attribute: string, values: (string | Buffer)[]): string[] {
  const convert = BINARY_TO_STRING.get(attribute);
  if (convert === undefined && values.every((value) => typeof value === 'string')) return values;
  return values.map((value) => toText(convert, value));
}

function toText(convert: ((bytes: Buffer) => string) | undefined, value: string | Buffer): string {
  // A binary attribute that ldapts decoded as text (its name was spelt differently) is re-encoded:
  // a successful strict UTF-8 decode round-trips to the same bytes.
  if (convert !== undefined) return convert(typeof value === 'string' ? Buffer.from(value, 'utf8') : value);
  return typeof value === 'string' ? value : value.toString('base64');
}
