import type { SearchScope } from '../domain/directory-kinds.js';
import type { ReadMark } from '../domain/read-modes.js';
import { getAttributeValues, type LdapSession } from '../ldap/index.js';
import { ldapScope } from '../services/directory-connection.js';
import { isEntryCsn, laterCsn } from '../sync/entry-csn.js';
import { withChangedSince } from '../sync/read-mode-decision.js';

/** One search of a run's read. */
export interface Query {
  baseDn: string;
  scope: SearchScope;
  filter: string;
  attributes: string[];
}

type EntryCsnMark = Extract<ReadMark, { kind: 'ENTRY_CSN' }>;

/**
 * The mark of a read by entryCSN: the greatest entryCSN of the entries the read's queries select, taken
 * before the read. A change committed later gets a greater CSN, so the next read, which starts right
 * after the mark, sees it. A mark taken from the entries read would pass over an entry changed after its
 * page was read; this way such an entry is only read once more.
 *
 * `from`, when given, is a mark of this server: only entries changed since it are asked for. Null when an
 * entry carries no entryCSN (not OpenLDAP, or an ACL hides it): the read then marks by modifyTimestamp.
 */
export async function readEntryCsnMark(
  session: LdapSession,
  queries: readonly Omit<Query, 'attributes'>[],
  from: EntryCsnMark | null,
  pageSize: number,
): Promise<EntryCsnMark | null> {
  let latest = from?.value ?? null;
  for (const query of queries) {
    const pages = session.pagedSearch({
      baseDn: query.baseDn,
      scope: ldapScope(query.scope),
      filter: withChangedSince(query.filter, from),
      attributes: ['entryCSN'],
      pageSize,
    });
    for await (const page of pages) {
      for (const entry of page) {
        const csn = getAttributeValues(entry, 'entryCSN')[0];
        if (csn === undefined || !isEntryCsn(csn)) return null;
        latest = laterCsn(latest, csn);
      }
    }
  }
  return latest === null ? null : { kind: 'ENTRY_CSN', value: latest };
}
