import type { GroupMemberAttribute } from '../domain/directory-kinds.js';
import { isEntryCsn } from './entry-csn.js';
import { prepareMemberValues } from './entry-mapping.js';

/** One successful write from OpenLDAP's access log (an auditWriteObject entry), as far as deltas need it. */
export interface AccessLogRecord {
  /** The change's entryCSN: the CSN it gave the entry it changed. */
  csn: string;
  /** reqType: add, delete, modify, modrdn, extended. */
  type: string;
  /** reqEntryUUID, lower-cased: the changed entry's entryUUID (its stable id). */
  entryUuid: string | null;
  /** reqMod values: `attribute:+ value`, `attribute:- value`, `attribute:= value`, `attribute:-` and so on. */
  mods: readonly string[];
}

/** What one group's member values did between two marks. */
export interface GroupMemberDelta {
  /** Canonical values whose last change in the window added them. */
  added: string[];
  /** Canonical values whose last change in the window removed them. */
  removed: string[];
  /** Values added minus values removed: each logged add or delete of a value changed the count by one. */
  countChange: number;
}

export type MemberDeltas =
  { usable: true; byStableId: Map<string, GroupMemberDelta> } | { usable: false; reason: string };

/**
 * Whether a log whose oldest records have these CSNs (the log base's minCSN, one per server id) holds
 * every change after `since`: only when none is later, as purging removes the oldest records first.
 */
export function logReachesBack(minCsns: readonly string[], since: string): boolean {
  return minCsns.length > 0 && minCsns.every((csn) => isEntryCsn(csn) && csn <= since);
}

/**
 * The member-value deltas of the groups with these stable ids, from the log's records of one window
 * (each change exactly once). Only modifies that add or delete named values are deltas; anything else
 * that touched such a group (it was added, deleted or renamed, or its member values were replaced or
 * deleted whole) makes the deltas unusable, and the run reads those groups' values whole instead.
 */
export function memberDeltasOf(
  records: readonly AccessLogRecord[],
  groupStableIds: ReadonlySet<string>,
  attribute: GroupMemberAttribute,
): MemberDeltas {
  const prefix = `${attribute.toLowerCase()}:`;
  const lastChange = new Map<string, Map<string, boolean>>();
  const countChange = new Map<string, number>();
  // CSNs of one server sort as strings; the log is read in reqStart order, which may differ.
  const ordered = [...records].sort((a, b) => (a.csn < b.csn ? -1 : a.csn > b.csn ? 1 : 0));
  for (const record of ordered) {
    const id = record.entryUuid;
    if (id === null || !groupStableIds.has(id)) continue;
    if (record.type !== 'modify') {
      return { usable: false, reason: `a group read was changed by a logged ${record.type}` };
    }
    const values = lastChange.get(id) ?? new Map<string, boolean>();
    lastChange.set(id, values);
    for (const mod of record.mods) {
      if (!mod.toLowerCase().startsWith(prefix)) continue;
      const op = mod.charAt(prefix.length);
      const value = mod.slice(prefix.length + 2);
      if ((op !== '+' && op !== '-') || mod.length <= prefix.length + 2) {
        return { usable: false, reason: `a group read had its ${attribute} values replaced or cleared` };
      }
      const [canonical] = prepareMemberValues(attribute, [value]).dns;
      if (canonical === undefined) continue;
      values.set(canonical, op === '+');
      countChange.set(id, (countChange.get(id) ?? 0) + (op === '+' ? 1 : -1));
    }
  }
  const byStableId = new Map<string, GroupMemberDelta>();
  for (const [id, values] of lastChange) {
    const added: string[] = [];
    const removed: string[] = [];
    for (const [value, isAdded] of values) (isAdded ? added : removed).push(value);
    byStableId.set(id, { added, removed, countChange: countChange.get(id) ?? 0 });
  }
  return { usable: true, byStableId };
}
