// A private OpenLDAP slapd: its own cn=config directory (back-mdb with the memberof overlay, optionally
// refint and TLS), bulk-loaded offline by slapadd and run in the foreground on 127.0.0.1. The demo, the
// test harness and the benchmark all build theirs here; what differs between them is in SlapdSettings.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findFreePort } from './free-port.js';
import { ldifRecord, type LdifAttribute } from './ldif-record.js';
import { spawnManaged, waitForPort, type ManagedProcess } from './managed-process.js';
import { runChecked } from './run-command.js';

export const SLAPD_PATH = '/usr/sbin/slapd';
const SLAPADD_PATH = '/usr/sbin/slapadd';
const MODULE_PATH = '/usr/lib/ldap';
const SCHEMA_DIR = '/etc/ldap/schema';
const SCHEMAS = ['core', 'cosine', 'nis', 'inetorgperson'];
/** Ports picked as free can be taken by someone else before slapd binds them; then retry with new ones. */
const PORT_ATTEMPTS = 3;

/** Where one server keeps everything, below one root directory. */
export interface SlapdLayout {
  root: string;
  configDir: string;
  dataDir: string;
  /** The access log database's data (SlapdSettings.accessLogSuffix). */
  accessLogDir: string;
  configLdif: string;
  /** Where callers that render their LDIF in one piece put it for loadSlapdData(). */
  dataLdif: string;
  pidFile: string;
}

export function slapdLayout(root: string): SlapdLayout {
  return {
    root,
    configDir: join(root, 'slapd.d'),
    dataDir: join(root, 'data'),
    accessLogDir: join(root, 'accesslog'),
    configLdif: join(root, 'config.ldif'),
    dataLdif: join(root, 'data.ldif'),
    pidFile: join(root, 'slapd.pid'),
  };
}

export interface SlapdSettings {
  baseDn: string;
  /**
   * An ordinary entry (loaded with the data) that may manage everything. Not olcRootDN: the root DN
   * ignores size limits, and clients should see the limits the application sees.
   */
  adminDn: string;
  /** refint keeps member values in step when entries are renamed or deleted, and memberof uses it. */
  referentialIntegrity: boolean;
  /** olcSizeLimit, e.g. `unlimited` or `size.soft=500 size.hard=500 size.prtotal=unlimited`. */
  sizeLimit: string;
  /** olcTimeLimit; slapd's default (3600 s) when absent. */
  timeLimit?: string;
  maxSizeBytes: number;
  /** No fsync per write: only for throwaway data. */
  noSync?: boolean;
  /** Attributes with an equality index. */
  indexedAttributes: readonly string[];
  /** olcAccess rules (`to ... by ...`) ahead of the defaults, e.g. an attribute hidden below a subtree. */
  accessRules?: readonly string[];
  /** Enables StartTLS and ldaps:// with these PEM files. */
  tls?: { caCertPath: string; certPath: string; keyPath: string };
  /**
   * The accesslog overlay logs every successful write below this suffix (e.g. `cn=accesslog`), each
   * change under the entryCSN it gave the entry: what delta reads take member values from.
   */
  accessLogSuffix?: string;
}

/** Writes the server's cn=config (slapadd -n 0) into layout.configDir and creates its data directory. */
export async function configureSlapd(layout: SlapdLayout, settings: SlapdSettings): Promise<void> {
  await mkdir(layout.configDir, { recursive: true });
  await mkdir(layout.dataDir, { recursive: true });
  if (settings.accessLogSuffix !== undefined) await mkdir(layout.accessLogDir, { recursive: true });
  await writeFile(layout.configLdif, slapdConfigLdif(layout, settings));
  await runChecked(SLAPADD_PATH, ['-n', '0', '-F', layout.configDir, '-l', layout.configLdif]);
}

/**
 * Bulk-loads an LDIF file offline. -q skips consistency checks (the LDIF is generated); slapadd runs no
 * overlays, so memberOf must already be in the LDIF (STACK.md pitfall 10), and member values are
 * stored verbatim.
 */
