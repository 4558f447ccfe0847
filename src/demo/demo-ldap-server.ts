// The demo's own slapd, its config and data kept under the data directory (e.g. ./.data/demo-ldap): built
// and loaded with the generated company directory on the first run (or when the generator changed), and
// on later runs started as it was left, so that changes made through Rolesync (provisioned memberships)
// survive a restart.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  configureSlapd,
  loadSlapdData,
  slapdLayout,
  spawnSlapdOnFreePort,
  type SlapdLayout,
  type SlapdSettings,
} from '../embedded/slapd-server.js';
import { generateCompanyDirectory, renderCompanyLdif, type CompanyDirectory } from './company-directory.js';

export interface DemoLdapServer {
  url: string;
  bindDn: string;
  bindPassword: string;
  directory: CompanyDirectory;
  stop(): Promise<void>;
}

export async function startDemoLdapServer(dir: string): Promise<DemoLdapServer> {
  const directory = generateCompanyDirectory();
  const layout = slapdLayout(dir);
  await mkdir(dir, { recursive: true });
  const bindPassword = await readOrCreatePassword(join(dir, 'admin.password'));
  const settings: SlapdSettings = {
    baseDn: directory.baseDn,
    adminDn: directory.adminDn,
    referentialIntegrity: true,
    sizeLimit: 'unlimited',
    maxSizeBytes: 256 * 1024 * 1024,
    indexedAttributes: ['objectClass', 'uid', 'cn', 'mail', 'member', 'memberOf', 'entryUUID', 'entryCSN'],
  };
  const ldif = renderCompanyLdif(directory, bindPassword);
  const stamp = createHash('sha256').update(JSON.stringify(settings)).update(ldif).digest('hex');
  if (!(await isLoadedWith(layout, stamp))) await rebuild(layout, settings, ldif, stamp);
  const { server, url } = await spawnSlapdOnFreePort(layout, { startTimeoutMs: 30_000 });
  return {
    url,
    bindDn: directory.adminDn,
    bindPassword,
    directory,
    stop: () => server.stop(),
  };
}

function stampFile(layout: SlapdLayout): string {
  return join(layout.root, 'loaded.sha256');
}

async function isLoadedWith(layout: SlapdLayout, stamp: string): Promise<boolean> {
  if (!existsSync(stampFile(layout))) return false;
  return (await readFile(stampFile(layout), 'utf8')).trim() === stamp;
}

/** From scratch: a half-built directory (a crash during slapadd) must not be mistaken for a loaded one. */
async function rebuild(
  layout: SlapdLayout,
  settings: SlapdSettings,
  ldif: string,
  stamp: string,
): Promise<void> {
  await rm(stampFile(layout), { force: true });
  await rm(layout.configDir, { recursive: true, force: true });
  await rm(layout.dataDir, { recursive: true, force: true });
  await configureSlapd(layout, settings);
  await writeFile(layout.dataLdif, ldif);
  await loadSlapdData(layout, settings.baseDn, layout.dataLdif);
  await rm(layout.dataLdif, { force: true });
  await writeFile(stampFile(layout), `${stamp}\n`);
}

/** The admin password is made once per data directory and kept beside it (mode 0600). */
async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}
