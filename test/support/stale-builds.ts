import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { CONSOLE_DIR } from '../../src/graphql/server/console-assets.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

function newestChange(file: string): number {
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(file).map((name) => newestChange(path.join(file, name))));
}

/** Runs `build` unless `output` (the build's last file written) is newer than every one of `sources`. */
async function buildWhenStale(output: string, sources: readonly string[], build: () => Promise<unknown>) {
  const built = existsSync(output) ? statSync(output).mtimeMs : 0;
  if (built > Math.max(...sources.map((item) => newestChange(path.join(ROOT, item))))) return;
  await build();
}

/** Builds the console into dist/console (where the API server serves it from) when missing or stale. */
export async function ensureConsoleBuilt(): Promise<void> {
  await buildWhenStale(
    path.join(CONSOLE_DIR, 'index.html'),
    ['web/src', 'web/index.html', 'web/vite.config.ts'],
    () =>
      run(
        path.join(ROOT, 'node_modules/.bin/vite'),
        ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
        // vitest sets NODE_ENV=test, which would give a development build of React.
        { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' } },
      ),
  );
}

/**
 * Builds the server into dist/ (dist/cli.js and its prebuilt workflow bundle, as `npm run bench` runs
 * them) when missing or stale.
 */
export async function ensureServerBuilt(): Promise<void> {
  await buildWhenStale(path.join(ROOT, 'dist/workflow-bundle.js'), ['src', 'tsconfig.build.json'], () =>
    run('npm', ['run', '--silent', 'build:server'], { cwd: ROOT }),
  );
}