export async function loadSlapdData(
  layout: SlapdLayout,
  baseDn: string,
  ldifFile: string,
  timeoutMs?: number,
): Promise<void> {
  await runChecked(
    SLAPADD_PATH,
    ['-q', '-F', layout.configDir, '-b', baseDn, '-l', ldifFile],
    timeoutMs === undefined ? {} : { timeoutMs },
  );
}

/** slapd's command line: `-d` keeps it in the foreground (so the caller owns its pid) at that log level. */
export function slapdArguments(
  layout: SlapdLayout,
  urls: readonly string[],
  debugLevel: 'none' | 'stats' = 'none',
): string[] {
  return ['-d', debugLevel, '-F', layout.configDir, '-h', urls.map((url) => `${url}/`).join(' ')];
}

export interface StartedSlapd {
  server: ManagedProcess;
  port: number;
  url: string;
}

/** Starts slapd on a free port of 127.0.0.1 (plain LDAP) and waits until it accepts connections. */
export async function spawnSlapdOnFreePort(
  layout: SlapdLayout,
  options: {
    debugLevel?: 'none' | 'stats';
    startTimeoutMs?: number;
    /** Everything slapd writes to stderr, from its first byte on. */
    onOutput?: (chunk: Buffer) => void;
  } = {},
): Promise<StartedSlapd> {
  for (let attempt = 1; ; attempt++) {
    const port = await findFreePort();
    const url = `ldap://127.0.0.1:${port}`;
    const server = spawnManaged(SLAPD_PATH, slapdArguments(layout, [url], options.debugLevel));
    const { onOutput } = options;
    if (onOutput !== undefined) server.child.stderr?.on('data', onOutput);
    try {
      await waitForPort('127.0.0.1', port, options.startTimeoutMs ?? 60_000, server);
      return { server, port, url };
    } catch (error) {
      await server.stop();
      if (attempt >= PORT_ATTEMPTS) throw error;
    }
  }
}

/** The base entry and the admin entry every one of these directories starts with. */
export function rootEntries(
  baseDn: string,
  adminDn: string,
  adminPassword: string,
  organization: string,
): [dn: string, attributes: LdifAttribute[]][] {
  const dc = /^dc=([^,]+)/i.exec(baseDn)?.[1] ?? 'rolesync';
  const adminCn = /^cn=([^,]+)/i.exec(adminDn)?.[1] ?? 'admin';
  return [
    [
      baseDn,
      [
        ['objectClass', 'dcObject'],
        ['objectClass', 'organization'],
        ['dc', dc],
        ['o', organization],
      ],
    ],
    [
      adminDn,
      [
        ['objectClass', 'organizationalRole'],
        ['objectClass', 'simpleSecurityObject'],
        ['cn', adminCn],
        ['userPassword', adminPassword],
      ],
    ],
  ];
}

