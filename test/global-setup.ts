import { mkdirSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../src/embedded/embedded-postgres-server.js';
import { findFreePort } from '../src/embedded/free-port.js';
import { startTemporalDevServer } from '../src/embedded/temporal-dev-server.js';
import { bundleWorkflows } from '../src/worker/workflow-bundle.js';
import { startLdapServers } from './support/ldap-servers.js';
import './support/provided-context.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const CACHE = path.join(ROOT, '.cache');

/**
 * Starts the real servers every integration test talks to, once per `vitest run`: PostgreSQL (the one
 * at TEST_DATABASE_URL, else an embedded one), the Temporal dev server, slapd and a Samba AD DC.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stops: (() => Promise<void>)[] = [];
  const teardown = async (): Promise<void> => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    const [databaseUrl, temporal, ldap, workflowBundlePath] = await Promise.all([
      startPostgres(stops),
      startTemporal(stops),
      startLdapServers(),
      writeWorkflowBundle(stops),
    ]);
    stops.push(() => ldap.stop());
    project.provide('servers', {
      databaseUrl,
      temporalAddress: temporal,
      temporalNamespace: 'default',
      workflowBundlePath,
      slapd: ldap.slapd,
      samba: ldap.samba,
    });
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}

async function startPostgres(stops: (() => Promise<void>)[]): Promise<string> {
  const configured = process.env.TEST_DATABASE_URL;
  if (configured !== undefined && configured !== '') return configured;
  const dir = path.join(CACHE, `test-postgres-${process.pid}`);
  const server = await startEmbeddedPostgres(dir, await findFreePort());
  stops.push(async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });
  return server.url;
}

async function startTemporal(stops: (() => Promise<void>)[]): Promise<string> {
  const server = await startTemporalDevServer({
    cliPath: path.join(ROOT, '.tools/bin/temporal'),
    port: await findFreePort(),
    uiPort: 0,
    dbFile: undefined,
    namespace: 'default',
  });
  stops.push(() => server.stop());
  return server.address;
}

async function writeWorkflowBundle(stops: (() => Promise<void>)[]): Promise<string> {
  const code = await bundleWorkflows();
  mkdirSync(CACHE, { recursive: true });
  const file = path.join(CACHE, `workflow-bundle-${process.pid}.js`);
  writeFileSync(file, code);
  stops.push(() => rm(file, { force: true }));
  return file;
}
