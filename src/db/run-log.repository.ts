import type pg from 'pg';
import type { RunLogLevel, SyncPhase } from '../domain/sync-run-state.js';

/** Writes one step of a run's log (phase boundaries, counts); bulk lines are written set-based by phases. */
export class RunLogRepository {
  constructor(private readonly pool: pg.Pool) {}

  async append(
    runId: string,
    level: RunLogLevel,
    phase: SyncPhase,
    message: string,
    dn: string | null = null,
  ): Promise<void> {
    await this.pool.query(
      `insert into run_log (run_id, created_at, level, phase, message, dn) values ($1, now(), $2, $3, $4, $5)`,
      [runId, level, phase, message, dn],
    );
  }
}
