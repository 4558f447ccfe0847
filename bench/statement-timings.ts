// Statement timings for the replay tools (bench/replay-*.ts): every statement a pool's clients run, with
// its time and first words, and the command line they share.
import { parseArgs } from 'node:util';
import type pg from 'pg';

/** Statements slower than this are listed per repeat. */
const LISTED_MS = 3;

interface Timing {
  ms: number;
  sql: string;
}

export interface ReplayOptions {
  url: string;
  repeats: number;
}

/** DATABASE_URL [--repeats N] (default 3), or the usage line as the error. */
export function parseReplayOptions(usage: string): ReplayOptions {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { repeats: { type: 'string', default: '3' } },
  });
  const url = positionals[0];
  const repeats = Number(values.repeats);
  if (url === undefined || !Number.isInteger(repeats) || repeats < 1) throw new Error(usage);
  return { url, repeats };
}

/**
 * Notes each statement of the pool's clients from now on: `list` prints and forgets those noted so
 * far, `forget` only forgets them (the set-up before a timed step).
 */
export function recordStatementTimes(pool: pg.Pool): { list(): void; forget(): void } {
  const timings: Timing[] = [];
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
    const timed = async (...args: unknown[]): Promise<unknown> => {
      const started = performance.now();
      const result = await query(...args);
      const text = typeof args[0] === 'string' ? args[0] : '(query object)';
      timings.push({ ms: performance.now() - started, sql: text.replace(/\s+/g, ' ').slice(0, 100) });
      return result;
    };
    Object.assign(client, { query: timed });
  });
  return {
    list() {
      for (const timing of timings.filter((t) => t.ms >= LISTED_MS)) {
        console.log(`  ${timing.ms.toFixed(0).padStart(6)} ms  ${timing.sql}`);
      }
      timings.length = 0;
    },
    forget() {
      timings.length = 0;
    },
  };
}

/** Prints a failed replay's message and sets the exit code. */
export function exitOnError(error: unknown): void {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
