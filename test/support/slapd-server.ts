// A private OpenLDAP slapd for the integration tests: own cn=config directory, back-mdb,
// memberof + refint overlays, a 500-entry size limit that paged searches bypass, StartTLS and
// ldaps with the test CA, on free ports of 127.0.0.1, with the fixture bulk-loaded by slapadd.
//
// Its cn=config and loading come from src/embedded/slapd-server.ts (shared with the demo and the
// benchmark); the process, handle and command helpers it shares with samba-ad-server.ts are in
// server-process.ts; the ldapsearch helpers in ldap-cli.ts.
import { writeFile } from 'node:fs/promises';
import { findFreePort } from '../../src/embedded/free-port.js';
import { ldifRecord } from '../../src/embedded/ldif-record.js';
import {
  configureSlapd,
  loadSlapdData,
  rootEntries,
  SLAPD_PATH,
  slapdArguments,
  slapdLayout,
  type SlapdLayout,
} from '../../src/embedded/slapd-server.js';
import { readBackDns } from './ldap-cli.js';
import { generateFixture, renderFixtureLdif, type FixtureOptions } from './ldap-fixture.js';
import type { LdapServerInfo } from './provided-context.js';
import {
  createServerHandle,
  createTemporaryDirectory,
  removeTemporaryDirectory,
  ServerProcess,
  startAndWaitForLdap,
  type LdapServerHandle,
} from './server-process.js';
import { ensureTestCa } from './test-ca.js';

// For the tests that start their own slapd and take the handle type from here.
export type { LdapServerHandle } from './server-process.js';

export interface SlapdOptions {
  fixture?: FixtureOptions;
  /** Default dc=rolesync,dc=test. */
  baseDn?: string;
  bindPassword?: string;
  /** Parent directory of the server's temporary directory (default: the OS temp dir). */
  tmpDir?: string;
  /** How long to wait for the server to answer (default 30 s). */
  startTimeoutMs?: number;
}

const DEFAULT_BASE_DN = 'dc=rolesync,dc=test';
/** The label of scenario trees (createScenarioTree) whose entries show no entryCSN to anyone. */
export const NO_CSN_LABEL = 'no-csn';
/** The test slapd's accesslog database. */
export const ACCESS_LOG_SUFFIX = 'cn=accesslog';
const DEFAULT_BIND_PASSWORD = 'rolesync-admin-secret';
/** Ports picked as free can be taken by someone else before slapd binds them; then retry with new ones. */
const PORT_ATTEMPTS = 3;

export async function startSlapd(options: SlapdOptions = {}): Promise<LdapServerHandle> {
  const baseDn = options.baseDn ?? DEFAULT_BASE_DN;
  const bindDn = `cn=admin,${baseDn}`;
  const bindPassword = options.bindPassword ?? DEFAULT_BIND_PASSWORD;
  const timeoutMs = options.startTimeoutMs ?? 30_000;
  const fixture = generateFixture('openldap', baseDn, options.fixture);
  const ca = await ensureTestCa();
  const dir = await createTemporaryDirectory('rolesync-slapd-', options.tmpDir);
  let server: ServerProcess | undefined;
  try {
    const layout = slapdLayout(dir);
    await configureSlapd(layout, {
      baseDn,
      adminDn: bindDn,
      referentialIntegrity: true,
      // Unpaged searches stop at 500 entries, paged ones see everything (STACK.md pitfall 12).
      sizeLimit: 'size.soft=500 size.hard=500 size.prtotal=unlimited',
      maxSizeBytes: 1024 * 1024 * 1024,
      indexedAttributes: ['objectClass', 'uid', 'cn', 'mail', 'member', 'memberOf', 'entryUUID', 'entryCSN'],
      // Entries below a scenario tree labelled NO_CSN_LABEL look like a server without entryCSN.
      accessRules: [`to dn.regex="^(.+,)?ou=${NO_CSN_LABEL}-[0-9a-f]+,${baseDn}$" attrs=entryCSN by * none`],
      tls: { caCertPath: ca.caCertPath, certPath: ca.server.certPath, keyPath: ca.server.keyPath },
      // Every write the tests make is logged; directories opt in to delta reads (accessLogBaseDn).
      accessLogSuffix: ACCESS_LOG_SUFFIX,
    });
    const root = rootEntries(baseDn, bindDn, bindPassword, 'Rolesync tests');
    const ldif =
      root.map(([dn, attributes]) => ldifRecord(dn, attributes)).join('') +
      renderFixtureLdif(fixture, { withMemberOf: true });
    await writeFile(layout.dataLdif, ldif);
    // Everything offline in one go, memberOf included. The fixture writes DNs in OpenLDAP's own
    // hex-escaped form, because slapadd stores member values verbatim.
    await loadSlapdData(layout, baseDn, layout.dataLdif);
    const started = await spawnSlapdOnFreePorts(layout, timeoutMs);
    server = started.server;
    const { ports } = started;
    const url = `ldap://127.0.0.1:${ports.ldap}`;
    const specialUserDns = await readBackDns(
      { url, bindDn, bindPassword, baseDn: fixture.usersDn },
      'uid',
      fixture.users.filter((user) => user.special).map((user) => user.login),
    );
    const info: LdapServerInfo = {
      kind: 'openldap',
      url,
      ldapsUrl: `ldaps://127.0.0.1:${ports.ldaps}`,
      baseDn,
      bindDn,
      bindPassword,
      caCertPem: ca.caCertPem,
      usersDn: fixture.usersDn,
      groupsDn: fixture.groupsDn,
      fixture: { ...fixture.info, specialUserDns },
    };
    return createServerHandle({ info, fixture, server, dataDir: dir, startTimeoutMs: timeoutMs });
  } catch (error) {
    await server?.terminate();
    await removeTemporaryDirectory(dir);
    throw error;
  }
}

interface SlapdPorts {
  ldap: number;
  ldaps: number;
}

async function spawnSlapdOnFreePorts(
  layout: SlapdLayout,
  timeoutMs: number,
): Promise<{ server: ServerProcess; ports: SlapdPorts }> {
  for (let attempt = 1; ; attempt++) {
    const ports = { ldap: await findFreePort(), ldaps: await findFreePort() };
    const server = slapdProcess(layout, ports);
    try {
      await startAndWaitForLdap(server, `ldap://127.0.0.1:${ports.ldap}`, timeoutMs);
      return { server, ports };
    } catch (error) {
      if (attempt >= PORT_ATTEMPTS || !server.output().includes('errno=98')) throw error;
    }
  }
}

function slapdProcess(layout: SlapdLayout, ports: SlapdPorts): ServerProcess {
  const urls = [`ldap://127.0.0.1:${ports.ldap}`, `ldaps://127.0.0.1:${ports.ldaps}`];
  return new ServerProcess('slapd', SLAPD_PATH, slapdArguments(layout, urls), { dataDir: layout.root });
}