function slapdConfigLdif(layout: SlapdLayout, settings: SlapdSettings): string {
  const admin = `dn.exact="${settings.adminDn}"`;
  const global: LdifAttribute[] = [
    ['objectClass', 'olcGlobal'],
    ['cn', 'config'],
    ['olcPidFile', layout.pidFile],
  ];
  if (settings.tls) {
    global.push(
      ['olcTLSCACertificateFile', settings.tls.caCertPath],
      ['olcTLSCertificateFile', settings.tls.certPath],
      ['olcTLSCertificateKeyFile', settings.tls.keyPath],
    );
  }
  const accessLog = settings.accessLogSuffix;
  const modules = [
    'back_mdb',
    'memberof',
    ...(settings.referentialIntegrity ? ['refint'] : []),
    ...(accessLog === undefined ? [] : ['accesslog']),
  ];
  const database: LdifAttribute[] = [
    ['objectClass', 'olcDatabaseConfig'],
    ['objectClass', 'olcMdbConfig'],
    ['olcDatabase', '{1}mdb'],
    ['olcDbDirectory', layout.dataDir],
    ['olcSuffix', settings.baseDn],
    // No password, so nobody binds as it; but the memberof overlay runs its internal updates of
    // memberOf as the root DN, and without one removing a member leaves memberOf behind.
    ['olcRootDN', `cn=slapd-internal,${settings.baseDn}`],
    ['olcSizeLimit', settings.sizeLimit],
    ...(settings.timeLimit === undefined ? [] : [['olcTimeLimit', settings.timeLimit] as const]),
    ['olcDbMaxSize', String(settings.maxSizeBytes)],
    ...(settings.noSync ? [['olcDbNoSync', 'TRUE'] as const] : []),
    ['olcDbIndex', `${settings.indexedAttributes.join(',')} eq`],
    ...[
      ...(settings.accessRules ?? []),
      `to attrs=userPassword by ${admin} manage by self write by anonymous auth by * none`,
      `to * by ${admin} manage by users read by * none`,
    ].map((rule, index): LdifAttribute => ['olcAccess', `{${index}}${rule}`]),
  ];
  const memberOf: LdifAttribute[] = [
    ['objectClass', 'olcOverlayConfig'],
    ['objectClass', 'olcMemberOf'],
    ['olcOverlay', '{0}memberof'],
    ...(settings.referentialIntegrity ? [['olcMemberOfRefInt', 'TRUE'] as const] : []),
    ['olcMemberOfGroupOC', 'groupOfNames'],
    ['olcMemberOfMemberAD', 'member'],
    ['olcMemberOfMemberOfAD', 'memberOf'],
  ];
  return [
    ldifRecord('cn=config', global),
    ldifRecord('cn=module{0},cn=config', [
      ['objectClass', 'olcModuleList'],
      ['cn', 'module{0}'],
      ['olcModulePath', MODULE_PATH],
      ...modules.map((module): LdifAttribute => ['olcModuleLoad', module]),
    ]),
    ldifRecord('cn=schema,cn=config', [
      ['objectClass', 'olcSchemaConfig'],
      ['cn', 'schema'],
    ]),
    `${SCHEMAS.map((name) => `include: file://${SCHEMA_DIR}/${name}.ldif\n`).join('\n')}\n`,
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
    ldifRecord('olcDatabase={1}mdb,cn=config', database),
    ldifRecord('olcOverlay={0}memberof,olcDatabase={1}mdb,cn=config', memberOf),
    ...(settings.referentialIntegrity
      ? [
          ldifRecord('olcOverlay={1}refint,olcDatabase={1}mdb,cn=config', [
            ['objectClass', 'olcOverlayConfig'],
            ['objectClass', 'olcRefintConfig'],
            ['olcOverlay', '{1}refint'],
            ['olcRefintAttribute', 'member'],
          ]),
        ]
      : []),
    ...(accessLog === undefined ? [] : accessLogRecords(layout, settings, accessLog)),
  ].join('');
}

/**
 * The log database (after the main one, so its index stays {1}) and the overlay that writes it. Only
 * successful writes are logged; old records are purged after a week, checked daily.
 */
function accessLogRecords(layout: SlapdLayout, settings: SlapdSettings, suffix: string): string[] {
  const overlay = `{${settings.referentialIntegrity ? 2 : 1}}accesslog`;
  return [
    ldifRecord('olcDatabase={2}mdb,cn=config', [
      ['objectClass', 'olcDatabaseConfig'],
      ['objectClass', 'olcMdbConfig'],
      ['olcDatabase', '{2}mdb'],
      ['olcDbDirectory', layout.accessLogDir],
      ['olcSuffix', suffix],
      ['olcRootDN', `cn=slapd-internal,${suffix}`],
      ['olcSizeLimit', settings.sizeLimit],
      ['olcDbMaxSize', String(settings.maxSizeBytes)],
      ...(settings.noSync ? [['olcDbNoSync', 'TRUE'] as const] : []),
      ['olcDbIndex', 'entryCSN,objectClass,reqDN eq'],
      ['olcAccess', `{0}to * by dn.exact="${settings.adminDn}" read by * none`],
    ]),
    ldifRecord(`olcOverlay=${overlay},olcDatabase={1}mdb,cn=config`, [
      ['objectClass', 'olcOverlayConfig'],
      ['objectClass', 'olcAccessLogConfig'],
      ['olcOverlay', overlay],
      ['olcAccessLogDB', suffix],
      ['olcAccessLogOps', 'writes'],
      ['olcAccessLogSuccess', 'TRUE'],
      ['olcAccessLogPurge', '07+00:00 01+00:00'],
    ]),
  ];
}
