// A private OpenLDAP slapd for the integration tests: own cn=config directory, back-mdb,
// memberof + refint overlays, a 500-entry size limit that paged searches bypass, StartTLS and
// ldaps with the test CA, on free ports of 127.0.0.1, with the fixture bulk-loaded by slapadd.
//
// The second half of this file holds the child-process and ldapsearch helpers that
// samba-ad-server.ts and the harness tests share.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  generateFixture,
  ldifRecord,
  parseLdif,
  renderFixtureLdif,
  type FixtureOptions,
  type GeneratedFixture,
  type LdifEntry,
} from './ldap-fixture.js';
import type { LdapServerInfo } from './provided-context.js';
import { ensureTestCa, type TestCertificateAuthority } from './test-ca.js';

/** A running test directory server and the controls that fault tests need. */
export interface LdapServerHandle {
  readonly info: LdapServerInfo;
  /** The generated fixture the server was loaded with (DNs as written, not as returned). */
  readonly fixture: GeneratedFixture;
  /** Stops the server and deletes its data. Safe to call twice. */
  stop(): Promise<void>;
  /** SIGSTOP: connections are accepted by the kernel but nothing is answered until resume(). */
  pause(): void;
  /** SIGCONT after pause(). */
  resume(): void;
  /** SIGKILL, as a crash would; the data stays so that restart() brings the same directory back. */
  kill(): Promise<void>;
  /** Starts the server again on the same ports and data (stopping it first if it is running). */
  restart(): Promise<void>;
}

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
  const dir = await mkdtemp(join(options.tmpDir ?? tmpdir(), 'rolesync-slapd-'));
  trackTemporaryDirectory(dir);
  let server: ServerProcess | undefined;
  try {
    const layout = slapdLayout(dir);
    await writeSlapdConfig(layout, ca, { baseDn, bindDn });
    await runChecked(SLAPADD, ['-n', '0', '-F', layout.configDir, '-l', layout.configLdif]);
    await writeFile(layout.dataLdif, baseEntriesLdif(baseDn, bindDn, bindPassword) + renderFixtureLdif(fixture, { withMemberOf: true }));
    // -q skips consistency checks: the fixture is generated, and this makes the load near instant.
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
    return createHandle(info, fixture, server, dir, url, timeoutMs);
  } catch (error) {
    await server?.terminate();
    await removeTemporaryDirectory(dir);
    throw error;
  }
}

interface SlapdLayout {
  configDir: string;
  dataDir: string;
  configLdif: string;
  dataLdif: string;
  pidFile: string;
}

function slapdLayout(dir: string): SlapdLayout {
  return {
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

function slapdConfigLdif(layout: SlapdLayout, ca: TestCertificateAuthority, names: { baseDn: string; bindDn: string }): string {
  const admin = `dn.exact="${names.bindDn}"`;
  const schemas = ['core', 'cosine', 'nis', 'inetorgperson'].map((name) => `include: file://${SCHEMA_DIR}/${name}.ldif\n`);
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
    ldifRecord('cn=schema,cn=config', [['objectClass', 'olcSchemaConfig'], ['cn', 'schema']]),
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
    ldifRecord(baseDn, [['objectClass', 'dcObject'], ['objectClass', 'organization'], ['dc', dc], ['o', 'Rolesync tests']]),
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
      server.start();
      await waitForLdap(`ldap://127.0.0.1:${ports.ldap}`, server, timeoutMs);
      return { server, ports };
    } catch (error) {
      await server.terminate();
      if (attempt >= PORT_ATTEMPTS || !server.output().includes('errno=98')) throw error;
    }
  }
}

function slapdProcess(layout: SlapdLayout, ports: SlapdPorts): ServerProcess {
  const urls = `ldap://127.0.0.1:${ports.ldap}/ ldaps://127.0.0.1:${ports.ldaps}/`;
  // -d none keeps slapd in the foreground (so we own its pid) and prints only errors.
  return new ServerProcess('slapd', SLAPD, ['-d', 'none', '-F', layout.configDir, '-h', urls]);
}

function createHandle(
  info: LdapServerInfo,
  fixture: GeneratedFixture,
  initial: ServerProcess,
  dir: string,
  url: string,
  timeoutMs: number,
): LdapServerHandle {
  let server = initial;
  let stopped = false;
  return {
    info,
    fixture,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.terminate();
      await removeTemporaryDirectory(dir);
    },
    pause: () => {
      server.signal('SIGSTOP');
    },
    resume: () => {
      server.signal('SIGCONT');
    },
    kill: () => server.kill(),
    async restart() {
      if (stopped) throw new Error('slapd was stopped; start a new one instead of restarting');
      await server.terminate();
      server = server.respawn();
      server.start();
      await waitForLdap(url, server, timeoutMs);
    },
  };
}

// =============================================================================================
// Helpers shared with samba-ad-server.ts and the harness tests.

/** Last bytes of a stream, for error messages: enough to see why a server died, bounded in memory. */
class OutputTail {
  private text = '';
  private readonly limit = 16_384;
  append(chunk: Buffer): void {
    this.text = (this.text + chunk.toString('utf8')).slice(-this.limit);
  }
  toString(): string {
    return this.text;
  }
}

