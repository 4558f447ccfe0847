// A private Samba AD DC for the integration tests, run as `samba -i -M single` with only the LDAP
// service, loaded with the AD flavour of the fixture.
//
// Provisioning and loading take ~15 s, so a provisioned and loaded directory is cached as a
// template under .cache/samba-template-<hash>/ and copied for every start (about a second).
//
// Samba's LDAP ports are fixed at 389/636 (and 3268/3269 for the global catalog): smb.conf has
// no setting for them. To still run several instances side by side and never collide with a
// server on 127.0.0.1:389, each instance binds its own loopback address, 127.x.y.z (Linux routes
// all of 127.0.0.0/8 to lo), and gets a certificate for that address from the test CA.
import { randomBytes, randomInt, createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  generateFixture,
  renderFixtureLdif,
  type FixtureOptions,
  type GeneratedFixture,
} from './ldap-fixture.js';
import { ldapSearch, readBackDns } from './ldap-cli.js';
import type { LdapServerInfo } from './provided-context.js';
import {
  createServerHandle,
  createTemporaryDirectory,
  isPortFree,
  isProcessAlive,
  removeTemporaryDirectory,
  runChecked,
  runCommand,
  ServerProcess,
  startAndWaitForLdap,
  type LdapServerHandle,
} from './server-process.js';
import { ensureTestCa, issueServerCertificate, type TestCertificateAuthority } from './test-ca.js';

export interface SambaAdOptions {
  fixture?: FixtureOptions;
  /** Kerberos realm; the base DN follows from it. Default ROLESYNC.TEST. */
  realm?: string;
  /** NetBIOS domain name. Default ROLESYNC. */
  domain?: string;
  /** Administrator's password (must meet AD complexity rules). */
  adminPassword?: string;
  /** Parent of the instance's temporary directory (default: the OS temp dir). */
  tmpDir?: string;
  /** Where provisioned templates are cached (default: <repo>/.cache). */
  cacheDir?: string;
  /** How long to wait for Samba to answer (default 60 s). */
  startTimeoutMs?: number;
}

interface SambaSettings {
  realm: string;
  domain: string;
  adminPassword: string;
  baseDn: string;
  bindDn: string;
  fixture: GeneratedFixture;
}

/** What a template remembers besides the directory itself. */
interface TemplateMetadata {
  layoutVersion: string;
  specialUserDns: string[];
}

const SAMBA = '/usr/sbin/samba';
const SAMBA_TOOL = '/usr/bin/samba-tool';
/** Bump when the provisioning, smb.conf or loading changes, so cached templates are rebuilt. */
const TEMPLATE_LAYOUT_VERSION = '1';
const HOST_NAME = 'rolesync-dc';
const DEFAULT_CACHE_DIR = fileURLToPath(new URL('../../.cache/', import.meta.url));
const SAMBA_PORTS = [389, 636, 3268, 3269];

export async function startSambaAd(options: SambaAdOptions = {}): Promise<LdapServerHandle> {
  const settings = sambaSettings(options);
  const timeoutMs = options.startTimeoutMs ?? 60_000;
  const ca = await ensureTestCa();
  const template = await ensureSambaTemplate(settings, ca, options.cacheDir ?? DEFAULT_CACHE_DIR, timeoutMs);
  const dir = await createTemporaryDirectory('rolesync-samba-', options.tmpDir);
  let server: ServerProcess | undefined;
  try {
    await copyTemplate(template.dir, dir);
    const started = await startSambaInstance(dir, settings, ca, timeoutMs);
    server = started.server;
    const info: LdapServerInfo = {
      kind: 'ad',
      url: `ldap://${started.address}:389`,
      ldapsUrl: `ldaps://${started.address}:636`,
      baseDn: settings.baseDn,
      bindDn: settings.bindDn,
      bindPassword: settings.adminPassword,
      caCertPem: ca.caCertPem,
      usersDn: settings.fixture.usersDn,
      groupsDn: settings.fixture.groupsDn,
      fixture: { ...settings.fixture.info, specialUserDns: template.metadata.specialUserDns },
    };
    return createServerHandle({
      info,
      fixture: settings.fixture,
      server,
      dataDir: dir,
      startTimeoutMs: timeoutMs,
      // A pid file left by a killed samba could name a live, unrelated process by now.
      beforeRestart: () => rm(join(dir, 'run', 'samba.pid'), { force: true }),
    });
  } catch (error) {
    await server?.terminate();
    await removeTemporaryDirectory(dir);
    throw error;
  }
}

