import { randomBytes } from 'node:crypto';

import type { Client } from 'ldapts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { objectGuidToBuffer } from '../../../src/ldap/binary-attributes.js';
import { dnEquals, normalizeDn } from '../../../src/ldap/dn-normalize.js';
import { escapeDnValue } from '../../../src/ldap/dn-parse.js';
import { readStableId, STABLE_ID_ATTRIBUTES } from '../../../src/ldap/entry-id.js';
import { escapeFilterValue } from '../../../src/ldap/filter-escape.js';
import type { LdapEntry } from '../../../src/ldap/ldap-entry.js';
import type { LdapSession } from '../../../src/ldap/ldap-session.js';
import { openLdapSession } from '../../../src/ldap/open-ldap-session.js';
import type { LdapServerInfo } from '../../support/provided-context.js';
import { adminClient, collectPages, connectionOptions, deleteTree, rejection } from './ldap-test-helpers.js';

const { slapd, samba } = inject('servers');

const USER_FILTERS: Record<LdapServerInfo['kind'], string> = {
  openldap: '(objectClass=inetOrgPerson)',
  ad: '(&(objectClass=user)(!(objectClass=computer)))',
};

describe.each([
  ['slapd', slapd],
  ['samba', samba],
])('paged search on %s', (_, server) => {
  let session: LdapSession;

  beforeAll(async () => {
    session = await openLdapSession(connectionOptions(server));
  });

  afterAll(async () => {
    await session.close();
  });

  const usersQuery = (pageSize: number, attributes = ['cn']) => ({
    baseDn: server.usersDn,
    scope: 'sub' as const,
    filter: USER_FILTERS[server.kind],
    attributes,
    pageSize,
  });

  it('returns every user in pages of at most pageSize', async () => {
    const pageSize = 300;
    const pages = await collectPages(session.pagedSearch(usersQuery(pageSize)));
    expect(pages.reduce((sum, page) => sum + page.length, 0)).toBe(server.fixture.userCount);
    expect(pages.length).toBe(Math.ceil(server.fixture.userCount / pageSize));
    expect(pages.every((page) => page.length <= pageSize)).toBe(true);
    expect(new Set(pages.flat().map((entry) => normalizeDn(entry.dn))).size).toBe(server.fixture.userCount);
  });

  it('takes the largest page size', async () => {
    const pages = await collectPages(session.pagedSearch(usersQuery(100_000)));
    expect(pages.flat()).toHaveLength(server.fixture.userCount);
  });

  it('hands out one page at a time and stays usable after the caller stops early', async () => {
    let pagesSeen = 0;
    for await (const page of session.pagedSearch(usersQuery(100))) {
      pagesSeen += 1;
      expect(page).toHaveLength(100);
      break;
    }
    expect(pagesSeen).toBe(1);
    expect(await session.readEntry(server.usersDn, ['ou'])).not.toBeNull();
  });

  it('returns stable ids and lower-cased attribute names', async () => {
    let page: LdapEntry[] = [];
    for await (const first of session.pagedSearch(usersQuery(5, ['cn', ...STABLE_ID_ATTRIBUTES]))) {
      page = first;
      break;
    }
    expect(page).toHaveLength(5);
    for (const entry of page) {
      const id = readStableId(entry);
      expect(id?.attribute).toBe(server.kind === 'ad' ? 'objectGUID' : 'entryUUID');
      expect(id?.value).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(Object.keys(entry.attributes).every((name) => name === name.toLowerCase())).toBe(true);
    }
  });

  it('throws SIZE_LIMIT instead of cutting the result short', async () => {
    const error = await rejection(collectPages(session.pagedSearch({ ...usersQuery(50), sizeLimit: 120 })));
    expect(error.code).toBe('SIZE_LIMIT');
    expect(error.message).toContain('more than the size limit of 120 entries');
  });

  it('throws NO_SUCH_OBJECT for a missing base, and readEntry gives null', async () => {
    const missing = `ou=missing-${randomBytes(4).toString('hex')},${server.baseDn}`;
    const error = await rejection(collectPages(session.pagedSearch({ ...usersQuery(10), baseDn: missing })));
    expect(error.code).toBe('NO_SUCH_OBJECT');
    expect(error.message).toContain(missing);
    expect(await session.readEntry(missing, ['ou'])).toBeNull();
  });

  it('reads back every special-character DN and normalizes it to the DN the fixture wrote', async () => {
    expect(server.fixture.specialUserDns.length).toBeGreaterThan(0);
    for (const dn of server.fixture.specialUserDns) {
      const entry = await session.readEntry(dn, ['cn']);
      expect(entry, dn).not.toBeNull();
      expect(normalizeDn(entry?.dn ?? ''), dn).toBe(normalizeDn(dn));
      expect(dnEquals(entry?.dn ?? '', dn)).toBe(true);
    }
  });

  it('finds the special-character users by escaped filter values, UTF-8 escapes included', async () => {
    for (const dn of server.fixture.specialUserDns) {
      const entry = await session.readEntry(dn, ['cn']);
      const cn = entry?.attributes.cn?.[0] ?? '';
      const byValue = await collectPages(
        session.pagedSearch({ ...usersQuery(10), filter: `(cn=${escapeFilterValue(cn)})` }),
      );
      expect(
        byValue.flat().map((found) => normalizeDn(found.dn)),
        cn,
      ).toEqual([normalizeDn(dn)]);
      const hexEscaped = [...Buffer.from(cn, 'utf8')]
        .map((byte) => `\\${byte.toString(16).padStart(2, '0')}`)
        .join('');
      const byBytes = await collectPages(
        session.pagedSearch({ ...usersQuery(10), filter: `(cn=${hexEscaped})` }),
      );
      expect(byBytes.flat(), cn).toHaveLength(1);
    }
  });
});

