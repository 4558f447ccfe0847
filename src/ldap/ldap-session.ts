import { type Client, NoSuchObjectError } from 'ldapts';

import type { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import { escapeFilterValue } from './filter-escape.js';
import { parseFilter } from './filter-parse.js';
import { binaryAttributeNames, type LdapEntry, toLdapEntry } from './ldap-entry.js';
import { ldapFailure, type LdapErrorContext, toAppError } from './ldap-error-map.js';
import { type MemberWriter, modifyMembers } from './modify-members.js';
import { type EntryDigestWatch, type KnownEntries, watchEntryDigests } from './entry-digests.js';
import {
  convertPages,
  type DigestedPage,
  type PagedSearchRequest,
  preparePagedSearch,
  type PreparedPagedSearch,
} from './paged-search.js';
import { readAhead } from './read-ahead.js';
import { completeRangedAttributes, type EntryReader, readRangedAttribute } from './ranged-attribute.js';
import { parseRootDse, ROOT_DSE_ATTRIBUTES, type RootDse } from './root-dse.js';

/** A bound connection to one directory server; made by openLdapSession. Not safe to share between runs. */
export class LdapSession {
  private connectionLost = false;

  /** @param url the server this session connected to (after failover). */
  constructor(
    private readonly client: Client,
    readonly url: string,
  ) {}

  /**
   * Streams the result one page at a time (RFC 2696), never the whole result in memory: the next page
   * is fetched while the caller works on the current one (readAhead), so at most two are held. Throws
   * synchronously on an invalid request; errors while reading surface from the iteration. An error
   * after some pages means the result is incomplete: callers must not act on it as if complete.
   */
  pagedSearch(request: PagedSearchRequest): AsyncIterable<LdapEntry[]> {
    return readAhead(entriesOf(this.pages(preparePagedSearch(request), null)));
  }

  /**
   * pagedSearch, with every entry's digest taken as it arrives; the entries `known` lists are left
   * undecoded and only their digests handed on (watchEntryDigests). Without known entries, no digests.
   */
  pagedSearchDigested(request: PagedSearchRequest, known: KnownEntries | null): AsyncIterable<DigestedPage> {
    return readAhead(this.pages(preparePagedSearch(request), known));
  }

  /** The entry with the given attributes (ranges followed), or null when it does not exist. */
  async readEntry(dn: string, attributes: string[]): Promise<LdapEntry | null> {
    const entry = await this.readUnranged(dn, attributes);
    return entry === null ? null : completeRangedAttributes(entry, this.readUnranged);
  }

  /** All values of one attribute, read in explicit ranges of `stepSize` (see readRangedAttribute). */
  readRangedAttribute(dn: string, attribute: string, stepSize?: number): Promise<string[]> {
    return readRangedAttribute(dn, attribute, this.readUnranged, stepSize);
  }

  /** Adds and removes members of a group, idempotently (see modifyMembers in modify-members.ts). */
  async modifyMembers(groupDn: string, attribute: string, add: string[], remove: string[]): Promise<void> {
    const context: LdapErrorContext = { operation: 'modify', url: this.url, dn: groupDn };
    const writer: MemberWriter = {
      modify: async (changes, control) => {
        this.assertConnected(context);
        await this.client.modify(groupDn, changes, control);
      },
      hasValue: async (name, value) => {
        this.assertConnected(context);
        const filter = parseFilter(`(${name}=${escapeFilterValue(value)})`);
        const result = await this.client.search(groupDn, { scope: 'base', filter, attributes: ['1.1'] });
        return result.searchEntries.length > 0;
      },
    };
    try {
      await modifyMembers(writer, attribute, add, remove);
    } catch (error) {
      throw this.failure(error, context);
    }
  }

  async readRootDse(): Promise<RootDse> {
    const entry = await this.readUnranged('', ROOT_DSE_ATTRIBUTES);
    if (entry === null)
      throw ldapFailure(ErrorCode.DIRECTORY_ERROR, 'the server returned no root DSE', {
        operation: 'read',
        url: this.url,
        dn: '',
      });
    return parseRootDse(entry);
  }

  /** Unbinds and closes the connection. Never throws: a connection that fails to close is gone anyway. */
  async close(): Promise<void> {
    // ldapts destroys the socket as soon as the unbind is written, but on a lost connection its
    // promise settles only at the operation timeout: do not wait for it then.
    const unbind = this.client.unbind().catch(() => undefined);
    if (!this.connectionLost) await unbind;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  private async *pages(
    prepared: PreparedPagedSearch,
    known: KnownEntries | null,
  ): AsyncGenerator<DigestedPage> {
    const context: LdapErrorContext = {
      operation: 'paged search',
      url: this.url,
      dn: prepared.baseDn,
      pageSize: prepared.pageSize,
    };
    let watch: EntryDigestWatch | null = null;
    try {
      this.assertConnected(context);
      watch = known === null ? null : watchEntryDigests(this.client, known);
      const raw = this.client.searchPaginated(prepared.baseDn, prepared.options);
      yield* convertPages(
        raw,
        prepared,
        (entry) => completeRangedAttributes(entry, this.readUnranged, prepared.ranges),
        context,
        watch,
      );
    } catch (error) {
      throw this.failure(error, context);
    } finally {
      watch?.stop();
    }
  }

  /** One base-scope read without following ranges; the building block of range retrieval. */
  private readonly readUnranged: EntryReader = async (dn, attributes) => {
    const context: LdapErrorContext = { operation: 'read', url: this.url, dn };
    try {
      this.assertConnected(context);
      const result = await this.client.search(dn, {
        scope: 'base',
        filter: '(objectClass=*)',
        attributes,
        explicitBufferAttributes: binaryAttributeNames(attributes),
      });
      const [raw] = result.searchEntries;
      return raw === undefined ? null : toLdapEntry(raw);
    } catch (error) {
      if (error instanceof NoSuchObjectError) return null;
      throw this.failure(error, context);
    }
  };

  /**
   * ldapts silently reconnects when an operation finds the connection gone: unauthenticated and, after
   * StartTLS, in clear text. And after StartTLS it does not notice a closed connection at all, so its
   * own state cannot be trusted either: a session ends with the first sign of a lost connection.
   */
  private assertConnected(context: LdapErrorContext): void {
    if (this.connectionLost || !this.client.isBound) {
      throw ldapFailure(
        ErrorCode.DIRECTORY_UNREACHABLE,
        'the connection was lost; open a new session',
        context,
      );
    }
  }

  private failure(error: unknown, context: LdapErrorContext): AppError {
    const mapped = toAppError(error, context);
    if (mapped.code === ErrorCode.DIRECTORY_UNREACHABLE && !this.connectionLost) {
      this.connectionLost = true;
      void this.close();
    }
    return mapped;
  }
}

async function* entriesOf(pages: AsyncIterable<DigestedPage>): AsyncGenerator<LdapEntry[]> {
  for await (const page of pages) yield page.entries;
}
