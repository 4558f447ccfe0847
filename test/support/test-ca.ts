// A private certificate authority for the test LDAP servers, made with the openssl CLI.
//
// The CA and a default server certificate (127.0.0.1 + localhost) are cached under
// .cache/test-ca/ so that re-runs cost nothing; servers that listen on another address get their
// own certificate from issueServerCertificate(), signed by the same CA.
import { execFile } from 'node:child_process';
import { randomBytes, X509Certificate } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ServerCertificate {
  certPath: string;
  certPem: string;
  keyPath: string;
  keyPem: string;
}

export interface TestCertificateAuthority {
  dir: string;
  caCertPath: string;
  caCertPem: string;
  caKeyPath: string;
  /** Default server certificate for IP 127.0.0.1 and DNS localhost. */
  server: ServerCertificate;
}

export interface ServerCertificateRequest {
  /** Directory the certificate and key are written to (created if missing). */
  dir: string;
  ipAddresses: readonly string[];
  dnsNames: readonly string[];
  /** File name stem: <name>.pem and <name>.key. */
  name?: string;
}

/** Bump when the files or their extensions change, so stale caches are rebuilt. */
const CA_LAYOUT_VERSION = '1';
const DEFAULT_CA_DIR = fileURLToPath(new URL('../../.cache/test-ca/', import.meta.url));
/** A cached CA this close to expiry is replaced rather than reused. */
const MIN_REMAINING_VALIDITY_MS = 30 * 24 * 3600 * 1000;

/** Returns the cached test CA, generating it (and its default server certificate) when missing or stale. */
export async function ensureTestCa(dir: string = DEFAULT_CA_DIR): Promise<TestCertificateAuthority> {
  const cached = await readCachedCa(dir);
  if (cached) return cached;
  // Build next to the final place and rename, so parallel test runs never see half-written files.
  const partial = `${dir.replace(/\/+$/, '')}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  try {
    await generateCa(partial);
    await issueServerCertificate(caPaths(partial), {
      dir: partial,
      ipAddresses: ['127.0.0.1'],
      dnsNames: ['localhost'],
    });
    await writeFile(join(partial, 'VERSION'), CA_LAYOUT_VERSION);
    await replaceDirectory(partial, dir);
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
  const built = await readCachedCa(dir);
  if (!built) throw new Error(`test CA in ${dir} is unreadable right after generating it`);
  return built;
}

/** Signs a server certificate for the given addresses with the test CA (a fresh RSA key each time). */
export async function issueServerCertificate(
  ca: Pick<TestCertificateAuthority, 'caCertPath' | 'caKeyPath'>,
  request: ServerCertificateRequest,
): Promise<ServerCertificate> {
  const name = request.name ?? 'server';
  await mkdir(request.dir, { recursive: true });
  const keyPath = join(request.dir, `${name}.key`);
  const csrPath = join(request.dir, `${name}.csr`);
  const extPath = join(request.dir, `${name}.ext`);
  const certPath = join(request.dir, `${name}.pem`);
  const subject = `/CN=${request.dnsNames[0] ?? request.ipAddresses[0] ?? 'localhost'}`;
  await runOpenssl([
    'req',
    '-new',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    keyPath,
    '-out',
    csrPath,
    '-subj',
    subject,
  ]);
  await writeFile(extPath, serverExtensions(request.ipAddresses, request.dnsNames));
  await runOpenssl([
    'x509',
    '-req',
    '-in',
    csrPath,
    '-CA',
    ca.caCertPath,
    '-CAkey',
    ca.caKeyPath,
    // A random serial instead of -CAcreateserial: no shared serial file for parallel runs to race on.
    '-set_serial',
    `0x${randomBytes(12).toString('hex')}`,
    '-days',
    '825',
    '-sha256',
    '-extfile',
    extPath,
    '-out',
    certPath,
  ]);
  // Samba refuses a TLS key that group or others can read.
  await chmod(keyPath, 0o600);
  await rm(csrPath, { force: true });
  await rm(extPath, { force: true });
  return readServerCertificate(certPath, keyPath);
}

function caPaths(dir: string): Pick<TestCertificateAuthority, 'caCertPath' | 'caKeyPath'> {
  return { caCertPath: join(dir, 'ca.pem'), caKeyPath: join(dir, 'ca.key') };
}

async function generateCa(dir: string): Promise<void> {
  const { caCertPath, caKeyPath } = caPaths(dir);
  await runOpenssl([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    caKeyPath,
    '-out',
    caCertPath,
    '-days',
    '3650',
    '-sha256',
    '-subj',
    '/CN=Rolesync Test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
    '-addext',
    'subjectKeyIdentifier=hash',
  ]);
  await chmod(caKeyPath, 0o600);
}

function serverExtensions(ipAddresses: readonly string[], dnsNames: readonly string[]): string {
  const altNames = [...ipAddresses.map((ip) => `IP:${ip}`), ...dnsNames.map((name) => `DNS:${name}`)];
  return [
    `subjectAltName=${altNames.join(',')}`,
    'basicConstraints=critical,CA:FALSE',
    'keyUsage=critical,digitalSignature,keyEncipherment',
    'extendedKeyUsage=serverAuth',
    'authorityKeyIdentifier=keyid',
    '',
  ].join('\n');
}

async function readCachedCa(dir: string): Promise<TestCertificateAuthority | undefined> {
  try {
    if ((await readFile(join(dir, 'VERSION'), 'utf8')).trim() !== CA_LAYOUT_VERSION) return undefined;
    const { caCertPath, caKeyPath } = caPaths(dir);
    const caCertPem = await readFile(caCertPath, 'utf8');
    await readFile(caKeyPath, 'utf8');
    const server = await readServerCertificate(join(dir, 'server.pem'), join(dir, 'server.key'));
    if (!isValidLongEnough(caCertPem) || !isValidLongEnough(server.certPem)) return undefined;
    return { dir, caCertPath, caCertPem, caKeyPath, server };
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return undefined;
    throw error;
  }
}

async function readServerCertificate(certPath: string, keyPath: string): Promise<ServerCertificate> {
  return {
    certPath,
    certPem: await readFile(certPath, 'utf8'),
    keyPath,
    keyPem: await readFile(keyPath, 'utf8'),
  };
}

function isValidLongEnough(certPem: string): boolean {
  return new X509Certificate(certPem).validToDate.getTime() - Date.now() > MIN_REMAINING_VALIDITY_MS;
}

/** Moves a freshly built directory into place; if a parallel run got there first, keeps theirs. */
async function replaceDirectory(source: string, target: string): Promise<void> {
  if (await readCachedCa(target)) return;
  await rm(target, { recursive: true, force: true });
  try {
    await rename(source, target);
  } catch (error) {
    const lostRace = isErrnoException(error) && (error.code === 'ENOTEMPTY' || error.code === 'EEXIST');
    if (!lostRace) throw error;
  }
}

function runOpenssl(args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('openssl', args, { encoding: 'utf8' }, (error, _stdout, stderr) => {
      if (error)
        reject(new Error(`openssl ${args[0] ?? ''} failed: ${error.message}\n${stderr.slice(-2000)}`));
      else resolve();
    });
  });
}

function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}
