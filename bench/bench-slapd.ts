// The benchmark's own slapd: back-mdb with the memberof overlay, no size or time limits, no TLS, on a
// free port of 127.0.0.1, bulk-loaded with `slapadd -q` from the generated LDIF. Unlike the test
// harness's slapd it logs at level "stats" (one line per operation and result, none per entry), so
// that the LDAP requests of every measured step can be counted from its log.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findFreePort } from '../src/embedded/free-port.js';
import { spawnManaged, waitForPort, type ManagedProcess } from '../src/embedded/managed-process.js';
import { ldifRecord } from '../test/support/ldap-fixture.js';
import { runChecked } from '../test/support/server-process.js';
import type { DirectoryNames } from './directory-model.js';
import { LdapOperationLog } from './ldap-operation-log.js';
import { readProcessCpu } from './process-metrics.js';

export interface BenchSlapd {
  url: string;
  bindDn: string;
  bindPassword: string;
  pid: number | undefined;
  /** Seconds slapadd took to load the LDIF. */
  loadSeconds: number;
  operations: LdapOperationLog;
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export interface BenchSlapdOptions {
  /** An empty directory for config and data. */
  dir: string;
  names: DirectoryNames;
  ldifFile: string;
  bindPassword: string;
}

const SLAPD = '/usr/sbin/slapd';
const SLAPADD = '/usr/sbin/slapadd';
const MODULE_PATH = '/usr/lib/ldap';
const SCHEMA_DIR = '/etc/ldap/schema';
const LOAD_TIMEOUT_MS = 30 * 60_000;
const START_TIMEOUT_MS = 60_000;
const PORT_ATTEMPTS = 3;

export async function startBenchSlapd(options: BenchSlapdOptions): Promise<BenchSlapd> {
  const configDir = join(options.dir, 'slapd.d');
  const dataDir = join(options.dir, 'data');
  const configLdif = join(options.dir, 'config.ldif');
  await mkdir(configDir, { recursive: true });
  await mkdir(dataDir, { recursive: true });
  await writeFile(configLdif, slapdConfigLdif(options.names, dataDir));
  await runChecked(SLAPADD, ['-n', '0', '-F', configDir, '-l', configLdif]);
  const loadStarted = performance.now();
  // -q: no consistency checks, the LDIF is generated; memberOf is in it because slapadd runs no overlays.
  await runChecked(SLAPADD, ['-q', '-F', configDir, '-b', options.names.baseDn, '-l', options.ldifFile], {
    timeoutMs: LOAD_TIMEOUT_MS,
  });
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const { server, port, operations } = await spawnOnFreePort(configDir);
  return {
    url: `ldap://127.0.0.1:${port}`,
    bindDn: options.names.adminDn,
    bindPassword: options.bindPassword,
    pid: server.child.pid,
    loadSeconds,
    operations,
    cpuSeconds: () => (server.child.pid === undefined ? 0 : readProcessCpu(server.child.pid)),
    stop: () => server.stop(),
  };
}

async function spawnOnFreePort(
  configDir: string,
): Promise<{ server: ManagedProcess; port: number; operations: LdapOperationLog }> {
  for (let attempt = 1; ; attempt++) {
    const port = await findFreePort();
    // -d stats: stay in the foreground (we own the pid) and log every operation to stderr.
    const server = spawnManaged(SLAPD, ['-d', 'stats', '-F', configDir, '-h', `ldap://127.0.0.1:${port}/`]);
    const operations = new LdapOperationLog();
    server.child.stderr?.on('data', (chunk: Buffer) => {
      operations.consume(chunk);
    });
    try {
      await waitForPort('127.0.0.1', port, START_TIMEOUT_MS, server);
      return { server, port, operations };
    } catch (error) {
      await server.stop();
      if (attempt >= PORT_ATTEMPTS) throw error;
    }
  }
}

function slapdConfigLdif(names: DirectoryNames, dataDir: string): string {
  const admin = `dn.exact="${names.adminDn}"`;
  const schemas = ['core', 'cosine', 'nis', 'inetorgperson'].map(
    (name) => `include: file://${SCHEMA_DIR}/${name}.ldif\n`,
  );
  return [
    ldifRecord('cn=config', [
      ['objectClass', 'olcGlobal'],
      ['cn', 'config'],
    ]),
    ldifRecord('cn=module{0},cn=config', [
      ['objectClass', 'olcModuleList'],
      ['cn', 'module{0}'],
      ['olcModulePath', MODULE_PATH],
      ['olcModuleLoad', 'back_mdb'],
      ['olcModuleLoad', 'memberof'],
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
      ['olcDbDirectory', dataDir],
      ['olcSuffix', names.baseDn],
      // Without a root DN the memberof overlay cannot run its internal memberOf updates.
      ['olcRootDN', `cn=slapd-internal,${names.baseDn}`],
      ['olcSizeLimit', 'unlimited'],
      ['olcTimeLimit', 'unlimited'],
      ['olcDbMaxSize', String(16 * 1024 ** 3)],
      // Benchmark data is disposable: no fsync per modify while the 1% change is applied.
      ['olcDbNoSync', 'TRUE'],
      ['olcDbIndex', 'objectClass,uid,cn,member,memberOf,entryUUID eq'],
      ['olcAccess', `{0}to attrs=userPassword by ${admin} manage by anonymous auth by * none`],
      ['olcAccess', `{1}to * by ${admin} manage by users read by * none`],
    ]),
    ldifRecord('olcOverlay={0}memberof,olcDatabase={1}mdb,cn=config', [
      ['objectClass', 'olcOverlayConfig'],
      ['objectClass', 'olcMemberOf'],
      ['olcOverlay', '{0}memberof'],
      ['olcMemberOfGroupOC', 'groupOfNames'],
      ['olcMemberOfMemberAD', 'member'],
      ['olcMemberOfMemberOfAD', 'memberOf'],
    ]),
  ].join('');
}
