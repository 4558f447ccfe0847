import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountConsole } from '../../../src/graphql/server/console-assets.js';

// The console's static serving on its own: a built console in a temporary directory, and none.
let dir: string;
const servers: Server[] = [];

async function serve(consoleDir: string): Promise<string> {
  const app = express();
  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  mountConsole(app, consoleDir);
  const server = createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const PAGE = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rolesync-console-'));
  await mkdir(path.join(dir, 'assets'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>console</title>');
  await writeFile(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
});
afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe('console assets', () => {
  it('answers page requests at / and at client-side routes with index.html, not cached', async () => {
    const base = await serve(dir);
    for (const page of [
      '/',
      '/runs/5b0c7f0e-1d7a-4c1e-9d5e-000000000000',
      '/sync-configs/new?directoryId=x',
    ]) {
      const response = await fetch(base + page, { headers: PAGE });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>console</title>');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
  });

  it('serves hashed assets for good, and leaves other routes and non-page requests alone', async () => {
    const base = await serve(dir);
    const asset = await fetch(`${base}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${base}/nowhere`, { headers: { accept: 'application/json' } })).status).toBe(404);
    expect(await (await fetch(`${base}/healthz`, { headers: PAGE })).json()).toEqual({ status: 'ok' });
  });

  it('says how to build the console when it has not been built', async () => {
    const base = await serve(path.join(dir, 'not-built'));
    const response = await fetch(`${base}/`, { headers: PAGE });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('npm run build');
  });
});