function sambaSettings(options: SambaAdOptions): SambaSettings {
  const realm = (options.realm ?? 'ROLESYNC.TEST').toUpperCase();
  const baseDn = realm
    .toLowerCase()
    .split('.')
    .map((part) => `DC=${part}`)
    .join(',');
  return {
    realm,
    domain: (options.domain ?? 'ROLESYNC').toUpperCase(),
    adminPassword: options.adminPassword ?? 'Rolesync-Admin-1!',
    baseDn,
    bindDn: `CN=Administrator,CN=Users,${baseDn}`,
    fixture: generateFixture('ad', baseDn, options.fixture),
  };
}

// ---------------------------------------------------------------------------------------------
// Instances

interface SambaInstance {
  server: ServerProcess;
  address: string;
}

/** Starts samba on a free loopback address for a directory holding private/ and state/. */
async function startSambaInstance(
  dir: string,
  settings: SambaSettings,
  ca: TestCertificateAuthority,
  timeoutMs: number,
): Promise<SambaInstance> {
  const address = await findFreeLoopbackAddress();
  const certificate = await issueServerCertificate(ca, {
    dir: join(dir, 'tls'),
    ipAddresses: [address, '127.0.0.1'],
    dnsNames: ['localhost'],
  });
  for (const sub of ['lock', 'cache', 'run', 'bind-dns', 'ncalrpc']) {
    await mkdir(join(dir, sub), { recursive: true });
  }
  const smbConf = join(dir, 'smb.conf');
  await writeFile(
    smbConf,
    smbConfText(dir, settings, address, { ...certificate, caCertPath: ca.caCertPath }),
  );
  const server = sambaProcess(smbConf, dir);
  await startAndWaitForLdap(server, `ldap://${address}:389`, timeoutMs);
  return { server, address };
}

function sambaProcess(smbConf: string, dataDir: string): ServerProcess {
  // -i: foreground, log to stdout, exit when stdin closes (so it dies with us); -M single: one process.
  return new ServerProcess('samba', SAMBA, ['-i', '-M', 'single', '--debuglevel=1', '-s', smbConf], {
    keepStdinOpen: true,
    dataDir,
  });
}

function smbConfText(
  dir: string,
  settings: SambaSettings,
  address: string,
  tls: { certPath: string; keyPath: string; caCertPath: string },
): string {
  const options: [string, string][] = [
    ['netbios name', HOST_NAME.toUpperCase()],
    ['workgroup', settings.domain],
    ['realm', settings.realm],
    ['server role', 'active directory domain controller'],
    // Only LDAP: no SMB, Kerberos, DNS, RPC or replication listeners to collide or slow the start.
    ['server services', 'ldap'],
    ['interfaces', `${address}/8`],
    ['bind interfaces only', 'yes'],
    ['private dir', join(dir, 'private')],
    ['state directory', join(dir, 'state')],
    ['lock directory', join(dir, 'lock')],
    ['cache directory', join(dir, 'cache')],
    ['pid directory', join(dir, 'run')],
    ['binddns dir', join(dir, 'bind-dns')],
    ['ncalrpc dir', join(dir, 'ncalrpc')],
    ['log level', '1'],
    ['idmap_ldb:use rfc2307', 'yes'],
    // Simple binds over plain LDAP (the tests also exercise StartTLS and ldaps).
    ['ldap server require strong auth', 'no'],
    ['tls enabled', 'yes'],
    ['tls keyfile', tls.keyPath],
    ['tls certfile', tls.certPath],
    ['tls cafile', tls.caCertPath],
  ];
  return `[global]\n${options.map(([key, value]) => `\t${key} = ${value}\n`).join('')}`;
}

