// Tests of the test harness itself: the slapd and Samba AD servers that the global setup starts
// hold exactly the fixture they claim, with the limits, TLS and quirks the real tests rely on.
// Only the OpenLDAP command-line tools are used here, never the project's own LDAP client.
import { existsSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import {
  findAttribute,
  ldapSearch,
  type LdapSearchOptions,
  type LdapSearchResult,
} from '../support/ldap-cli.js';
import { generateFixture } from '../support/ldap-fixture.js';
import type { LdapServerInfo } from '../support/provided-context.js';
import { startSambaAd } from '../support/samba-ad-server.js';
import { isProcessAlive, runCommand, type LdapServerHandle } from '../support/server-process.js';
import { startSlapd } from '../support/slapd-server.js';

const servers = inject('servers');

interface Flavour {
  name: 'slapd' | 'samba';
  info: LdapServerInfo;
  userClass: string;
  groupClass: string;
}

const flavours: Flavour[] = [
  { name: 'slapd', info: servers.slapd, userClass: 'inetOrgPerson', groupClass: 'groupOfNames' },
  { name: 'samba', info: servers.samba, userClass: 'user', groupClass: 'group' },
];

function search(
  info: LdapServerInfo,
  options: Omit<LdapSearchOptions, 'url'> & { url?: string },
): Promise<LdapSearchResult> {
  return ldapSearch({ url: info.url, bindDn: info.bindDn, bindPassword: info.bindPassword, ...options });
}

/** Values of an attribute of the first (usually only) entry found. */
function valuesOf(result: LdapSearchResult, attribute: string): string[] {
  const [entry] = result.entries;
  return entry ? findAttribute(entry, attribute) : [];
}

/** Attribute descriptions exactly as returned (e.g. "member;range=0-1499"), with their value counts. */
function attributeSizes(result: LdapSearchResult): [string, number][] {
  return [...(result.entries[0]?.attributes ?? [])].map(([name, values]) => [name, values.length]);
}

function expectSuccess(result: LdapSearchResult): void {
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
}

describe.each(flavours)('$name', ({ info, userClass, groupClass }) => {
  it('returns every fixture user and group to a paged search', async () => {
    const users = await search(info, {
      baseDn: info.usersDn,
      scope: 'one',
      filter: `(objectClass=${userClass})`,
      attributes: ['1.1'],
      pageSize: 1000,
    });
    expectSuccess(users);
    expect(users.entries).toHaveLength(info.fixture.userCount);

    const groups = await search(info, {
      baseDn: info.groupsDn,
      scope: 'one',
      filter: `(objectClass=${groupClass})`,
      attributes: ['member'],
      pageSize: 1000,
    });
    expectSuccess(groups);
    expect(groups.entries).toHaveLength(info.fixture.groupCount);
    const memberValues = groups.entries.reduce(
      (sum, entry) => sum + findAttribute(entry, 'member').length,
      0,
    );
    expect(memberValues).toBe(info.fixture.membershipCount);
  });

  it('returns the special-character DNs exactly as listed, for entries and member values alike', async () => {
    expect(info.fixture.specialUserDns.length).toBeGreaterThanOrEqual(7);
    for (const dn of info.fixture.specialUserDns) {
      const entry = await search(info, { baseDn: dn, scope: 'base', attributes: ['1.1'] });
      expectSuccess(entry);
      expect(entry.entries.map((found) => found.dn)).toEqual([dn]);
    }
    const group = await search(info, {
      baseDn: info.groupsDn,
      scope: 'one',
      filter: '(cn=special-characters)',
      attributes: ['member'],
    });
    expectSuccess(group);
    const members = valuesOf(group, 'member');
    expect(members).toEqual(expect.arrayContaining(info.fixture.specialUserDns));
    const specials = info.fixture.specialUserDns.join('\n');
    expect(specials).toContain('Jürgen Çelik');
    expect(specials).toContain('山田太郎');
  });

  it('speaks StartTLS and ldaps with a certificate from the test CA', async () => {
    const startTls = await search(info, {
      baseDn: info.baseDn,
      scope: 'base',
      startTls: true,
      caCertPem: info.caCertPem,
    });
    expectSuccess(startTls);
    expect(startTls.entries).toHaveLength(1);
    const ldaps = await search(info, {
      url: info.ldapsUrl,
      baseDn: info.baseDn,
      scope: 'base',
      caCertPem: info.caCertPem,
    });
    expectSuccess(ldaps);
    expect(ldaps.entries).toHaveLength(1);
  });

  it('fails certificate verification for a client that trusts only the public CAs', async () => {
    const env = {
      ...process.env,
      LDAPTLS_CACERT: '/etc/ssl/certs/ca-certificates.crt',
      LDAPTLS_REQCERT: 'demand',
    };
    for (const args of [
      ['-H', info.ldapsUrl],
      ['-H', info.url, '-ZZ'],
    ]) {
      const result = await runCommand('ldapsearch', ['-x', ...args, '-b', '', '-s', 'base'], { env });
      expect(result.exitCode).not.toBe(0);
      // libldap reports a failed handshake on ldaps as "Can't contact LDAP server"; the same
      // command with the test CA succeeds in the test above, so the certificate is what failed.
      expect(result.stderr).toMatch(/Can't contact LDAP server|Connect error/);
    }
  });
});

describe('slapd', () => {
  const info = servers.slapd;
  const fixture = generateFixture('openldap', info.baseDn);

  it('was started with the default fixture the notables below come from', () => {
    expect({ ...fixture.info, specialUserDns: [] }).toEqual({ ...info.fixture, specialUserDns: [] });
    expect(fixture.info.userCount).toBeGreaterThan(500);
  });

  it('stops an unpaged search at the 500-entry size limit (rc 4)', async () => {
    const result = await search(info, { baseDn: info.usersDn, scope: 'one', attributes: ['1.1'] });
    expect(result.exitCode).toBe(4);
    expect(result.entries).toHaveLength(500);
  });

  it('has memberOf equal to the direct group memberships, nested groups and the cycle included', async () => {
    const groups = await search(info, {
      baseDn: info.groupsDn,
      scope: 'one',
      attributes: ['member', 'memberOf'],
      pageSize: 500,
    });
    const users = await search(info, {
      baseDn: info.usersDn,
      scope: 'one',
      attributes: ['memberOf'],
      pageSize: 500,
    });
    expectSuccess(groups);
    expectSuccess(users);
    const expected = new Map<string, string[]>();
    for (const group of groups.entries) {
      for (const member of findAttribute(group, 'member'))
        expected.set(member, [...(expected.get(member) ?? []), group.dn]);
    }
    for (const entry of [...users.entries, ...groups.entries]) {
      expect([...findAttribute(entry, 'memberOf')].sort(), entry.dn).toEqual(
        [...(expected.get(entry.dn) ?? [])].sort(),
      );
    }

    const memberOf = (dn: string): string[] => {
      const entry = [...users.entries, ...groups.entries].find((candidate) => candidate.dn === dn);
      return entry ? findAttribute(entry, 'memberOf') : [];
    };
    const [outer, middle, inner] = fixture.notables.nestedGroupDns;
    expect(memberOf(fixture.notables.nestedUserDn)).toEqual([inner]);
    expect(memberOf(inner ?? '')).toEqual([middle]);
    expect(memberOf(middle ?? '')).toEqual([outer]);
    const [cycleA = '', cycleB = ''] = fixture.notables.cycleGroupDns;
    expect(memberOf(cycleA)).toEqual([cycleB]);
    expect(memberOf(cycleB)).toEqual([cycleA]);
  });

  it('keeps a member DN that points to nothing', async () => {
    const { danglingGroupDn = '', danglingMemberDn = '' } = fixture.notables;
    const group = await search(info, { baseDn: danglingGroupDn, scope: 'base', attributes: ['member'] });
    expect(valuesOf(group, 'member')).toContain(danglingMemberDn);
    const missing = await search(info, { baseDn: danglingMemberDn, scope: 'base' });
    expect(missing.exitCode).toBe(32); // noSuchObject
  });

  it('maintains memberOf for groups written while it runs', async () => {
    const ou = `ou=harness-${process.pid}-${Date.now()},${info.baseDn}`;
    const userDn = `uid=harness.user,${ou}`;
    const groupDn = `cn=harness-group,${ou}`;
    const bind = ['-x', '-H', info.url, '-D', info.bindDn, '-w', info.bindPassword];
    const add = await runCommand('ldapadd', bind, {
      input: [
        `dn: ${ou}\nobjectClass: organizationalUnit\n`,
        `dn: ${userDn}\nobjectClass: inetOrgPerson\nuid: harness.user\ncn: Harness User\nsn: User\n`,
        `dn: ${groupDn}\nobjectClass: groupOfNames\ncn: harness-group\nmember: ${userDn}\n`,
      ].join('\n'),
    });
    try {
      expect(add.stderr).toBe('');
      const before = await search(info, { baseDn: userDn, scope: 'base', attributes: ['memberOf'] });
      expect(valuesOf(before, 'memberOf')).toEqual([groupDn]);
      const remove = await runCommand('ldapdelete', [...bind, groupDn]);
      expect(remove.exitCode).toBe(0);
      const after = await search(info, { baseDn: userDn, scope: 'base', attributes: ['memberOf'] });
      expect(valuesOf(after, 'memberOf')).toEqual([]);
    } finally {
      await runCommand('ldapdelete', [...bind, '-r', ou]);
    }
  });
});

describe('samba', () => {
  const info = servers.samba;
  const fixture = generateFixture('ad', info.baseDn);
  const bigGroupDn = info.fixture.bigGroupDn ?? '';

  it('was started with the default fixture the notables below come from', () => {
    expect({ ...fixture.info, specialUserDns: [] }).toEqual({ ...info.fixture, specialUserDns: [] });
    expect(info.fixture.bigGroupMemberCount).toBe(1600);
  });

  it('hands out the big group in ranges when asked (member;range=...)', async () => {
    const first = await search(info, {
      baseDn: bigGroupDn,
      scope: 'base',
      attributes: ['member;range=0-1499'],
    });
    expectSuccess(first);
    expect(attributeSizes(first)).toEqual([['member;range=0-1499', 1500]]);

    const rest = await search(info, {
      baseDn: bigGroupDn,
      scope: 'base',
      attributes: ['member;range=1500-*'],
    });
    expectSuccess(rest);
    expect(attributeSizes(rest)).toEqual([['member;range=1500-*', 100]]);

    const all = new Set([
      ...valuesOf(first, 'member;range=0-1499'),
      ...valuesOf(rest, 'member;range=1500-*'),
    ]);
    expect(all.size).toBe(info.fixture.bigGroupMemberCount);
  });

  it('answers a plain member request with all values (unlike Windows, see STACK.md pitfall 11)', async () => {
    const result = await search(info, { baseDn: bigGroupDn, scope: 'base', attributes: ['member'] });
    expectSuccess(result);
    expect(valuesOf(result, 'member')).toHaveLength(1600);
  });

  it('has memberOf for the nested group and its user', async () => {
    const [outer = '', inner = ''] = fixture.notables.nestedGroupDns;
    const innerGroup = await search(info, { baseDn: inner, scope: 'base', attributes: ['memberOf'] });
    expect(valuesOf(innerGroup, 'memberOf')).toEqual([outer]);
    const user = await search(info, {
      baseDn: fixture.notables.nestedUserDn,
      scope: 'base',
      attributes: ['memberOf'],
    });
    expect(valuesOf(user, 'memberOf')).toEqual([inner]);
  });

  it('has the disabled accounts of the fixture (userAccountControl 514)', async () => {
    const disabled = await search(info, {
      baseDn: info.usersDn,
      filter: '(userAccountControl:1.2.840.113556.1.4.803:=2)',
      attributes: ['1.1'],
      pageSize: 1000,
    });
    expectSuccess(disabled);
    expect(disabled.entries).toHaveLength(fixture.users.filter((user) => !user.enabled).length);
  });
});

describe.each([
  {
    name: 'slapd',
    start: () => startSlapd({ fixture: { userCount: 60, groupCount: 12, bigGroupMemberCount: 20 } }),
  },
  { name: 'samba', start: () => startSambaAd() },
])('a private $name handle', ({ start }) => {
  it('pauses, resumes, is killed, restarts with its data, and stops without leaving anything behind', async () => {
    const handle: LdapServerHandle = await start();
    const { info } = handle;
    const pids: number[] = [];
    try {
      const baseSearch = { baseDn: info.usersDn, scope: 'base' as const, attributes: ['1.1'] };
      expectSuccess(await search(info, baseSearch));
      if (handle.pid !== undefined) pids.push(handle.pid);

      await handle.pause();
      // A stopped process still has its listening socket: the connection hangs instead of failing.
      const paused = await runCommand('ldapsearch', ['-x', '-H', info.url, '-b', '', '-s', 'base'], {
        timeoutMs: 1_500,
      });
      expect(paused.stderr).toContain('killed by SIGKILL');
      handle.resume();
      expectSuccess(await search(info, baseSearch));

      await handle.kill();
      expect((await search(info, baseSearch)).exitCode).toBe(255); // can't contact LDAP server

      await handle.restart();
      if (handle.pid !== undefined) pids.push(handle.pid);
      const users = await search(info, {
        baseDn: info.usersDn,
        scope: 'one',
        filter: '(|(objectClass=inetOrgPerson)(objectClass=user))',
        attributes: ['1.1'],
        pageSize: 1000,
      });
      expectSuccess(users);
      expect(users.entries).toHaveLength(info.fixture.userCount);
    } finally {
      await handle.stop();
    }
    expect(pids).toHaveLength(2);
    expect(pids.filter(isProcessAlive)).toEqual([]);
    expect(existsSync(handle.dataDir)).toBe(false);
    expect((await search(info, { baseDn: '', scope: 'base' })).exitCode).toBe(255);
    await handle.stop(); // a second stop is harmless
  });
});