const liveProcesses = new Set<ChildProcess>();
const temporaryDirectories = new Set<string>();
let exitHookInstalled = false;

/** Servers and their data must not outlive the test run, even when teardown never runs. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of liveProcesses) child.kill('SIGKILL');
    for (const dir of temporaryDirectories) rmSync(dir, { recursive: true, force: true });
  });
}

export function trackTemporaryDirectory(dir: string): void {
  installExitHook();
  temporaryDirectories.add(dir);
}

export async function removeTemporaryDirectory(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  temporaryDirectories.delete(dir);
}

export interface ServerProcessOptions {
  /** Samba in interactive mode exits when its stdin closes, so it gets a pipe that stays open. */
  keepStdinOpen?: boolean;
  env?: NodeJS.ProcessEnv;
}

/** A long-running server child process: started once, signalled, and always reaped. */
export class ServerProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private exitDescription: string | undefined;
  private readonly tail = new OutputTail();
  readonly name: string;
  private readonly command: string;
  private readonly args: readonly string[];
  private readonly options: ServerProcessOptions;

  constructor(name: string, command: string, args: readonly string[], options: ServerProcessOptions = {}) {
    this.name = name;
    this.command = command;
    this.args = args;
    this.options = options;
  }

  /** A fresh, not yet started process with the same command line (for restarts). */
  respawn(): ServerProcess {
    return new ServerProcess(this.name, this.command, this.args, this.options);
  }

  start(): void {
    if (this.child) throw new Error(`${this.name} was already started`);
    installExitHook();
    const child = spawn(this.command, this.args, {
      stdio: [this.options.keepStdinOpen ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      env: this.options.env ?? process.env,
    });
    this.child = child;
    liveProcesses.add(child);
    child.stdout?.on('data', (chunk: Buffer) => {
      this.tail.append(chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      this.tail.append(chunk);
    });
    this.exited = new Promise((resolve) => {
      const finish = (description: string): void => {
        this.exitDescription ??= description;
        liveProcesses.delete(child);
        resolve();
      };
      child.once('exit', (code, signal) => {
        finish(signal ? `killed by ${signal}` : `exited with code ${code ?? 'unknown'}`);
      });
      child.once('error', (error) => {
        finish(`failed to start: ${error.message}`);
      });
    });
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Undefined while running; otherwise how it ended. */
  get exitStatus(): string | undefined {
    return this.exitDescription;
  }

  output(): string {
    return this.tail.toString();
  }

  /** A message naming the process, its end, and the tail of what it printed. */
  describe(problem: string): string {
    const status = this.exitDescription ? ` (${this.exitDescription})` : '';
    return `${this.name} ${problem}${status}. Last output:\n${this.output().slice(-4000) || '(none)'}`;
  }

  signal(signal: NodeJS.Signals): void {
    if (this.child && this.exitDescription === undefined) this.child.kill(signal);
  }

  /** SIGTERM (after SIGCONT, in case it is paused), then SIGKILL if it lingers. */
  async terminate(graceMs = 5_000): Promise<void> {
    if (!this.child || this.exitDescription !== undefined) return this.exited;
    this.signal('SIGCONT');
    this.signal('SIGTERM');
    if (await settlesWithin(this.exited, graceMs)) return;
    this.signal('SIGKILL');
    await this.exited;
  }

  /** SIGKILL and wait until the kernel has reaped it. */
  async kill(): Promise<void> {
    this.signal('SIGKILL');
    await this.exited;
  }

  /** Resolves when the process has exited. */
  whenExited(): Promise<void> {
    return this.exited;
  }
}

async function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  const timer = sleep(ms).then(() => false);
  return Promise.race([promise.then(() => true), timer]);
}

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface CommandOptions {
  input?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/** Runs a command to completion without a shell; never throws for a non-zero exit. */
export function runCommand(command: string, args: readonly string[], options: CommandOptions = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: options.env ?? process.env,
      timeout: options.timeoutMs ?? 120_000,
      killSignal: 'SIGKILL',
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      resolve({
        exitCode: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8') + (signal ? `\n(${command} killed by ${signal})` : ''),
      });
    });
    // A command that exits before reading all its input closes the pipe: that is its exit code's business.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** Runs a command and throws, with the tail of its output, unless it exits 0. */
export async function runChecked(command: string, args: readonly string[], options: CommandOptions = {}): Promise<CommandResult> {
  const result = await runCommand(command, args, options);
  if (result.exitCode !== 0) {
    const output = `${result.stderr}\n${result.stdout}`.trim().slice(-4000);
    throw new Error(`${command} ${args.slice(0, 3).join(' ')}... exited with ${result.exitCode}:\n${output}`);
  }
  return result;
}

/** A TCP port that was free a moment ago (bound to port 0, then released). */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not read the port of a probe socket'));
      });
    });
  });
}

/** Whether host:port can be bound right now. */
export function isPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => {
      resolve(false);
    });
    server.listen({ host, port, exclusive: true }, () => {
      server.close(() => {
        resolve(true);
      });
    });
  });
}