describe('binary attributes on Samba', () => {
  it('gives objectGUID and objectSid as strings and finds the entry again by its GUID', async () => {
    const session = await openLdapSession(connectionOptions(samba));
    try {
      const [dn = ''] = samba.fixture.specialUserDns;
      const entry = await session.readEntry(dn, ['objectGUID', 'objectSid']);
      const guid = entry?.attributes.objectguid?.[0] ?? '';
      expect(guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(entry?.attributes.objectsid?.[0]).toMatch(/^S-1-5-21-\d+-\d+-\d+-\d+$/);
      const filter = `(objectGUID=${escapeFilterValue(objectGuidToBuffer(guid))})`;
      const pages = await collectPages(
        session.pagedSearch({
          baseDn: samba.baseDn,
          scope: 'sub',
          filter,
          attributes: ['objectGUID'],
          pageSize: 10,
        }),
      );
      expect(pages.flat().map((found) => normalizeDn(found.dn))).toEqual([normalizeDn(dn)]);
      expect(pages.flat()[0]?.attributes.objectguid).toEqual([guid]);
    } finally {
      await session.close();
    }
  });
});

describe('slapd limits and writes', () => {
  const ou = `ou=ldap-layer-${randomBytes(4).toString('hex')},${slapd.baseDn}`;
  let admin: Client;
  let session: LdapSession;

  beforeAll(async () => {
    admin = await adminClient(slapd);
    await admin.add(ou, { objectClass: 'organizationalUnit', ou: ou.slice(3, ou.indexOf(',')) });
    session = await openLdapSession(connectionOptions(slapd));
  });

  afterAll(async () => {
    await session.close();
    await deleteTree(admin, ou);
    await admin.unbind();
  });

  it('really pages: an unpaged search stops at the server size limit of 500', async () => {
    const error = await admin
      .search(slapd.usersDn, { scope: 'sub', filter: USER_FILTERS.openldap, attributes: ['1.1'] })
      .then(
        () => null,
        (failure: unknown) => failure,
      );
    expect(error).toMatchObject({ code: 4 });
    expect(slapd.fixture.userCount).toBeGreaterThan(500);
  });

  it('matches a value with *, (, ) and \\ literally, and a lone escaped * matches nothing', async () => {
    const value = `a*b(c)d\\e ${randomBytes(2).toString('hex')}`;
    const dn = `cn=${escapeDnValue(value)},${ou}`;
    await admin.add(dn, { objectClass: ['person'], cn: value, sn: 'Escape' });
    const search = (filter: string) =>
      collectPages(
        session.pagedSearch({ baseDn: ou, scope: 'one', filter, attributes: ['cn'], pageSize: 10 }),
      );
    const found = (await search(`(cn=${escapeFilterValue(value)})`)).flat();
    expect(found.map((entry) => entry.attributes.cn)).toEqual([[value]]);
    expect(dnEquals(found[0]?.dn ?? '', dn)).toBe(true);
    expect((await search(`(cn=${escapeFilterValue('*')})`)).flat()).toEqual([]);
    expect((await search(`(cn=${escapeFilterValue('a*')})`)).flat()).toEqual([]);
  });

  it('maps a malformed DN the server rejects to INVALID_DN', async () => {
    const error = await rejection(session.readEntry('not a dn', ['cn']));
    expect(error.code).toBe('INVALID_DN');
  });
});

describe.each([
  ['slapd', slapd],
  ['samba', samba],
])('modifyMembers on %s', (_, server) => {
  const suffix = randomBytes(4).toString('hex');
  const ou = `ou=ldap-layer-${suffix},${server.baseDn}`;
  const group = `cn=provisioned-${suffix},${ou}`;
  const [first = '', second = '', third = ''] = server.fixture.specialUserDns;
  let admin: Client;
  let session: LdapSession;

  beforeAll(async () => {
    admin = await adminClient(server);
    await admin.add(ou, { objectClass: 'organizationalUnit', ou: `ldap-layer-${suffix}` });
    await admin.add(
      group,
      server.kind === 'ad'
        ? { objectClass: 'group', sAMAccountName: `prov-${suffix}`, member: first }
        : { objectClass: 'groupOfNames', cn: `provisioned-${suffix}`, member: first },
    );
    session = await openLdapSession(connectionOptions(server));
  });

  afterAll(async () => {
    await session.close();
    await deleteTree(admin, ou);
    await admin.unbind();
  });

  it('adds and removes members, and repeating a change is harmless', async () => {
    await session.modifyMembers(group, 'member', [second, third], []);
    await session.modifyMembers(group, 'member', [second], [third]);
    await session.modifyMembers(group, 'member', [], [third]);
    await session.modifyMembers(group, 'member', [], []);
    const members = (await session.readEntry(group, ['member']))?.attributes.member ?? [];
    expect(members.map(normalizeDn).sort()).toEqual([first, second].map(normalizeDn).sort());
  });

  it('reports a missing group as NO_SUCH_OBJECT', async () => {
    const error = await rejection(
      session.modifyMembers(`cn=missing-${suffix},${ou}`, 'member', [second], []),
    );
    expect(error.code).toBe('NO_SUCH_OBJECT');
  });
});
