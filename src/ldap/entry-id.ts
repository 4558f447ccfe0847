import { getAttributeValues, type LdapEntry } from './ldap-entry.js';

/**
 * Attributes that hold an entry's stable id, in order of preference: AD, OpenLDAP (RFC 4530),
 * 389-DS, FreeIPA. Searches must request them by name (most are operational).
 */
export const STABLE_ID_ATTRIBUTES = ['objectGUID', 'entryUUID', 'nsUniqueId', 'ipaUniqueID'] as const;

export type StableIdAttribute = (typeof STABLE_ID_ATTRIBUTES)[number];

export interface StableId {
  attribute: StableIdAttribute;
  /** Lower-cased: all four are case-insensitive UUID-like strings. */
  value: string;
}

/** The entry's stable id (survives rename and move, unlike the DN), or null when none was returned. */
export function readStableId(entry: LdapEntry): StableId | null {
  for (const attribute of STABLE_ID_ATTRIBUTES) {
    const value = getAttributeValues(entry, attribute)[0];
    if (value !== undefined) return { attribute, value: value.toLowerCase() };
  }
  return null;
}