/** Polls the root DSE until the server answers, failing early (with its output) if it dies. */
export async function waitForLdap(url: string, server: ServerProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (server.exitStatus !== undefined) throw new Error(server.describe(`died while starting on ${url}`));
    const probe = await runCommand('ldapsearch', ['-x', '-LLL', '-o', 'nettimeout=2', '-H', url, '-b', '', '-s', 'base', '1.1'], {
      timeoutMs: 5_000,
    });
    if (probe.exitCode === 0) return;
    lastError = probe.stderr.trim();
    await sleep(100);
  }
  throw new Error(server.describe(`did not answer on ${url} within ${timeoutMs} ms (last ldapsearch error: ${lastError})`));
}

export interface LdapSearchOptions {
  url: string;
  bindDn?: string;
  bindPassword?: string;
  baseDn: string;
  scope?: 'base' | 'one' | 'sub';
  filter?: string;
  attributes?: readonly string[];
  /** Simple paged results control with this page size (ldapsearch -E pr=N/noprompt). */
  pageSize?: number;
  /** StartTLS, required to succeed (-ZZ). */
  startTls?: boolean;
  /** PEM of the CA to trust for StartTLS and ldaps (written to a temporary file for libldap). */
  caCertPem?: string;
  /** Client-side size limit (-z). */
  sizeLimit?: number;
}

export interface LdapSearchResult {
  /** ldapsearch's exit code: the LDAP result code (0 success, 4 size limit exceeded, ...). */
  exitCode: number;
  entries: LdifEntry[];
  stdout: string;
  stderr: string;
}

/** Runs the ldapsearch CLI and parses its LDIF; a non-zero result code is returned, not thrown. */
export async function ldapSearch(options: LdapSearchOptions): Promise<LdapSearchResult> {
  const args = ['-x', '-LLL', '-o', 'ldif-wrap=no', '-o', 'nettimeout=10', '-H', options.url];
  if (options.bindDn !== undefined) args.push('-D', options.bindDn, '-w', options.bindPassword ?? '');
  if (options.startTls) args.push('-ZZ');
  if (options.pageSize !== undefined) args.push('-E', `pr=${options.pageSize}/noprompt`);
  if (options.sizeLimit !== undefined) args.push('-z', String(options.sizeLimit));
  args.push('-b', options.baseDn, '-s', options.scope ?? 'sub', options.filter ?? '(objectClass=*)', ...(options.attributes ?? []));
  const caFile = options.caCertPem === undefined ? undefined : await caFileFor(options.caCertPem);
  const env = caFile ? { ...process.env, LDAPTLS_CACERT: caFile, LDAPTLS_REQCERT: 'demand' } : process.env;
  const result = await runCommand('ldapsearch', args, { env, timeoutMs: 60_000 });
  return { exitCode: result.exitCode, entries: parseLdif(result.stdout), stdout: result.stdout, stderr: result.stderr };
}

/** libldap reads the CA from a file: one temporary file per distinct PEM, removed at exit. */
const caFiles = new Map<string, Promise<string>>();

function caFileFor(pem: string): Promise<string> {
  let file = caFiles.get(pem);
  if (!file) {
    file = (async () => {
      const dir = await mkdtemp(join(tmpdir(), 'rolesync-ca-'));
      trackTemporaryDirectory(dir);
      await writeFile(join(dir, 'ca.pem'), pem);
      return join(dir, 'ca.pem');
    })();
    caFiles.set(pem, file);
  }
  return file;
}

/** Escapes a value for an LDAP search filter (RFC 4515). */
export function escapeFilterValue(value: string): string {
  return value.replace(/[*()\\\0]/g, (char) => `\\${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/**
 * Looks entries up by a unique attribute and returns their DNs as the server spells them,
 * in the order of `values`: servers may re-escape DNs (OpenLDAP writes a leading '#' as \23).
 */
export async function readBackDns(
  connection: { url: string; bindDn: string; bindPassword: string; baseDn: string },
  attribute: string,
  values: readonly string[],
): Promise<string[]> {
  const filter = `(|${values.map((value) => `(${attribute}=${escapeFilterValue(value)})`).join('')})`;
  const result = await ldapSearch({ ...connection, scope: 'one', filter, attributes: [attribute] });
  if (result.exitCode !== 0) throw new Error(`reading back ${attribute} entries failed (${result.exitCode}): ${result.stderr}`);
  return values.map((value) => {
    const entry = result.entries.find((candidate) =>
      findAttribute(candidate, attribute).some((found) => found.toLowerCase() === value.toLowerCase()),
    );
    if (!entry) throw new Error(`entry with ${attribute}=${value} not found under ${connection.baseDn}`);
    return entry.dn;
  });
}

/** Values of an attribute, matching its name case-insensitively (servers echo their own spelling). */
export function findAttribute(entry: LdifEntry, name: string): string[] {
  for (const [key, values] of entry.attributes) {
    if (key.toLowerCase() === name.toLowerCase()) return values;
  }
  return [];
}
