import { Context } from '@temporalio/activity';
import type { GroupMemberAttribute } from '../domain/directory-kinds.js';
import type { ReadMark } from '../domain/read-modes.js';
import { getAttributeValues, type LdapSession } from '../ldap/index.js';
import { changedSinceFilter } from '../sync/read-mode-decision.js';
import { isEntryCsn } from '../sync/entry-csn.js';
import {
  logReachesBack,
  memberDeltasOf,
  type AccessLogRecord,
  type MemberDeltas,
} from '../sync/member-deltas.js';

type EntryCsnMark = Extract<ReadMark, { kind: 'ENTRY_CSN' }>;

export interface DeltaWindow {
  /** The log database's suffix (Directory.accessLogBaseDn). */
  logBaseDn: string;
  /** The snapshot's mark: changes after it count. */
  since: EntryCsnMark;
  /** This run's mark: changes after it are the next run's, so each change is applied once. */
  until: EntryCsnMark;
}

/**
 * The member deltas of the groups read (by stable id) between two marks, from OpenLDAP's access log.
 * Unusable when the log does not provably reach back to the snapshot's mark: its minCSN (the oldest
 * record it keeps) must be at or before it, so that purging has removed nothing after it. The log is
 * trusted to hold every write since, as delta-syncrepl trusts it.
 */
export async function readMemberDeltas(
  session: LdapSession,
  window: DeltaWindow,
  groupStableIds: ReadonlySet<string>,
  attribute: GroupMemberAttribute,
  pageSize: number,
): Promise<MemberDeltas> {
  const { logBaseDn } = window;
  const base = await session.readEntry(logBaseDn, ['minCSN']);
  if (base === null) return { usable: false, reason: `the access log ${logBaseDn} cannot be read` };
  if (!logReachesBack(getAttributeValues(base, 'minCSN'), window.since.value)) {
    return {
      usable: false,
      reason: 'the access log does not reach back to the last run (purged, or started since)',
    };
  }
  if (!isEntryCsn(window.until.value)) throw new Error(`not an entryCSN: ${window.until.value}`);
  const records: AccessLogRecord[] = [];
  const pages = session.pagedSearch({
    baseDn: logBaseDn,
    scope: 'one',
    filter: `(&(objectClass=auditWriteObject)(reqResult=0)${changedSinceFilter(window.since)}(entryCSN<=${window.until.value}))`,
    attributes: ['entryCSN', 'reqType', 'reqEntryUUID', 'reqMod'],
    pageSize,
  });
  let read = 0;
  for await (const page of pages) {
    // A window of days may hold many pages of writes.
    read += page.length;
    Context.current().heartbeat({ logRecordsRead: read });
    for (const entry of page) {
      const entryUuid = getAttributeValues(entry, 'reqEntryUUID')[0]?.toLowerCase() ?? null;
      // Only the groups read are kept: a window of days may hold many more writes to other entries.
      if (entryUuid === null || !groupStableIds.has(entryUuid)) continue;
      const csn = getAttributeValues(entry, 'entryCSN')[0];
      if (csn === undefined) return { usable: false, reason: 'an access log record carries no entryCSN' };
      records.push({
        csn,
        type: getAttributeValues(entry, 'reqType')[0] ?? '',
        entryUuid,
        mods: getAttributeValues(entry, 'reqMod'),
      });
    }
  }
  return memberDeltasOf(records, groupStableIds, attribute);
}
