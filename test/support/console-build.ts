import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { CONSOLE_DIR } from '../../src/graphql/server/console-assets.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCES = ['web/src', 'web/index.html', 'web/vite.config.ts'].map((item) => path.join(ROOT, item));

function newestChange(file: string): number {
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(file).map((name) => newestChange(path.join(file, name))));
}

/** Builds the console into dist/console (where the API server serves it from) when missing or stale. */
export async function ensureConsoleBuilt(): Promise<void> {
  const index = path.join(CONSOLE_DIR, 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (built > Math.max(...SOURCES.map(newestChange))) return;
  await promisify(execFile)(
    path.join(ROOT, 'node_modules/.bin/vite'),
    ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    // vitest sets NODE_ENV=test, which would give a development build of React.
    { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' } },
  );
}
