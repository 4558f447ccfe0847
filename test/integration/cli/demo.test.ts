import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateCompanyDirectory } from '../../../src/demo/company-directory.js';
import { demoGroupMappings } from '../../../src/demo/demo-setup.js';
import { findFreePort } from '../../../src/embedded/free-port.js';
import { isListening, spawnManaged, type ManagedProcess } from '../../../src/embedded/managed-process.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const servers = inject('servers');
let database: TestDatabase;
let dataDir: string;
let env: Record<string, string>;

/**
 * `rolesync demo` from source, end to end, on the test servers' PostgreSQL (its own database) and
 * Temporal; the demo starts its own slapd under its data directory, as on a fresh clone.
 */
beforeAll(async () => {
  database = await createTestDatabase(servers.databaseUrl);
  dataDir = await mkdtemp(path.join(tmpdir(), 'rolesync-demo-test-'));
  env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/root',
    DATABASE_URL: database.url,
    ROLESYNC_SECRET_KEY: randomBytes(32).toString('base64'),
    TEMPORAL_ADDRESS: servers.temporalAddress,
    TEMPORAL_NAMESPACE: servers.temporalNamespace,
    TEMPORAL_TASK_QUEUE: `demo-test-${randomUUID()}`,
    ROLESYNC_DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(await findFreePort()),
  };
});

afterAll(async () => {
  await database.drop();
  await rm(dataDir, { recursive: true, force: true });
});

/** What the demo must end with, worked out from the generated directory and the demo's mappings alone. */
function expectedOutcome(): {
  users: number;
  identities: number;
  memberships: number;
  roles: number;
  roleAssignments: number;
  appGroupsOf: (login: string) => string[];
} {
  const directory = generateCompanyDirectory();
  const mapped = new Map(demoGroupMappings(directory).map((m) => [m.ldapGroupDn, m.appGroupNames]));
  const directGroups = new Map<string, string[]>();
  for (const group of directory.groups) {
    for (const member of group.memberDns)
      directGroups.set(member, [...(directGroups.get(member) ?? []), group.dn]);
  }
  const allGroupsOf = (dn: string): Set<string> => {
    const seen = new Set<string>();
    const queue = [...(directGroups.get(dn) ?? [])];
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...(directGroups.get(next) ?? []));
    }
    return seen;
  };
  const appGroups = new Map(
    directory.users.map((user) => [
      user.uid,
      [...new Set([...allGroupsOf(user.dn)].flatMap((dn) => mapped.get(dn) ?? []))].sort(),
    ]),
  );
  const synced = directory.users.filter((user) => (appGroups.get(user.uid) ?? []).length > 0);
  return {
    users: directory.users.length,
    identities: synced.length,
    memberships: synced.reduce((sum, user) => sum + (appGroups.get(user.uid) ?? []).length, 0),
    roles: directory.groups.length,
    roleAssignments: synced.reduce((sum, user) => sum + (directGroups.get(user.dn) ?? []).length, 0),
    appGroupsOf: (login) => appGroups.get(login) ?? [],
  };
}

function startDemo(args: string[] = []): { process: ManagedProcess; output: () => string } {
  const demo = spawnManaged(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'src/cli.ts'), 'demo', ...args],
    env,
  );
  let output = '';
  demo.child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  return { process: demo, output: () => output };
}

