// Shared helpers of the LDAP layer's integration tests.
import { createServer, type Server, type Socket } from 'node:net';

import { Client } from 'ldapts';

import { AppError } from '../../../src/errors/app-error.js';
import type { LdapConnectionOptions } from '../../../src/ldap/connection-options.js';
import type { LdapEntry } from '../../../src/ldap/ldap-entry.js';
import type { LdapServerInfo } from '../../support/provided-context.js';

/** Options for a plain-LDAP admin session on a harness server, with overrides. */
export function connectionOptions(
  server: LdapServerInfo,
  overrides: Partial<LdapConnectionOptions> = {},
): LdapConnectionOptions {
  return {
    urls: [server.url],
    tlsMode: 'NONE',
    bindDn: server.bindDn,
    bindPassword: server.bindPassword,
    connectTimeoutMs: 5000,
    operationTimeoutMs: 30_000,
    ...overrides,
  };
}

/** The AppError a promise rejects with; fails the test when it resolves or rejects otherwise. */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the operation to fail with an AppError');
}

/** Every page of a paged search (fine for test-sized results). */
export async function collectPages(pages: AsyncIterable<LdapEntry[]>): Promise<LdapEntry[][]> {
  const collected: LdapEntry[][] = [];
  for await (const page of pages) collected.push(page);
  return collected;
}

/** A TCP port on 127.0.0.1 that nothing listens on: connecting is refused. */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = portOf(server);
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  return `ldap://127.0.0.1:${port}`;
}

/** A server that accepts connections and never answers, like a hung directory. */
export async function startSilentServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `ldap://127.0.0.1:${portOf(server)}`,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    },
  };
}

/** A raw ldapts client bound as the harness admin, for test setup (adding and deleting entries). */
export async function adminClient(server: LdapServerInfo): Promise<Client> {
  const client = new Client({ url: server.url, timeout: 30_000, connectTimeout: 5000 });
  await client.bind(server.bindDn, server.bindPassword);
  return client;
}

/** Deletes a subtree, leaves first (test clean-up). */
export async function deleteTree(client: Client, baseDn: string): Promise<void> {
  const { searchEntries } = await client.search(baseDn, { scope: 'sub', attributes: ['1.1'] });
  const deepestFirst = searchEntries.map((entry) => entry.dn).sort((a, b) => b.length - a.length);
  for (const dn of deepestFirst) await client.del(dn);
}

function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  return address.port;
}
