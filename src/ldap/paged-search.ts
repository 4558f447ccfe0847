import type { SearchOptions, SearchResult } from 'ldapts';

import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import { parseDn } from './dn-parse.js';
import type { EntryDigestWatch } from './entry-digests.js';
import { parseFilter } from './filter-parse.js';
import { binaryAttributeNames, type LdapEntry, toLdapEntry } from './ldap-entry.js';
import { ldapFailure, type LdapErrorContext } from './ldap-error-map.js';
import { DEFAULT_RANGE_STEP, rangeRequest, type RangeOptions } from './ranged-attribute.js';

export type LdapScope = 'base' | 'one' | 'sub';

export interface PagedSearchRequest {
  baseDn: string;
  scope: LdapScope;
  /** RFC 4515 filter; build values into it with escapeFilterValue. */
  filter: string;
  /** Attributes to return. Operational ones (memberOf on OpenLDAP, entryUUID) must be named. */
  attributes: string[];
  /** Entries per page (RFC 2696 simple paged results), 1..100000. */
  pageSize: number;
  /** Server-side time limit for the whole search; exceeding it throws TIME_LIMIT. */
  timeLimitSeconds?: number;
  /**
   * Most entries the caller accepts. Enforced here: more throws SIZE_LIMIT, never a silent cut
   * (ldapts hides the server's sizeLimitExceeded when the request carries a size limit).
   */
  sizeLimit?: number;
  /**
   * Attributes to request with explicit AD ranges (`member;range=0-1499`) instead of whole. Ranges the
   * server returns on its own are always followed; this makes servers that range only on request
   * (Samba) page through values too.
   */
  rangedAttributes?: string[];
  /**
   * Values per range request. Without it the first request of a ranged attribute asks for 1500 and
   * the follow-ups for `N-*` (the server picks the size, as AD clients do); with it every request
   * asks for that many.
   */
  rangeStepSize?: number;
}

export const MAX_PAGE_SIZE = 100_000;

/** A validated request, ready for ldapts. */
export interface PreparedPagedSearch {
  baseDn: string;
  options: SearchOptions;
  pageSize: number;
  sizeLimit: number | undefined;
  ranges: RangeOptions;
}

/** Validates a request (BAD_USER_INPUT, INVALID_DN, INVALID_FILTER) and builds the ldapts options. */
export function preparePagedSearch(request: PagedSearchRequest): PreparedPagedSearch {
  const { pageSize, sizeLimit, timeLimitSeconds, rangeStepSize } = request;
  requireWholeNumber('pageSize', pageSize, 1, MAX_PAGE_SIZE);
  if (sizeLimit !== undefined) requireWholeNumber('sizeLimit', sizeLimit, 1);
  if (timeLimitSeconds !== undefined) requireWholeNumber('timeLimitSeconds', timeLimitSeconds, 0);
  if (rangeStepSize !== undefined) requireWholeNumber('rangeStepSize', rangeStepSize, 1);
  parseDn(request.baseDn);
  const explicitlyRanged = (request.rangedAttributes ?? []).map((name) => name.toLowerCase());
  const attributes = [
    ...request.attributes.filter((name) => !explicitlyRanged.includes(name.toLowerCase())),
    ...explicitlyRanged.map((name) => rangeRequest(name, 0, rangeStepSize ?? DEFAULT_RANGE_STEP)),
  ];
  return {
    baseDn: request.baseDn,
    options: {
      scope: request.scope,
      filter: parseFilter(request.filter),
      attributes,
      explicitBufferAttributes: binaryAttributeNames(attributes),
      paged: { pageSize },
      ...(timeLimitSeconds === undefined ? {} : { timeLimit: timeLimitSeconds }),
    },
    pageSize,
    sizeLimit,
    ranges: { stepSize: rangeStepSize, explicitlyRanged },
  };
}

/** An entry read with its digest (watchEntryDigests); null when the read took none. */
export interface DigestedEntry extends LdapEntry {
  digest: string | null;
}

/** A page of a digested read: the entries decoded, and the digests of those known and left undecoded. */
export interface DigestedPage {
  entries: DigestedEntry[];
  known: string[];
}

/**
 * Turns ldapts result pages into pages of entries, one page in memory at a time. Empty pages are
 * skipped; search references (AD's pointers to other partitions) are not followed. `complete` finishes
 * each entry (ranged attributes) before its page is handed on. With a watch, an entry it saw as known
 * is only counted and its digest listed (ldapts got a stand-in without attributes, or nothing).
 */
export async function* convertPages(
  pages: AsyncIterable<SearchResult>,
  prepared: PreparedPagedSearch,
  complete: (entry: LdapEntry) => Promise<LdapEntry>,
  context: LdapErrorContext,
  watch: EntryDigestWatch | null,
): AsyncGenerator<DigestedPage> {
  let count = 0;
  for await (const page of pages) {
    // The known entries ldapts never got (all but one per page) arrived with this page.
    const known = watch?.takeDropped() ?? [];
    count += page.searchEntries.length + known.length;
    if (prepared.sizeLimit !== undefined && count > prepared.sizeLimit) {
      throw ldapFailure(
        ErrorCode.SIZE_LIMIT,
        `the search matched more than the size limit of ${prepared.sizeLimit} entries`,
        context,
      );
    }
    const entries: DigestedEntry[] = [];
    for (const raw of page.searchEntries) {
      const seen = watch?.take(raw.dn);
      if (seen?.known === true) known.push(seen.digest);
      else entries.push({ ...(await complete(toLdapEntry(raw))), digest: seen?.digest ?? null });
    }
    if (entries.length > 0 || known.length > 0) yield { entries, known };
  }
}

function requireWholeNumber(name: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `between ${min} and ${max}`;
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${name} must be a whole number ${range} (got ${value}).`, {
      details: { field: name },
    });
  }
}
