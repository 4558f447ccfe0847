// A private OpenLDAP slapd for the integration tests: own cn=config directory, back-mdb,
// memberof + refint overlays, a 500-entry size limit that paged searches bypass, StartTLS and
// ldaps with the test CA, on free ports of 127.0.0.1, with the fixture bulk-loaded by slapadd.
//
// The process, handle and command helpers it shares with samba-ad-server.ts are in
// server-process.ts; the ldapsearch helpers in ldap-cli.ts.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findFreePort } from '../../src/embedded/free-port.js';
import { readBackDns } from './ldap-cli.js';
import { generateFixture, ldifRecord, renderFixtureLdif, type FixtureOptions } from './ldap-fixture.js';
import type { LdapServerInfo } from './provided-context.js';
import {
  createServerHandle,
  createTemporaryDirectory,
  removeTemporaryDirectory,
  runChecked,
  ServerProcess,
  startAndWaitForLdap,
  type LdapServerHandle,
} from './server-process.js';
import { ensureTestCa, type TestCertificateAuthority } from './test-ca.js';

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

const SLAPD = '/usr/sbin/slapd';
const SLAPADD = '/usr/sbin/slapadd';
const MODULE_PATH = '/usr/lib/ldap';
const SCHEMA_DIR = '/etc/ldap/schema';
const DEFAULT_BASE_DN = 'dc=rolesync,dc=test';
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
    await writeSlapdConfig(layout, ca, { baseDn, bindDn });
    await runChecked(SLAPADD, ['-n', '0', '-F', layout.configDir, '-l', layout.configLdif]);
    const ldif =
      baseEntriesLdif(baseDn, bindDn, bindPassword) + renderFixtureLdif(fixture, { withMemberOf: true });
    await writeFile(layout.dataLdif, ldif);
    // Everything offline in one go: -q skips consistency checks (the fixture is generated), and
    // memberOf is written by the fixture because slapadd runs no overlays. The fixture writes DNs
    // in OpenLDAP's own hex-escaped form, because slapadd stores member values verbatim.
    await runChecked(SLAPADD, ['-q', '-F', layout.configDir, '-b', baseDn, '-l', layout.dataLdif]);
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

interface SlapdLayout {
  /** The temporary directory holding everything below. */
  root: string;
  configDir: string;
  dataDir: string;
  configLdif: string;
  dataLdif: string;
  pidFile: string;
}

function slapdLayout(dir: string): SlapdLayout {
  return {
    root: dir,
    configDir: join(dir, 'slapd.d'),
    dataDir: join(dir, 'data'),
    configLdif: join(dir, 'config.ldif'),
    dataLdif: join(dir, 'data.ldif'),
    pidFile: join(dir, 'slapd.pid'),
  };
}

async function writeSlapdConfig(
  layout: SlapdLayout,
  ca: TestCertificateAuthority,
  names: { baseDn: string; bindDn: string },
): Promise<void> {
  await mkdir(layout.configDir, { recursive: true });
  await mkdir(layout.dataDir, { recursive: true });
  await writeFile(layout.configLdif, slapdConfigLdif(layout, ca, names));
}

