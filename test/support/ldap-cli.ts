// The OpenLDAP command-line client (ldapsearch) as the test servers and the harness tests use it:
// searches parsed into LDIF entries, and the look-ups built on them. Deliberately not the
// project's own LDAP client, so that the harness is checked independently of it.
import { createHash, randomBytes } from 'node:crypto';
import { rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseLdif, type LdifEntry } from './ldap-fixture.js';
import { runCommand } from './server-process.js';

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
  args.push(
    '-b',
    options.baseDn,
    '-s',
    options.scope ?? 'sub',
    options.filter ?? '(objectClass=*)',
    ...(options.attributes ?? []),
  );
  const caFile = options.caCertPem === undefined ? undefined : await caFileFor(options.caCertPem);
  const env = caFile ? { ...process.env, LDAPTLS_CACERT: caFile, LDAPTLS_REQCERT: 'demand' } : process.env;
  const result = await runCommand('ldapsearch', args, { env, timeoutMs: 60_000 });
  return {
    exitCode: result.exitCode,
    entries: parseLdif(result.stdout),
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

/**
 * libldap reads the CA from a file: one file per distinct PEM, named by its hash, so that it is
 * written once, shared by parallel processes, and needs no cleanup (it is public material).
 */
const caFiles = new Map<string, Promise<string>>();

function caFileFor(pem: string): Promise<string> {
  let file = caFiles.get(pem);
  if (!file) {
    file = writeCaFile(pem);
    caFiles.set(pem, file);
  }
  return file;
}

async function writeCaFile(pem: string): Promise<string> {
  const file = join(
    tmpdir(),
    `rolesync-test-ca-${createHash('sha256').update(pem).digest('hex').slice(0, 16)}.pem`,
  );
  const partial = `${file}.${process.pid}-${randomBytes(4).toString('hex')}`;
  await writeFile(partial, pem);
  await rename(partial, file);
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
  if (result.exitCode !== 0)
    throw new Error(`reading back ${attribute} entries failed (${result.exitCode}): ${result.stderr}`);
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
