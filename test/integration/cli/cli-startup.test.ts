import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Runs the real CLI entry point (through tsx, from source) with the given environment. */
function runCli(
  args: string[],
  env: Record<string, string>,
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli.ts'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('rolesync CLI start-up', () => {
  it('stops with one line naming each bad variable, and no stack trace', () => {
    const result = runCli(['serve'], { PORT: 'eighty', LOG_LEVEL: 'chatty' });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^rolesync: invalid configuration: /);
    expect(lines[0]).toContain('PORT');
    expect(lines[0]).toContain('LOG_LEVEL');
  });

  it('refuses an external database without a secret key, naming ROLESYNC_SECRET_KEY', () => {
    const result = runCli(['serve'], { DATABASE_URL: 'postgresql://127.0.0.1:1/none' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^rolesync: invalid configuration: ROLESYNC_SECRET_KEY: required/);
  });

  it('fails with one clear line when the database is unreachable, without leaking its password', () => {
    const result = runCli(['migrate'], {
      DATABASE_URL: 'postgresql://rolesync:Db-Secret-Canary@127.0.0.1:1/none',
      ROLESYNC_SECRET_KEY: Buffer.alloc(32, 1).toString('base64'),
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(
      /^rolesync: Cannot connect to PostgreSQL at postgresql:\/\/rolesync:\*\*\*@127\.0\.0\.1:1\/none/,
    );
    expect(result.stderr + result.stdout).not.toContain('Db-Secret-Canary');
  });

  it('prints a new secret key', () => {
    const result = runCli(['generate-key'], {});
    expect(result.status).toBe(0);
    expect(Buffer.from(result.stdout.trim(), 'base64')).toHaveLength(32);
  });
});
