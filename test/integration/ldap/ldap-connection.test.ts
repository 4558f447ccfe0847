import { inspect } from 'node:util';

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { dnEquals } from '../../../src/ldap/dn-normalize.js';
import { openLdapSession } from '../../../src/ldap/open-ldap-session.js';
import { connectionOptions, refusedUrl, rejection, startSilentServer } from './ldap-test-helpers.js';

const { slapd, samba } = inject('servers');

describe('openLdapSession', () => {
  let silent: { url: string; stop: () => Promise<void> };

  beforeAll(async () => {
    silent = await startSilentServer();
  });

  afterAll(async () => {
    await silent.stop();
  });

  it.each([
    ['slapd', slapd],
    ['samba', samba],
  ])('binds to %s over plain LDAP, StartTLS and LDAPS with the test CA', async (_, server) => {
    for (const options of [
      connectionOptions(server),
      connectionOptions(server, { tlsMode: 'STARTTLS', caCertPem: server.caCertPem }),
      connectionOptions(server, { tlsMode: 'LDAPS', urls: [server.ldapsUrl], caCertPem: server.caCertPem }),
    ]) {
      const session = await openLdapSession(options);
      try {
        expect(session.url).toBe(options.urls[0]);
        expect(await session.readEntry(server.baseDn, ['objectClass'])).not.toBeNull();
      } finally {
        await session.close();
      }
    }
  });

  it('refuses an untrusted certificate with TLS_ERROR, for LDAPS and for StartTLS', async () => {
    const ldaps = await rejection(
      openLdapSession(connectionOptions(slapd, { tlsMode: 'LDAPS', urls: [slapd.ldapsUrl] })),
    );
    expect(ldaps.code).toBe('TLS_ERROR');
    expect(ldaps.message).toContain(slapd.ldapsUrl);
    const startTls = await rejection(openLdapSession(connectionOptions(slapd, { tlsMode: 'STARTTLS' })));
    expect(startTls.code).toBe('TLS_ERROR');
  });

  it('accepts an untrusted certificate only when verification is switched off', async () => {
    const session = await openLdapSession(
      connectionOptions(slapd, { tlsMode: 'LDAPS', urls: [slapd.ldapsUrl], verifyCertificate: false }),
    );
    await session.close();
  });

  it('reports TLS_ERROR when LDAPS meets a plain LDAP port', async () => {
    const url = slapd.url.replace('ldap://', 'ldaps://');
    const error = await rejection(
      openLdapSession(
        connectionOptions(slapd, { tlsMode: 'LDAPS', urls: [url], caCertPem: slapd.caCertPem }),
      ),
    );
    expect(error.code).toBe('TLS_ERROR');
  });

  it.each([
    ['slapd', slapd],
    ['samba', samba],
  ])('maps a wrong password on %s to INVALID_CREDENTIALS without leaking it', async (_, server) => {
    const password = 'Wr0ng-Pa$$word-7f3a9c';
    const error = await rejection(openLdapSession(connectionOptions(server, { bindPassword: password })));
    expect(error.code).toBe('INVALID_CREDENTIALS');
    expect(error.message).toContain(server.url);
    expect(error.retryable).toBe(false);
    for (const text of [
      error.message,
      error.stack ?? '',
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
      String(error.cause),
    ]) {
      expect(text).not.toContain(password);
    }
  });

  it('fails over from a refused URL and from a server that never answers', async () => {
    const refused = await refusedUrl();
    for (const first of [refused, silent.url]) {
      const session = await openLdapSession(
        connectionOptions(slapd, { urls: [first, slapd.url], operationTimeoutMs: 1000 }),
      );
      expect(session.url).toBe(slapd.url);
      await session.close();
    }
  });

  it('does not fail over after a refused bind', async () => {
    // The second URL would answer DIRECTORY_UNREACHABLE if it were tried.
    const error = await rejection(
      openLdapSession(
        connectionOptions(slapd, {
          urls: [slapd.url, silent.url],
          bindPassword: 'wrong',
          operationTimeoutMs: 1000,
        }),
      ),
    );
    expect(error.code).toBe('INVALID_CREDENTIALS');
  });

  it('throws DIRECTORY_UNREACHABLE naming every server when none answers', async () => {
    const refused = await refusedUrl();
    const error = await rejection(
      openLdapSession(connectionOptions(slapd, { urls: [refused, silent.url], operationTimeoutMs: 500 })),
    );
    expect(error.code).toBe('DIRECTORY_UNREACHABLE');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('(2 tried)');
    expect(error.message).toContain(`${refused} failed: the connection was refused (ECONNREFUSED)`);
    expect(error.message).toContain(
      `${silent.url} failed: the server did not answer within the operation timeout`,
    );
    expect(inspect(error, { depth: 10 })).not.toContain(slapd.bindPassword);
  });

  it('makes an anonymous bind when no credentials are given', async () => {
    const session = await openLdapSession(
      connectionOptions(slapd, { bindDn: undefined, bindPassword: undefined }),
    );
    expect((await session.readRootDse()).namingContexts.length).toBeGreaterThan(0);
    await session.close();
  });
});

describe('readRootDse', () => {
  it('detects OpenLDAP on slapd', async () => {
    const session = await openLdapSession(connectionOptions(slapd));
    try {
      const rootDse = await session.readRootDse();
      expect(rootDse.serverType).toBe('OPENLDAP');
      expect(rootDse.namingContexts.some((context) => dnEquals(context, slapd.baseDn))).toBe(true);
      expect(rootDse.supportedControls).toContain('1.2.840.113556.1.4.319');
      expect(rootDse.supportedExtensions).toContain('1.3.6.1.4.1.1466.20037');
      expect(rootDse.supportedLdapVersions).toContain(3);
    } finally {
      await session.close();
    }
  });

  it('detects Active Directory on Samba', async () => {
    const session = await openLdapSession(connectionOptions(samba));
    try {
      const rootDse = await session.readRootDse();
      expect(rootDse.serverType).toBe('ACTIVE_DIRECTORY');
      expect(rootDse.defaultNamingContext).not.toBeNull();
      expect(dnEquals(rootDse.defaultNamingContext ?? '', samba.baseDn)).toBe(true);
      expect(rootDse.supportedCapabilities).toContain('1.2.840.113556.1.4.800');
      expect(rootDse.supportedControls).toContain('1.2.840.113556.1.4.319');
    } finally {
      await session.close();
    }
  });
});