function slapdConfigLdif(
  layout: SlapdLayout,
  ca: TestCertificateAuthority,
  names: { baseDn: string; bindDn: string },
): string {
  const admin = `dn.exact="${names.bindDn}"`;
  const schemas = ['core', 'cosine', 'nis', 'inetorgperson'].map(
    (name) => `include: file://${SCHEMA_DIR}/${name}.ldif\n`,
  );
  return [
    ldifRecord('cn=config', [
      ['objectClass', 'olcGlobal'],
      ['cn', 'config'],
      ['olcPidFile', layout.pidFile],
      ['olcTLSCACertificateFile', ca.caCertPath],
      ['olcTLSCertificateFile', ca.server.certPath],
      ['olcTLSCertificateKeyFile', ca.server.keyPath],
    ]),
    ldifRecord('cn=module{0},cn=config', [
      ['objectClass', 'olcModuleList'],
      ['cn', 'module{0}'],
      ['olcModulePath', MODULE_PATH],
      ['olcModuleLoad', 'back_mdb'],
      ['olcModuleLoad', 'memberof'],
      ['olcModuleLoad', 'refint'],
    ]),
    ldifRecord('cn=schema,cn=config', [
      ['objectClass', 'olcSchemaConfig'],
      ['cn', 'schema'],
    ]),
    `${schemas.join('\n')}\n`,
    ldifRecord('olcDatabase={-1}frontend,cn=config', [
      ['objectClass', 'olcDatabaseConfig'],
      ['objectClass', 'olcFrontendConfig'],
      ['olcDatabase', '{-1}frontend'],
    ]),
    ldifRecord('olcDatabase={0}config,cn=config', [
      ['objectClass', 'olcDatabaseConfig'],
      ['olcDatabase', '{0}config'],
      ['olcAccess', '{0}to * by * none'],
    ]),
    ldifRecord('olcDatabase={1}mdb,cn=config', [
      ['objectClass', 'olcDatabaseConfig'],
      ['objectClass', 'olcMdbConfig'],
      ['olcDatabase', '{1}mdb'],
      ['olcDbDirectory', layout.dataDir],
      ['olcSuffix', names.baseDn],
      // No password, so nobody binds as it; but the memberof overlay runs its internal updates of
      // memberOf as the root DN, and without one removing a member leaves memberOf behind.
      ['olcRootDN', `cn=slapd-internal,${names.baseDn}`],
      // The admin is an ordinary entry, not olcRootDN: the root DN ignores size limits, and the
      // tests must see the same limits as the application.
      ['olcSizeLimit', 'size.soft=500 size.hard=500 size.prtotal=unlimited'],
      ['olcDbMaxSize', String(1024 * 1024 * 1024)],
      ['olcDbIndex', 'objectClass,uid,cn,mail,member,memberOf,entryUUID eq'],
      ['olcAccess', `{0}to attrs=userPassword by ${admin} manage by self write by anonymous auth by * none`],
      ['olcAccess', `{1}to * by ${admin} manage by users read by * none`],
    ]),
    ldifRecord('olcOverlay={0}memberof,olcDatabase={1}mdb,cn=config', [
      ['objectClass', 'olcOverlayConfig'],
      ['objectClass', 'olcMemberOf'],
      ['olcOverlay', '{0}memberof'],
      ['olcMemberOfRefInt', 'TRUE'],
      ['olcMemberOfGroupOC', 'groupOfNames'],
      ['olcMemberOfMemberAD', 'member'],
      ['olcMemberOfMemberOfAD', 'memberOf'],
    ]),
    ldifRecord('olcOverlay={1}refint,olcDatabase={1}mdb,cn=config', [
      ['objectClass', 'olcOverlayConfig'],
      ['objectClass', 'olcRefintConfig'],
      ['olcOverlay', '{1}refint'],
      ['olcRefintAttribute', 'member'],
    ]),
  ].join('');
}

function baseEntriesLdif(baseDn: string, bindDn: string, bindPassword: string): string {
  const dc = /^dc=([^,]+)/i.exec(baseDn)?.[1] ?? 'rolesync';
  return [
    ldifRecord(baseDn, [
      ['objectClass', 'dcObject'],
      ['objectClass', 'organization'],
      ['dc', dc],
      ['o', 'Rolesync tests'],
    ]),
    ldifRecord(bindDn, [
      ['objectClass', 'organizationalRole'],
      ['objectClass', 'simpleSecurityObject'],
      ['cn', 'admin'],
      ['userPassword', bindPassword],
    ]),
  ].join('');
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
  const urls = `ldap://127.0.0.1:${ports.ldap}/ ldaps://127.0.0.1:${ports.ldaps}/`;
  // -d none keeps slapd in the foreground (so we own its pid) and prints only errors.
  return new ServerProcess('slapd', SLAPD, ['-d', 'none', '-F', layout.configDir, '-h', urls], {
    dataDir: layout.root,
  });
}