async function waitForOutput(demo: ReturnType<typeof startDemo>, text: string): Promise<void> {
  const deadline = Date.now() + 110_000;
  while (!demo.output().includes(text)) {
    if (demo.process.child.exitCode !== null) {
      throw new Error(`demo exited: ${demo.output()}\n${demo.process.outputTail()}`);
    }
    if (Date.now() > deadline) throw new Error(`no "${text}" in: ${demo.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function exitCode(demo: ReturnType<typeof startDemo>): Promise<number | null> {
  const { child } = demo.process;
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** A number the summary prints after a label, e.g. "identities created 285". */
function printed(output: string, label: string): number {
  const match = new RegExp(`${label} (\\d+)`).exec(output);
  if (match?.[1] === undefined) throw new Error(`no "${label} N" in: ${output}`);
  return Number(match[1]);
}

function printedValue(output: string, label: string): string {
  const match = new RegExp(`${label}:\\s+(\\S+)`).exec(output);
  if (match?.[1] === undefined) throw new Error(`no "${label}:" in: ${output}`);
  return match[1];
}

async function gql<T>(url: string, token: string, query: string, variables = {}): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (body.data === undefined || body.errors !== undefined) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

describe('rolesync demo', () => {
  const expected = expectedOutcome();

  it('syncs the demo company, prints the summary and a working admin token, and stops cleanly on Ctrl-C', async () => {
    const demo = startDemo();
    try {
      await waitForOutput(demo, 'Serving until Ctrl-C.');
      const output = demo.output();
      expect(output).toContain('Directory sync: SUCCEEDED');
      expect(output).toContain('Role sync: SUCCEEDED');
      expect(printed(output, 'users read')).toBe(expected.users);
      expect(printed(output, 'identities created')).toBe(expected.identities);
      expect(printed(output, 'memberships added')).toBe(expected.memberships);
      expect(printed(output, 'roles created')).toBe(expected.roles);
      expect(printed(output, 'role requests created')).toBe(expected.identities);
      expect(printed(output, 'roles added')).toBe(expected.roleAssignments);
      expect(printed(output, 'active identities')).toBe(expected.identities);
      expect(printed(output, 'role assignments')).toBe(expected.roleAssignments);

      const consoleUrl = printedValue(output, 'Console');
      expect(consoleUrl).toBe(`http://127.0.0.1:${env.PORT}/`);
      const graphqlUrl = printedValue(output, 'GraphQL');
      const token = printedValue(output, 'Admin token');
      // A member of the security team reaches app-admins (two app groups), IT and vpn-users by nesting.
      const login =
        generateCompanyDirectory().users.find((user) => user.title === 'Security Analyst')?.uid ?? '';
      const data = await gql<{
        appGroups: { id: string; name: string }[];
        identities: { items: { id: string; login: string; appGroupIds: string[] }[] };
        roleCatalogue: { code: string }[];
      }>(
        graphqlUrl,
        token,
        `query($login: String!) {
           appGroups { id name }
           identities(search: $login) { items { id login appGroupIds } }
           roleCatalogue { code }
         }`,
        { login },
      );
      const names = new Map(data.appGroups.map((group) => [group.id, group.name]));
      const identity = data.identities.items.find((item) => item.login === login);
      expect(identity?.appGroupIds.map((id) => names.get(id)).sort()).toEqual(expected.appGroupsOf(login));
      expect(expected.appGroupsOf(login)).toEqual(
        ['Administrators', 'Everyone', 'IT', 'Support Desk', 'VPN Access'].sort(),
      );
      expect(data.roleCatalogue.map((node) => node.code)).toEqual(
        expect.arrayContaining(['Acme Robotics/departments', 'Acme Robotics/roles', 'Acme Robotics/teams']),
      );
      const ldapPort = Number(/ldap:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1]);
      expect(await isListening(ldapPort)).toBe(true);

      demo.process.child.kill('SIGINT');
      expect(await exitCode(demo)).toBe(0);
      expect(demo.output()).toContain('Stopped.');
      expect(await isListening(ldapPort)).toBe(false);
    } finally {
      await demo.process.stop();
    }
  });

  it('runs again on the same data without duplicates, and exits after the summary when asked', async () => {
    const demo = startDemo(['--exit-after-summary']);
    try {
      expect(await exitCode(demo)).toBe(0);
      const output = demo.output();
      expect(printed(output, 'identities created')).toBe(0);
      expect(printed(output, 'memberships added')).toBe(0);
      expect(printed(output, 'roles created')).toBe(0);
      expect(printed(output, 'active identities')).toBe(expected.identities);
      expect(printed(output, 'memberships')).toBe(expected.memberships);
      expect(printed(output, 'role assignments')).toBe(expected.roleAssignments);
      expect(output).not.toContain('Serving until Ctrl-C.');
    } finally {
      await demo.process.stop();
    }
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ directories: string; configs: string; tokens: string }>(
        `select (select count(*) from directory) as directories, (select count(*) from sync_config) as configs,
                (select count(*) from api_token where revoked_at is null) as tokens`,
      );
      // One directory, two configs; the first run's token was revoked when the second made its own.
      expect(rows[0]).toEqual({ directories: '1', configs: '2', tokens: '1' });
    } finally {
      await client.end();
    }
  });
});
