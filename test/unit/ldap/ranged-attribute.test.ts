import { describe, expect, it } from 'vitest';

import { AppError } from '../../../src/errors/app-error.js';
import type { LdapEntry } from '../../../src/ldap/ldap-entry.js';
import {
  completeRangedAttributes,
  type EntryReader,
  parseRangedAttributeName,
  rangeRequest,
  readRangedAttribute,
} from '../../../src/ldap/ranged-attribute.js';

const DN = 'cn=big,ou=groups,dc=x';
const members = (count: number): string[] =>
  Array.from({ length: count }, (_, index) => `uid=u${index},dc=x`);

/**
 * A directory entry with one `member` attribute. 'ad' ranges plain requests at `cap` values (like
 * Windows' MaxValRange); 'samba' returns plain requests whole; both answer explicit ranges the way
 * Samba's ranged_results module does. 'openldap' knows no ranges and returns nothing for them.
 */
function fakeServer(
  kind: 'ad' | 'samba' | 'openldap',
  values: string[],
  cap = 1500,
): { read: EntryReader; requests: string[] } {
  const requests: string[] = [];
  const read: EntryReader = (dn, attributes) => {
    requests.push(...attributes);
    const result: LdapEntry = { dn, attributes: {} };
    for (const name of attributes) {
      const range = parseRangedAttributeName(name);
      if (range === null) {
        if (kind === 'ad' && values.length > cap)
          result.attributes[`member;range=0-${cap - 1}`] = values.slice(0, cap);
        else if (values.length > 0) result.attributes.member = values;
      } else if (kind !== 'openldap' && values.length > 0) {
        const requestedHigh = range.high ?? Number.MAX_SAFE_INTEGER;
        const last = values.length - 1;
        const high = kind === 'ad' && range.high === null ? range.low + cap - 1 : requestedHigh;
        const end = Math.min(high, last);
        result.attributes[`member;range=${range.low}-${high >= last ? '*' : String(high)}`] = values.slice(
          range.low,
          end + 1,
        );
      }
    }
    return Promise.resolve(dn === DN ? result : null);
  };
  return { read, requests };
}

async function gapError(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a RANGE_RETRIEVAL_GAP');
}

describe('parseRangedAttributeName', () => {
  it('reads bounded, open and option-carrying ranges', () => {
    expect(parseRangedAttributeName('member;range=0-1499')).toEqual({
      attribute: 'member',
      low: 0,
      high: 1499,
    });
    expect(parseRangedAttributeName('Member;Range=1500-*')).toEqual({
      attribute: 'member',
      low: 1500,
      high: null,
    });
    expect(parseRangedAttributeName('member;binary;range=0-9')).toEqual({
      attribute: 'member;binary',
      low: 0,
      high: 9,
    });
  });

  it('is null for names without a range', () => {
    expect(parseRangedAttributeName('member')).toBeNull();
    expect(parseRangedAttributeName('usercertificate;binary')).toBeNull();
    expect(parseRangedAttributeName('member;range=a-b')).toBeNull();
  });
});

describe('rangeRequest', () => {
  it('asks for an open or a bounded range', () => {
    expect(rangeRequest('member', 1500)).toBe('member;range=1500-*');
    expect(rangeRequest('member', 0, 1500)).toBe('member;range=0-1499');
  });
});

