import pg from 'pg';
import { getRun } from './sync-runs.js';
import type { TestApp } from './test-app.js';

/** An EXCLUSIVE table lock held by the test: reads pass, writes wait, so a phase stays where it is. */
export interface TableLock {
  client: pg.Client;
  /** Idempotent, so it can always run again after a failed test. */
  release(): Promise<void>;
}

const openLocks: TableLock[] = [];

export async function lockTable(app: TestApp, table: string): Promise<TableLock> {
  const client = new pg.Client({ connectionString: app.workerEnv.DATABASE_URL });
  await client.connect();
  await client.query('begin');
  await client.query(`lock table ${table} in exclusive mode`);
  let released = false;
  const lock: TableLock = {
    client,
    release: async () => {
      if (released) return;
      released = true;
      await client.query('commit');
      await client.end();
    },
  };
  openLocks.push(lock);
  return lock;
}

/** For afterEach: locks a failed test left held would otherwise block the worker and the app's stop. */
export async function releaseOpenLocks(): Promise<void> {
  for (const lock of openLocks.splice(0)) await lock.release();
}

export async function waitForPhase(app: TestApp, runId: string, phase: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while ((await getRun(app, runId)).phase !== phase) {
    if (Date.now() > deadline) throw new Error(`run never reached ${phase}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