/** A random 127.x.y.z on which Samba's fixed ports are all free. */
async function findFreeLoopbackAddress(): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const address = `127.${randomInt(2, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
    const free = await Promise.all(SAMBA_PORTS.map((port) => isPortFree(address, port)));
    if (free.every(Boolean)) return address;
  }
  throw new Error(
    `no loopback address with ports ${SAMBA_PORTS.join(', ')} free after 20 tries; ` +
      'is something listening on 0.0.0.0:389 (check `ss -ltnp`)?',
  );
}

// ---------------------------------------------------------------------------------------------
// Templates

interface SambaTemplate {
  dir: string;
  metadata: TemplateMetadata;
}

/** Returns the cached, provisioned and loaded template for these settings, building it once. */
async function ensureSambaTemplate(
  settings: SambaSettings,
  ca: TestCertificateAuthority,
  cacheDir: string,
  timeoutMs: number,
): Promise<SambaTemplate> {
  const dir = join(cacheDir, `samba-template-${await templateHash(settings)}`);
  const cached = await readTemplate(dir);
  if (cached) return cached;
  await mkdir(cacheDir, { recursive: true });
  await removeAbandonedPartials(cacheDir);
  const work = await createTemporaryDirectory('rolesync-samba-build-');
  // The partial copy sits next to the final directory so that the last step is an atomic rename.
  const partial = `${dir}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const metadata = await buildTemplate(work, settings, ca, timeoutMs);
    await copyTemplate(work, partial);
    await writeFile(join(partial, 'template.json'), JSON.stringify(metadata, null, 2));
    await moveIntoPlace(partial, dir);
  } finally {
    await removeTemporaryDirectory(work);
    await rm(partial, { recursive: true, force: true });
  }
  const built = await readTemplate(dir);
  if (!built) throw new Error(`Samba template ${dir} is unreadable right after building it`);
  return built;
}

/** Everything that changes the template's content, so that a changed fixture or Samba gets a new one. */
async function templateHash(settings: SambaSettings): Promise<string> {
  const version = await runChecked(SAMBA, ['--version']);
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify([TEMPLATE_LAYOUT_VERSION, version.stdout.trim(), settings.realm, settings.domain]),
  );
  hash.update(settings.adminPassword);
  hash.update(renderFixtureLdif(settings.fixture));
  return hash.digest('hex').slice(0, 16);
}

async function readTemplate(dir: string): Promise<SambaTemplate | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, 'template.json'), 'utf8');
  } catch {
    return undefined;
  }
  const parsed: unknown = JSON.parse(text);
  if (!isTemplateMetadata(parsed) || parsed.layoutVersion !== TEMPLATE_LAYOUT_VERSION) return undefined;
  return { dir, metadata: parsed };
}

function isTemplateMetadata(value: unknown): value is TemplateMetadata {
  if (typeof value !== 'object' || value === null) return false;
  if (!('layoutVersion' in value) || !('specialUserDns' in value)) return false;
  const { layoutVersion, specialUserDns } = value;
  return (
    typeof layoutVersion === 'string' &&
    Array.isArray(specialUserDns) &&
    specialUserDns.every((dn): dn is string => typeof dn === 'string')
  );
}

