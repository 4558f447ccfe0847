import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { normalizeDn } from '../../../src/ldap/dn-normalize.js';
import type { LdapSession } from '../../../src/ldap/ldap-session.js';
import { openLdapSession } from '../../../src/ldap/open-ldap-session.js';
import type { LdapServerInfo } from '../../support/provided-context.js';
import { collectPages, connectionOptions } from './ldap-test-helpers.js';

const { slapd, samba } = inject('servers');

function bigGroup(server: LdapServerInfo): { dn: string; count: number } {
  const { bigGroupDn, bigGroupMemberCount } = server.fixture;
  if (bigGroupDn === undefined || bigGroupMemberCount === undefined)
    throw new Error(`${server.kind} fixture has no big group`);
  return { dn: bigGroupDn, count: bigGroupMemberCount };
}

describe('ranged retrieval of the big group on Samba', () => {
  let session: LdapSession;
  const group = bigGroup(samba);
  let expected: string[];

  beforeAll(async () => {
    session = await openLdapSession(connectionOptions(samba));
    // Samba answers a plain request with every value, no range: the reference list.
    expected = ((await session.readEntry(group.dn, ['member']))?.attributes.member ?? [])
      .map(normalizeDn)
      .sort();
  });

  afterAll(async () => {
    await session.close();
  });

  it('has more members than one AD range', () => {
    expect(group.count).toBeGreaterThan(1500);
    expect(expected).toHaveLength(group.count);
  });

  const membersOf = async (request: {
    rangedAttributes: string[];
    rangeStepSize?: number;
  }): Promise<string[]> => {
    const pages = await collectPages(
      session.pagedSearch({
        baseDn: group.dn,
        scope: 'base',
        filter: '(objectClass=group)',
        attributes: ['cn', 'member'],
        pageSize: 10,
        ...request,
      }),
    );
    const [entry] = pages.flat();
    expect(entry?.attributes.cn).toBeDefined();
    expect(Object.keys(entry?.attributes ?? {}).some((name) => name.includes(';range='))).toBe(false);
    return (entry?.attributes.member ?? []).map(normalizeDn).sort();
  };

  it('follows the ranges automatically after an explicit first range (0-1499, then 1500-*)', async () => {
    expect(await membersOf({ rangedAttributes: ['member'] })).toEqual(expected);
  });

  it('pages through explicit steps of 400 values', async () => {
    expect(await membersOf({ rangedAttributes: ['member'], rangeStepSize: 400 })).toEqual(expected);
  });

  it('readEntry follows a ranged attribute the server returns', async () => {
    const entry = await session.readEntry(group.dn, ['member;range=0-99']);
    expect(Object.keys(entry?.attributes ?? {})).toEqual(['member']);
    expect((entry?.attributes.member ?? []).map(normalizeDn).sort()).toEqual(expected);
  });

  it('readRangedAttribute returns all values in explicit steps', async () => {
    for (const step of [1500, 500, 1599, 1600, 5000]) {
      expect(
        (await session.readRangedAttribute(group.dn, 'member', step)).map(normalizeDn).sort(),
        `step ${step}`,
      ).toEqual(expected);
    }
  });

  it('treats groups without members as empty, not as unknown', async () => {
    const pages = await collectPages(
      session.pagedSearch({
        baseDn: samba.groupsDn,
        scope: 'sub',
        filter: '(objectClass=group)',
        attributes: ['member'],
        pageSize: 100,
        rangedAttributes: ['member'],
      }),
    );
    const total = pages.flat().reduce((sum, entry) => sum + (entry.attributes.member?.length ?? 0), 0);
    expect(total).toBe(samba.fixture.membershipCount);
  });
});

describe('ranged retrieval on slapd (no range support)', () => {
  it('falls back to the plain attribute instead of reading silence as "no members"', async () => {
    const session = await openLdapSession(connectionOptions(slapd));
    try {
      const { dn, count } = bigGroup(slapd);
      expect(await session.readRangedAttribute(dn, 'member', 500)).toHaveLength(count);
      const pages = await collectPages(
        session.pagedSearch({
          baseDn: dn,
          scope: 'base',
          filter: '(objectClass=*)',
          attributes: ['member'],
          pageSize: 10,
          rangedAttributes: ['member'],
        }),
      );
      expect(pages.flat()[0]?.attributes.member).toHaveLength(count);
    } finally {
      await session.close();
    }
  });
});
