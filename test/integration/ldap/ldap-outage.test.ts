import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openLdapSession } from '../../../src/ldap/open-ldap-session.js';
import { type LdapServerHandle, startSlapd } from '../../support/slapd-server.js';
import { connectionOptions, rejection } from './ldap-test-helpers.js';

// A private slapd that the tests may pause and kill without disturbing the shared servers.
describe('directory outages', () => {
  let server: LdapServerHandle;

  beforeAll(async () => {
    server = await startSlapd({ fixture: { userCount: 120, groupCount: 20, bigGroupMemberCount: 40 } });
  });

  afterAll(async () => {
    await server.stop();
  });

  it('fails the paged search when the server stops answering between pages', async () => {
    const session = await openLdapSession(connectionOptions(server.info, { operationTimeoutMs: 1000 }));
    const search = session.pagedSearch({
      baseDn: server.info.usersDn,
      scope: 'one',
      filter: '(objectClass=*)',
      attributes: ['cn'],
      pageSize: 20,
    });
    const pages = search[Symbol.asyncIterator]();
    try {
      expect((await pages.next()).value).toHaveLength(20);
      await server.pause();
      // The page read ahead may have arrived before the pause; the one after it meets the silent server.
      let delivered = 0;
      const error = await rejection(
        (async () => {
          while ((await pages.next()).done !== true) delivered++;
        })(),
      );
      expect(delivered).toBeLessThanOrEqual(1);
      expect(error.code).toBe('DIRECTORY_UNREACHABLE');
      expect(error.message).toContain('did not answer within the operation timeout');
    } finally {
      server.resume();
      await session.close();
    }
  });

  it('ends the session with its connection and never reconnects it silently', async () => {
    const options = connectionOptions(server.info, { tlsMode: 'STARTTLS', caCertPem: server.info.caCertPem });
    const session = await openLdapSession(options);
    await server.kill();
    expect((await rejection(session.readEntry(server.info.baseDn, ['dc']))).code).toBe(
      'DIRECTORY_UNREACHABLE',
    );
    await server.restart();
    // ldapts alone would reconnect here, unauthenticated and without TLS.
    const afterRestart = await rejection(session.readEntry(server.info.baseDn, ['dc']));
    expect(afterRestart.code).toBe('DIRECTORY_UNREACHABLE');
    expect(afterRestart.message).toContain('the connection was lost; open a new session');
    await session.close();
    const fresh = await openLdapSession(options);
    expect(await fresh.readEntry(server.info.baseDn, ['dc'])).not.toBeNull();
    await fresh.close();
  });
});