/** Provisions a domain into `work`, starts it, loads the fixture over LDAP and stops it again. */
async function buildTemplate(
  work: string,
  settings: SambaSettings,
  ca: TestCertificateAuthority,
  timeoutMs: number,
): Promise<TemplateMetadata> {
  await provisionDomain(join(work, 'provision'), settings);
  // Keep only what an instance needs; lock, cache and pid directories are per instance.
  await cp(join(work, 'provision', 'private'), join(work, 'private'), { recursive: true });
  await cp(join(work, 'provision', 'state'), join(work, 'state'), { recursive: true });
  await rm(join(work, 'provision'), { recursive: true, force: true });
  const instance = await startSambaInstance(work, settings, ca, timeoutMs);
  try {
    const url = `ldap://${instance.address}:389`;
    const bind = ['-x', '-H', url, '-D', settings.bindDn, '-w', settings.adminPassword];
    // Over LDAP (not ldbadd on sam.ldb) so that everything goes through the same checks as in production.
    await runChecked('ldapadd', bind, { input: renderFixtureLdif(settings.fixture), timeoutMs: 600_000 });
    const connection = { url, bindDn: settings.bindDn, bindPassword: settings.adminPassword };
    await assertUserCount(connection, settings.fixture);
    const specialUserDns = await readBackDns(
      { ...connection, baseDn: settings.fixture.usersDn },
      'sAMAccountName',
      settings.fixture.users.filter((user) => user.special).map((user) => user.login),
    );
    return { layoutVersion: TEMPLATE_LAYOUT_VERSION, specialUserDns };
  } finally {
    await instance.server.terminate();
    // Per-instance files must not end up in the template.
    for (const sub of ['tls', 'lock', 'cache', 'run', 'bind-dns', 'ncalrpc', 'smb.conf']) {
      await rm(join(work, sub), { recursive: true, force: true });
    }
  }
}

async function provisionDomain(targetDir: string, settings: SambaSettings): Promise<void> {
  const result = await runCommand(
    SAMBA_TOOL,
    [
      'domain',
      'provision',
      '--use-rfc2307',
      '--dns-backend=NONE',
      '--server-role=dc',
      `--realm=${settings.realm}`,
      `--domain=${settings.domain}`,
      `--adminpass=${settings.adminPassword}`,
      `--host-name=${HOST_NAME}`,
      `--targetdir=${targetDir}`,
    ],
    { timeoutMs: 300_000 },
  );
  if (result.exitCode !== 0) {
    const hint = result.stderr.includes('samba-ad-provision')
      ? '\nInstall the Debian package samba-ad-provision (scripts/install-ldap-servers.sh does).'
      : '';
    throw new Error(
      `samba-tool domain provision failed (${result.exitCode}):\n${(result.stderr + result.stdout).slice(-4000)}${hint}`,
    );
  }
}

async function assertUserCount(
  connection: { url: string; bindDn: string; bindPassword: string },
  fixture: GeneratedFixture,
): Promise<void> {
  const result = await ldapSearch({
    ...connection,
    baseDn: fixture.usersDn,
    scope: 'one',
    filter: '(objectClass=user)',
    attributes: ['1.1'],
    pageSize: 1000,
  });
  if (result.exitCode !== 0 || result.entries.length !== fixture.info.userCount) {
    throw new Error(
      `Samba template holds ${result.entries.length} users, expected ${fixture.info.userCount} (ldapsearch ${result.exitCode}: ${result.stderr})`,
    );
  }
}

/** Copies a template's private/ and state/ directories, leaving out sockets a running samba left behind. */
async function copyTemplate(from: string, to: string): Promise<void> {
  for (const sub of ['private', 'state']) {
    await cp(join(from, sub), join(to, sub), {
      recursive: true,
      preserveTimestamps: true,
      filter: (source) => !/\/(ldapi|smbd\.tmp)$/.test(source),
    });
  }
}

async function moveIntoPlace(partial: string, dir: string): Promise<void> {
  try {
    await rename(partial, dir);
  } catch (error) {
    // A parallel run finished the same template first: theirs is as good as ours.
    if (!(await readTemplate(dir))) throw error;
  }
}

/** Removes half-built templates whose builder process is gone. */
async function removeAbandonedPartials(cacheDir: string): Promise<void> {
  for (const name of await readdir(cacheDir)) {
    const pid = /^samba-template-[0-9a-f]+\.partial-(\d+)-/.exec(name)?.[1];
    if (pid !== undefined && !isProcessAlive(Number(pid))) {
      await rm(join(cacheDir, name), { recursive: true, force: true });
    }
  }
}
