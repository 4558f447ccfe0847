import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDirectory, DIRECTORY_FIELDS, directoryInputFor } from '../../support/factories.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const { slapd } = inject('servers');
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ worker: false });
});
afterAll(async () => {
  await app.stop();
});

const CREATE = `mutation($input: CreateDirectoryInput!) { createDirectory(input: $input) { ${DIRECTORY_FIELDS} } }`;
const TEST_CONNECTION = `mutation($id: ID!) { testDirectoryConnection(id: $id) { connectedUrl serverType namingContexts supportsPaging supportedControls } }`;
const PREVIEW = `query($input: PreviewLdapQueryInput!) { previewLdapQuery(input: $input) { dn attributes { name values } } }`;

async function directoryCount(): Promise<number> {
  return (await app.gqlData<{ directories: unknown[] }>('{ directories { id } }')).directories.length;
}

function errorCode(result: { errors?: { extensions?: Record<string, unknown> }[] }): unknown {
  return result.errors?.[0]?.extensions?.code;
}

describe('directories', () => {
  it('creates a directory, keeps the bind password write-only and encrypted at rest', async () => {
    const input = directoryInputFor(slapd);
    const { createDirectory: created } = await app.gqlData<{ createDirectory: Record<string, unknown> }>(
      CREATE,
      { input },
    );
    expect(created).toMatchObject({
      name: input.name,
      kind: 'OPENLDAP',
      urls: [slapd.url],
      tlsMode: 'STARTTLS',
      verifyCertificate: true,
      bindDn: slapd.bindDn,
      hasBindPassword: true,
      pageSize: 200,
    });
    const stored = await app.database.pool.query<{ bind_password_sealed: string }>(
      'select bind_password_sealed from directory where id = $1',
      [created.id],
    );
    expect(stored.rows[0]?.bind_password_sealed).toMatch(/^v1:/);
    expect(stored.rows[0]?.bind_password_sealed).not.toContain(slapd.bindPassword);
  });

  it('updates fields, keeps the password unless given, removes it with null', async () => {
    const { id } = await createDirectory(app, directoryInputFor(slapd));
    const UPDATE = `mutation($id: ID!, $input: UpdateDirectoryInput!) { updateDirectory(id: $id, input: $input) { pageSize hasBindPassword urls } }`;
    const first = await app.gqlData<{ updateDirectory: { pageSize: number; hasBindPassword: boolean } }>(
      UPDATE,
      {
        id,
        input: { pageSize: 750 },
      },
    );
    expect(first.updateDirectory).toMatchObject({ pageSize: 750, hasBindPassword: true });
    const second = await app.gqlData<{ updateDirectory: { hasBindPassword: boolean } }>(UPDATE, {
      id,
      input: { bindPassword: null },
    });
    expect(second.updateDirectory.hasBindPassword).toBe(false);
  });

  it('sets the access log base DN in normalized form and clears it with null', async () => {
    const { id } = await createDirectory(app, directoryInputFor(slapd));
    const UPDATE = `mutation($id: ID!, $input: UpdateDirectoryInput!) { updateDirectory(id: $id, input: $input) { accessLogBaseDn } }`;
    const set = await app.gqlData<{ updateDirectory: { accessLogBaseDn: string | null } }>(UPDATE, {
      id,
      input: { accessLogBaseDn: ' cn=accesslog ' },
    });
    expect(set.updateDirectory.accessLogBaseDn).toBe('cn=accesslog');
    const cleared = await app.gqlData<{ updateDirectory: { accessLogBaseDn: string | null } }>(UPDATE, {
      id,
      input: { accessLogBaseDn: null },
    });
    expect(cleared.updateDirectory.accessLogBaseDn).toBeNull();
  });

  it('deletes a directory', async () => {
    const { id } = await createDirectory(app, directoryInputFor(slapd));
    expect(
      (
        await app.gqlData<{ deleteDirectory: boolean }>(`mutation($id: ID!) { deleteDirectory(id: $id) }`, {
          id,
        })
      ).deleteDirectory,
    ).toBe(true);
    expect(errorCode(await app.gql(`query($id: ID!) { directory(id: $id) { id } }`, { id }))).toBe(
      'NOT_FOUND',
    );
  });

  it.each([
    ['an empty name', { name: '' }, 'BAD_USER_INPUT'],
    ['page size 0', { pageSize: 0 }, 'BAD_USER_INPUT'],
    ['a huge page size', { pageSize: 5_000_000 }, 'BAD_USER_INPUT'],
    ['no URL', { urls: [] }, 'BAD_USER_INPUT'],
    ['an http URL', { urls: ['http://127.0.0.1:389'] }, 'BAD_USER_INPUT'],
    ['ldaps:// with STARTTLS', { urls: ['ldaps://127.0.0.1:636'] }, 'BAD_USER_INPUT'],
    ['an invalid bind DN', { bindDn: 'cn=admin,,dc=x' }, 'INVALID_DN'],
    ['an access log base that is no DN', { accessLogBaseDn: 'accesslog' }, 'INVALID_DN'],
    ['a CA that is no PEM', { caCertPem: 'not a certificate' }, 'BAD_USER_INPUT'],
    ['an unknown kind', { kind: 'NOVELL' }, 'BAD_USER_INPUT'],
  ])('rejects %s with a coded error and writes nothing', async (_label, override, code) => {
    const before = await directoryCount();
    const result = await app.gql(CREATE, { input: { ...directoryInputFor(slapd), ...override } });
    expect(result.data ?? null).toBeNull();
    expect(errorCode(result)).toBe(code);
    expect(result.errors?.[0]?.message).toBeTruthy();
    expect(await directoryCount()).toBe(before);
  });

  it('rejects a duplicate name', async () => {
    const input = directoryInputFor(slapd);
    await createDirectory(app, input);
    const result = await app.gql(CREATE, { input });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/already exists/);
  });

  it('answers NOT_FOUND for an unknown id everywhere', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expect(errorCode(await app.gql(`query($id: ID!) { directory(id: $id) { id } }`, { id }))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await app.gql(TEST_CONNECTION, { id }))).toBe('NOT_FOUND');
    expect(errorCode(await app.gql(`mutation($id: ID!) { deleteDirectory(id: $id) }`, { id }))).toBe(
      'NOT_FOUND',
    );
  });
});

