import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express, type Request } from 'express';

/** Where `npm run build` writes the web console; the same path from src/ (tsx, tests) and dist/. */
export const CONSOLE_DIR = fileURLToPath(new URL('../../../dist/console', import.meta.url));

const NOT_BUILT =
  'The Rolesync web console has not been built. Run `npm run build` (or `npm run build:console`), then reload. ' +
  'The GraphQL API is at /graphql.\n';

// The console talks only to its own origin (HTTP and WebSocket) and is never framed.
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self'; " +
  "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

/** A browser navigation (address bar, reload, link): it asks for HTML by name. */
function wantsPage(request: Request): boolean {
  return request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
}

/**
 * Serves the built console: its hashed assets (cached for good), and index.html for every page path a
 * browser navigates to (client-side routes such as /runs/ID). Mounted after the API routes, so
 * /graphql, /healthz and /readyz answer as before; other requests fall through to a 404.
 */
export function mountConsole(app: Express, dir: string = CONSOLE_DIR): void {
  const indexFile = path.join(dir, 'index.html');
  app.use(
    '/assets',
    express.static(path.join(dir, 'assets'), {
      immutable: true,
      maxAge: '365d',
      index: false,
      fallthrough: true,
    }),
  );
  app.use((request, response, next) => {
    if (!wantsPage(request)) {
      next();
      return;
    }
    if (!existsSync(indexFile)) {
      response.status(404).type('text/plain').send(NOT_BUILT);
      return;
    }
    response.setHeader('cache-control', 'no-cache');
    response.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    response.setHeader('x-content-type-options', 'nosniff');
    response.sendFile(indexFile);
  });
}
