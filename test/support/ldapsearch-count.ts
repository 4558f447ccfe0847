import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { LdapServerInfo } from './provided-context.js';

const run = promisify(execFile);

/** Counts entries (and values of one attribute) with OpenLDAP's own ldapsearch, paged: the reference for staged counts. */
export async function ldapsearchCount(
  server: LdapServerInfo,
  baseDn: string,
  filter: string,
  valueAttribute?: string,
): Promise<{ entries: number; values: number }> {
  const args = [
    '-x',
    '-LLL',
    '-o',
    'ldif-wrap=no',
    '-E',
    'pr=1000/noprompt',
    '-H',
    server.url,
    '-D',
    server.bindDn,
    '-w',
    server.bindPassword,
    '-b',
    baseDn,
    filter,
  ];
  args.push(valueAttribute ?? '1.1');
  const { stdout } = await run('ldapsearch', args, { maxBuffer: 512 * 1024 * 1024 });
  const lines = stdout.split('\n');
  const prefix = valueAttribute === undefined ? null : `${valueAttribute.toLowerCase()}:`;
  return {
    entries: lines.filter((line) => line.startsWith('dn:')).length,
    values: prefix === null ? 0 : lines.filter((line) => line.toLowerCase().startsWith(prefix)).length,
  };
}
