import { randomBytes } from 'node:crypto';

import { Attribute, Change, type Client } from 'ldapts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import type { KnownEntries } from '../../../src/ldap/entry-digests.js';
import type { LdapSession } from '../../../src/ldap/ldap-session.js';
import { openLdapSession } from '../../../src/ldap/open-ldap-session.js';
import type { DigestedPage, PagedSearchRequest } from '../../../src/ldap/paged-search.js';
import { adminClient, connectionOptions, deleteTree } from './ldap-test-helpers.js';

const { slapd, samba } = inject('servers');

async function readAll(
  session: LdapSession,
  request: PagedSearchRequest,
  known: KnownEntries,
): Promise<DigestedPage[]> {
  const pages: DigestedPage[] = [];
  for await (const page of session.pagedSearchDigested(request, known)) pages.push(page);
  return pages;
}

function digestsOf(pages: readonly DigestedPage[]): Set<string> {
  return new Set(pages.flatMap((page) => page.entries.map((entry) => entry.digest ?? 'none')));
}

describe('a digested read on slapd', () => {
  const suffix = randomBytes(4).toString('hex');
  const ou = `ou=digests-${suffix},${slapd.baseDn}`;
  const count = 250;
  const request: PagedSearchRequest = {
    baseDn: ou,
    scope: 'one',
    filter: '(objectClass=inetOrgPerson)',
    attributes: ['cn', 'mail', 'entryUUID'],
    pageSize: 100,
  };
  let admin: Client;
  let session: LdapSession;
  let first: DigestedPage[];

  beforeAll(async () => {
    admin = await adminClient(slapd);
    await admin.add(ou, { objectClass: 'organizationalUnit', ou: `digests-${suffix}` });
    for (let i = 0; i < count; i += 1) {
      await admin.add(`cn=user${i},${ou}`, {
        objectClass: 'inetOrgPerson',
        cn: `user${i}`,
        sn: 'Digest',
        mail: `user${i}@example.org`,
      });
    }
    session = await openLdapSession(connectionOptions(slapd));
    first = await readAll(session, request, { seed: 'a', digests: new Set() });
  });

  afterAll(async () => {
    await session.close();
    await deleteTree(admin, ou);
    await admin.unbind();
  });

  it('decodes every entry of a first read and gives each its own digest', () => {
    const entries = first.flatMap((page) => page.entries);
    expect(entries).toHaveLength(count);
    expect(first.flatMap((page) => page.known)).toEqual([]);
    expect(digestsOf(first).size).toBe(count);
    expect(entries.every((entry) => /^[A-Za-z0-9+/]{55}=$/.test(entry.digest ?? ''))).toBe(true);
    expect(entries.find((entry) => entry.dn === `cn=user7,${ou}`)?.attributes.mail).toEqual([
      'user7@example.org',
    ]);
  });

  it('leaves the known entries undecoded, page by page, and decodes a changed one', async () => {
    await admin.modify(
      `cn=user42,${ou}`,
      new Change({
        operation: 'replace',
        modification: new Attribute({ type: 'mail', values: ['changed@example.org'] }),
      }),
    );
    const again = await readAll(session, request, { seed: 'a', digests: digestsOf(first) });
    // Every page still arrives, though nearly all its entries are known (ldapts stops paging at an empty page).
    expect(again).toHaveLength(first.length);
    const decoded = again.flatMap((page) => page.entries);
    expect(decoded.map((entry) => entry.dn)).toEqual([`cn=user42,${ou}`]);
    expect(decoded[0]?.attributes.mail).toEqual(['changed@example.org']);
    expect(new Set(again.flatMap((page) => page.known)).size).toBe(count - 1);
    expect(digestsOf(first).has(decoded[0]?.digest ?? '')).toBe(false);
  });

  it('knows nothing under another seed, and plain reads on the session are unchanged', async () => {
    const other = await readAll(session, request, { seed: 'b', digests: digestsOf(first) });
    expect(other.flatMap((page) => page.entries)).toHaveLength(count);
    expect(other.flatMap((page) => page.known)).toEqual([]);
    let plain = 0;
    for await (const page of session.pagedSearch(request)) plain += page.length;
    expect(plain).toBe(count);
    expect((await session.readEntry(`cn=user1,${ou}`, ['mail']))?.attributes.mail).toEqual([
      'user1@example.org',
    ]);
  });
});

describe('a digested read of the big group on Samba', () => {
  it('gives a ranged entry no digest and reads all its values', async () => {
    const { bigGroupDn, bigGroupMemberCount } = samba.fixture;
    if (bigGroupDn === undefined || bigGroupMemberCount === undefined) throw new Error('no big group');
    const session = await openLdapSession(connectionOptions(samba));
    try {
      const pages = await readAll(
        session,
        {
          baseDn: bigGroupDn,
          scope: 'base',
          filter: '(objectClass=group)',
          attributes: ['cn', 'member'],
          rangedAttributes: ['member'],
          pageSize: 10,
        },
        { seed: 'a', digests: new Set() },
      );
      const [entry] = pages.flatMap((page) => page.entries);
      expect(entry?.digest).toBeNull();
      expect(entry?.attributes.member).toHaveLength(bigGroupMemberCount);
    } finally {
      await session.close();
    }
  });
});