describe('testDirectoryConnection', () => {
  it('binds over StartTLS and reports the server', async () => {
    const { id } = await createDirectory(app, directoryInputFor(slapd));
    const { testDirectoryConnection: result } = await app.gqlData<{
      testDirectoryConnection: {
        connectedUrl: string;
        serverType: string;
        namingContexts: string[];
        supportsPaging: boolean;
      };
    }>(TEST_CONNECTION, { id });
    expect(result.connectedUrl).toBe(slapd.url);
    expect(result.serverType).toBe('OPENLDAP');
    expect(result.namingContexts).toContain(slapd.baseDn);
    expect(result.supportsPaging).toBe(true);
  });

  it('fails over from an unreachable first URL to the second', async () => {
    const { id } = await createDirectory(
      app,
      directoryInputFor(slapd, { urls: ['ldap://127.0.0.1:1', slapd.url] }),
    );
    const { testDirectoryConnection: result } = await app.gqlData<{
      testDirectoryConnection: { connectedUrl: string };
    }>(TEST_CONNECTION, { id });
    expect(result.connectedUrl).toBe(slapd.url);
  });

  it('reports INVALID_CREDENTIALS for a wrong password, DIRECTORY_UNREACHABLE for a dead host', async () => {
    const wrong = await createDirectory(
      app,
      directoryInputFor(slapd, { bindPassword: 'Wr0ng-Passw0rd-Canary' }),
    );
    const wrongResult = await app.gql(TEST_CONNECTION, { id: wrong.id });
    expect(errorCode(wrongResult)).toBe('INVALID_CREDENTIALS');
    expect(JSON.stringify(wrongResult)).not.toContain('Wr0ng-Passw0rd-Canary');

    const dead = await createDirectory(
      app,
      directoryInputFor(slapd, { urls: ['ldap://127.0.0.1:1'], connectTimeoutMs: 1000 }),
    );
    expect(errorCode(await app.gql(TEST_CONNECTION, { id: dead.id }))).toBe('DIRECTORY_UNREACHABLE');
  });

  it('reports TLS_ERROR when the server certificate cannot be verified', async () => {
    const { id } = await createDirectory(app, directoryInputFor(slapd, { caCertPem: null }));
    expect(errorCode(await app.gql(TEST_CONNECTION, { id }))).toBe('TLS_ERROR');
  });
});

describe('previewLdapQuery', () => {
  it('returns the first entries of a query, capped by limit', async () => {
    const { id } = await createDirectory(app, directoryInputFor(slapd));
    const { previewLdapQuery: entries } = await app.gqlData<{
      previewLdapQuery: { dn: string; attributes: { name: string; values: string[] }[] }[];
    }>(PREVIEW, {
      input: {
        directoryId: id,
        baseDn: slapd.usersDn,
        filter: '(objectClass=inetOrgPerson)',
        attributes: ['uid', 'mail'],
        limit: 7,
      },
    });
    expect(entries).toHaveLength(7);
    for (const entry of entries) {
      expect(entry.dn.toLowerCase()).toContain(slapd.usersDn.toLowerCase());
      expect(entry.attributes.map((a) => a.name).sort()).toEqual(['mail', 'uid']);
    }
  });

  it.each([
    ['an invalid filter', { filter: '(uid=a' }, 'INVALID_FILTER'],
    ['an empty base DN', { baseDn: '' }, 'BAD_USER_INPUT'],
    ['an invalid base DN', { baseDn: 'ou=people,dc' }, 'INVALID_DN'],
    ['a base DN that does not exist', { baseDn: 'ou=nowhere,dc=nowhere' }, 'NO_SUCH_OBJECT'],
    ['a limit of 0', { limit: 0 }, 'BAD_USER_INPUT'],
    ['a limit over the cap', { limit: 100_000 }, 'BAD_USER_INPUT'],
  ])('rejects %s', async (_label, override, code) => {
    const { id } = await createDirectory(app, directoryInputFor(slapd));
    const input = {
      directoryId: id,
      baseDn: slapd.usersDn,
      filter: '(objectClass=*)',
      attributes: ['uid'],
      limit: 5,
      ...override,
    };
    expect(errorCode(await app.gql(PREVIEW, { input }))).toBe(code);
  });
});

describe('secrets in logs', () => {
  it('never writes the bind password to a log line or a response', () => {
    const everything = app.logs.join('\n');
    expect(everything.length).toBeGreaterThan(0);
    expect(everything).not.toContain(slapd.bindPassword);
    expect(everything).not.toContain('Wr0ng-Passw0rd-Canary');
  });
});