describe('completeRangedAttributes', () => {
  it('follows AD ranges until * and merges the values under the plain name', async () => {
    const values = members(4000);
    const server = fakeServer('ad', values);
    const first = await server.read(DN, ['member', 'cn']);
    if (first === null) throw new Error('no entry');
    const entry = await completeRangedAttributes(
      { ...first, attributes: { ...first.attributes, cn: ['big'] } },
      server.read,
    );
    expect(entry.attributes).toEqual({ member: values, cn: ['big'] });
    expect(server.requests).toEqual(['member', 'cn', 'member;range=1500-*', 'member;range=3000-*']);
  });

  it('uses explicit steps when asked', async () => {
    const values = members(1200);
    const server = fakeServer('samba', values);
    const entry = await completeRangedAttributes(
      { dn: DN, attributes: { 'member;range=0-499': values.slice(0, 500) } },
      server.read,
      { stepSize: 500 },
    );
    expect(entry.attributes.member).toEqual(values);
    expect(server.requests).toEqual(['member;range=500-999', 'member;range=1000-1499']);
  });

  it('leaves entries without ranges alone and reads nothing', async () => {
    const server = fakeServer('ad', []);
    const entry = { dn: DN, attributes: { member: ['a'], cn: ['x'] } };
    expect(await completeRangedAttributes(entry, server.read)).toEqual(entry);
    expect(server.requests).toEqual([]);
  });

  it('re-reads an explicitly ranged attribute the server did not return, with its plain name', async () => {
    const values = members(3);
    const server = fakeServer('openldap', values);
    const entry = await completeRangedAttributes({ dn: DN, attributes: { cn: ['x'] } }, server.read, {
      explicitlyRanged: ['member'],
      stepSize: 2,
    });
    expect(entry.attributes).toEqual({ cn: ['x'], member: values });
    expect(server.requests).toEqual(['member']);
  });

  it('keeps an explicitly ranged attribute absent when the plain read confirms it is empty', async () => {
    const server = fakeServer('ad', []);
    const entry = await completeRangedAttributes({ dn: DN, attributes: {} }, server.read, {
      explicitlyRanged: ['member'],
    });
    expect(entry.attributes).toEqual({});
  });

  it('replaces a plain attribute sent next to its ranged form', async () => {
    const values = members(3);
    const server = fakeServer('samba', values);
    const entry = await completeRangedAttributes(
      { dn: DN, attributes: { member: ['stale'], 'member;range=0-1': values.slice(0, 2) } },
      server.read,
      { stepSize: 2 },
    );
    expect(entry.attributes.member).toEqual(values);
  });

  it('throws RANGE_RETRIEVAL_GAP when the first range does not start at 0', async () => {
    const server = fakeServer('samba', members(10));
    const error = await gapError(
      completeRangedAttributes({ dn: DN, attributes: { 'member;range=5-*': ['x'] } }, server.read),
    );
    expect(error.code).toBe('RANGE_RETRIEVAL_GAP');
    expect(error.message).toContain('range 5-* does not start at value 0');
  });

  it('throws RANGE_RETRIEVAL_GAP when a range holds fewer values than it claims', async () => {
    const server = fakeServer('samba', members(10));
    const error = await gapError(
      completeRangedAttributes({ dn: DN, attributes: { 'member;range=0-4': ['a', 'b'] } }, server.read),
    );
    expect(error.message).toContain('range 0-4 holds 2 values instead of 5');
  });

  it('throws RANGE_RETRIEVAL_GAP when the next range skips values', async () => {
    const skipping: EntryReader = (dn) => Promise.resolve({ dn, attributes: { 'member;range=12-*': ['z'] } });
    const error = await gapError(
      completeRangedAttributes({ dn: DN, attributes: { 'member;range=0-9': members(10) } }, skipping),
    );
    expect(error.message).toContain('range 12-* does not start at value 10');
  });

  it('throws RANGE_RETRIEVAL_GAP when the next range is missing or the entry vanished', async () => {
    const silent: EntryReader = (dn) => Promise.resolve({ dn, attributes: {} });
    const missing = await gapError(
      completeRangedAttributes({ dn: DN, attributes: { 'member;range=0-9': members(10) } }, silent),
    );
    expect(missing.message).toContain('the server returned nothing for member;range=10-*');
    const vanished = await gapError(
      completeRangedAttributes({ dn: DN, attributes: { 'member;range=0-9': members(10) } }, () =>
        Promise.resolve(null),
      ),
    );
    expect(vanished.message).toContain('the entry disappeared');
    expect(vanished.details).toEqual({ dn: DN, attribute: 'member' });
  });

  it('throws RANGE_RETRIEVAL_GAP on a range that ends before it starts', async () => {
    const backwards: EntryReader = (dn) => Promise.resolve({ dn, attributes: { 'member;range=10-5': [] } });
    const error = await gapError(
      completeRangedAttributes({ dn: DN, attributes: { 'member;range=0-9': members(10) } }, backwards),
    );
    expect(error.message).toContain('range 10-5 ends before it starts');
  });
});

describe('readRangedAttribute', () => {
  it('reads all values in explicit steps from Samba', async () => {
    const values = members(1600);
    const server = fakeServer('samba', values);
    expect(await readRangedAttribute(DN, 'member', server.read, 500)).toEqual(values);
    expect(server.requests).toEqual([
      'member;range=0-499',
      'member;range=500-999',
      'member;range=1000-1499',
      'member;range=1500-1999',
    ]);
  });

  it('ends at once when the first range already reaches the end', async () => {
    const values = members(1500);
    const server = fakeServer('samba', values);
    expect(await readRangedAttribute(DN, 'member', server.read)).toEqual(values);
    expect(server.requests).toEqual(['member;range=0-1499']);
  });

  it('falls back to a plain read on a server without ranges', async () => {
    const values = members(5);
    const server = fakeServer('openldap', values);
    expect(await readRangedAttribute(DN, 'member', server.read, 2)).toEqual(values);
  });

  it('gives [] for an empty attribute and NO_SUCH_OBJECT for a missing entry', async () => {
    expect(await readRangedAttribute(DN, 'member', fakeServer('ad', []).read)).toEqual([]);
    const error = await gapError(readRangedAttribute('cn=nothing', 'member', fakeServer('ad', []).read));
    expect(error.code).toBe('NO_SUCH_OBJECT');
  });
});
