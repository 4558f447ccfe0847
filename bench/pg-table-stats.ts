// Rows a step wrote, from PostgreSQL's own per-table counters (pg_stat_user_tables n_tup_ins/upd/del).
// Backends report these counters asynchronously: an idle backend flushes within PGSTAT_IDLE_INTERVAL
// (10 s in PostgreSQL 15), so readings are taken only after that much quiet.
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { stagingTableOfPartition } from '../src/db/staging-partitions.js';

export interface TableWrites {
  inserted: number;
  updated: number;
  deleted: number;
}

export interface RowsWritten extends TableWrites {
  total: number;
  /** Rows of run-scoped working tables (staged_*, plan_*): written and dropped by every run. */
  working: number;
  byTable: Record<string, TableWrites>;
}

export type TableStats = ReadonlyMap<string, TableWrites>;

/** PGSTAT_IDLE_INTERVAL (10 s) plus a margin. */
export const STATS_FLUSH_WAIT_MS = 11_000;
const WORKING_TABLE = /^(staged_|plan_)/;

export async function readTableStats(pool: pg.Pool): Promise<TableStats> {
  const result = await pool.query<{ relname: string; ins: string; upd: string; del: string }>(
    'select relname, n_tup_ins as ins, n_tup_upd as upd, n_tup_del as del from pg_stat_user_tables',
  );
  return new Map(
    result.rows.map((row) => [
      row.relname,
      { inserted: Number(row.ins), updated: Number(row.upd), deleted: Number(row.del) },
    ]),
  );
}

/** Table counters once every backend has flushed what it did so far (shorter waits may miss some rows). */
export async function settledTableStats(pool: pg.Pool, waitMs = STATS_FLUSH_WAIT_MS): Promise<TableStats> {
  await sleep(waitMs);
  return readTableStats(pool);
}

/** What changed between two readings, leaving out tables whose names start with ignorePrefix. */
export function rowsWrittenBetween(before: TableStats, after: TableStats, ignorePrefix: string): RowsWritten {
  const written: RowsWritten = { inserted: 0, updated: 0, deleted: 0, total: 0, working: 0, byTable: {} };
  for (const [table, now] of after) {
    if (table.startsWith(ignorePrefix)) continue;
    const then = before.get(table) ?? { inserted: 0, updated: 0, deleted: 0 };
    const delta = {
      inserted: now.inserted - then.inserted,
      updated: now.updated - then.updated,
      deleted: now.deleted - then.deleted,
    };
    // A run's partition of a staging table counts under the table.
    addWrites(written, stagingTableOfPartition(table) ?? table, delta);
  }
  return written;
}

/** Adds a table's writes to the step's totals. */
export function addWrites(written: RowsWritten, table: string, delta: TableWrites): void {
  const rows = delta.inserted + delta.updated + delta.deleted;
  if (rows === 0) return;
  const sum = written.byTable[table] ?? { inserted: 0, updated: 0, deleted: 0 };
  written.byTable[table] = {
    inserted: sum.inserted + delta.inserted,
    updated: sum.updated + delta.updated,
    deleted: sum.deleted + delta.deleted,
  };
  written.inserted += delta.inserted;
  written.updated += delta.updated;
  written.deleted += delta.deleted;
  written.total += rows;
  if (WORKING_TABLE.test(table)) written.working += rows;
}
