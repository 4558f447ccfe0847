import type { Entry, SearchResult } from 'ldapts';
import { describe, expect, it } from 'vitest';

import { AppError } from '../../../src/errors/app-error.js';
import type { LdapEntry } from '../../../src/ldap/ldap-entry.js';
import {
  convertPages,
  type DigestedPage,
  type PagedSearchRequest,
  preparePagedSearch,
} from '../../../src/ldap/paged-search.js';

const request: PagedSearchRequest = {
  baseDn: 'ou=People,dc=example,dc=com',
  scope: 'sub',
  filter: '(objectClass=person)',
  attributes: ['uid', 'objectGUID'],
  pageSize: 500,
};

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('preparePagedSearch', () => {
  it('builds ldapts options with the page size, binary attributes and time limit', () => {
    const prepared = preparePagedSearch({ ...request, timeLimitSeconds: 30 });
    expect(prepared.options).toMatchObject({
      scope: 'sub',
      attributes: ['uid', 'objectGUID'],
      paged: { pageSize: 500 },
      timeLimit: 30,
    });
    expect(prepared.options.explicitBufferAttributes).toContain('objectGUID');
    // The size limit is never sent: ldapts would hide the server's sizeLimitExceeded.
    expect(preparePagedSearch({ ...request, sizeLimit: 10 }).options.sizeLimit).toBeUndefined();
  });

  it('asks for explicit ranges of the ranged attributes', () => {
    const prepared = preparePagedSearch({
      ...request,
      attributes: ['cn', 'Member'],
      rangedAttributes: ['member'],
    });
    expect(prepared.options.attributes).toEqual(['cn', 'member;range=0-1499']);
    expect(prepared.ranges).toEqual({ stepSize: undefined, explicitlyRanged: ['member'] });
    const stepped = preparePagedSearch({
      ...request,
      attributes: ['cn'],
      rangedAttributes: ['member'],
      rangeStepSize: 100,
    });
    expect(stepped.options.attributes).toEqual(['cn', 'member;range=0-99']);
    expect(stepped.ranges).toEqual({ stepSize: 100, explicitlyRanged: ['member'] });
  });

  it.each([
    [{ pageSize: 0 }, 'pageSize must be a whole number between 1 and 100000 (got 0)'],
    [{ pageSize: 100_001 }, 'pageSize must be a whole number between 1 and 100000'],
    [{ pageSize: 1.5 }, 'pageSize must be a whole number'],
    [{ sizeLimit: 0 }, 'sizeLimit must be a whole number at least 1'],
    [{ timeLimitSeconds: -1 }, 'timeLimitSeconds must be a whole number at least 0'],
    [{ rangeStepSize: 0 }, 'rangeStepSize must be a whole number at least 1'],
  ])('rejects %j with BAD_USER_INPUT', (change, message) => {
    const error = thrown(() => preparePagedSearch({ ...request, ...change }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain(message);
  });

  it('rejects a bad base DN and a bad filter', () => {
    expect(thrown(() => preparePagedSearch({ ...request, baseDn: 'ou=People,,dc=x' })).code).toBe(
      'INVALID_DN',
    );
    expect(thrown(() => preparePagedSearch({ ...request, filter: '(uid=x' })).code).toBe('INVALID_FILTER');
  });
});

describe('convertPages', () => {
  const context = { operation: 'paged search', url: 'ldap://h', pageSize: 2 };

  async function* source(pages: Entry[][]): AsyncGenerator<SearchResult> {
    for (const searchEntries of pages)
      yield await Promise.resolve({ searchEntries, searchReferences: ['ldap://elsewhere'] });
  }

  const entry = (uid: string): Entry => ({ dn: `uid=${uid},dc=x`, uid });
  const complete = (found: LdapEntry): Promise<LdapEntry> => Promise.resolve(found);

  async function collect(pages: AsyncIterable<DigestedPage>): Promise<string[][]> {
    const seen: string[][] = [];
    for await (const page of pages) seen.push(page.entries.map((found) => found.dn));
    return seen;
  }

  it('yields converted pages one by one, skipping empty pages', async () => {
    const prepared = preparePagedSearch({ ...request, pageSize: 2 });
    const pages = await collect(
      convertPages(source([[entry('a'), entry('b')], [], [entry('c')]]), prepared, complete, context, null),
    );
    expect(pages).toEqual([['uid=a,dc=x', 'uid=b,dc=x'], ['uid=c,dc=x']]);
  });

  it('hands each entry to complete before its page is yielded', async () => {
    const prepared = preparePagedSearch({ ...request, pageSize: 2 });
    const completed = (found: LdapEntry): Promise<LdapEntry> =>
      Promise.resolve({ ...found, attributes: { ...found.attributes, done: ['yes'] } });
    for await (const page of convertPages(source([[entry('a')]]), prepared, completed, context, null)) {
      expect(page.entries[0]?.attributes).toEqual({ uid: ['a'], done: ['yes'] });
    }
  });

  it('does not read ahead: the next page is fetched only when asked for', async () => {
    const fetched: number[] = [];
    async function* tracked(): AsyncGenerator<SearchResult> {
      for (const index of [0, 1, 2]) {
        fetched.push(index);
        yield await Promise.resolve({ searchEntries: [entry(String(index))], searchReferences: [] });
      }
    }
    const iterator = convertPages(tracked(), preparePagedSearch(request), complete, context, null)[
      Symbol.asyncIterator
    ]();
    await iterator.next();
    expect(fetched).toEqual([0]);
    await iterator.next();
    expect(fetched).toEqual([0, 1]);
  });

  it('throws SIZE_LIMIT once more entries than the size limit arrive, never a silent cut', async () => {
    const prepared = preparePagedSearch({ ...request, pageSize: 2, sizeLimit: 3 });
    const seen: string[][] = [];
    let failure: unknown;
    try {
      for await (const page of convertPages(
        source([
          [entry('a'), entry('b')],
          [entry('c'), entry('d')],
        ]),
        prepared,
        complete,
        context,
        null,
      )) {
        seen.push(page.entries.map((found) => found.dn));
      }
    } catch (error) {
      failure = error;
    }
    expect(seen).toEqual([['uid=a,dc=x', 'uid=b,dc=x']]);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({
      code: 'SIZE_LIMIT',
      message:
        'LDAP paged search on ldap://h failed: the search matched more than the size limit of 3 entries.',
    });
  });

  it('accepts exactly the size limit', async () => {
    const prepared = preparePagedSearch({ ...request, pageSize: 2, sizeLimit: 3 });
    expect(
      await collect(
        convertPages(source([[entry('a'), entry('b')], [entry('c')]]), prepared, complete, context, null),
      ),
    ).toHaveLength(2);
  });
});
