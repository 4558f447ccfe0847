import type pg from 'pg';

export const RUN_PROGRESS_CHANNEL = 'rolesync_run_progress';
/** At most one event per run in this interval; the last change always gets its own (trailing) event. */
const MIN_INTERVAL_MS = 250;

/**
 * Tells every API process that a run changed (`NOTIFY` with the run id; listeners re-read the row).
 * Sent as its own statement after the data write committed: a notifying transaction takes a global
 * lock until commit. Throttled per run, so a fast phase sends a few events per second, not thousands.
 */
export class RunProgressNotifier {
  readonly #last = new Map<string, number>();
  readonly #pending = new Map<string, NodeJS.Timeout>();

  constructor(private readonly pool: pg.Pool) {}

  /** Throttled: for frequent counter updates. */
  changed(runId: string): void {
    if (this.#pending.has(runId)) return;
    const wait = MIN_INTERVAL_MS - (Date.now() - (this.#last.get(runId) ?? 0));
    if (wait <= 0) {
      void this.send(runId);
      return;
    }
    this.#pending.set(
      runId,
      setTimeout(() => {
        this.#pending.delete(runId);
        void this.send(runId);
      }, wait).unref(),
    );
  }

  /** At once: for status changes a watcher must not miss (started, awaiting approval, finished). */
  async changedNow(runId: string): Promise<void> {
    clearTimeout(this.#pending.get(runId));
    this.#pending.delete(runId);
    await this.send(runId);
  }

  private async send(runId: string): Promise<void> {
    this.#last.set(runId, Date.now());
    // A lost notification costs only liveness (watchers also poll): never fail the run for it.
    await this.pool.query('select pg_notify($1, $2)', [RUN_PROGRESS_CHANNEL, runId]).catch(() => undefined);
  }
}

const notifiers = new WeakMap<pg.Pool, RunProgressNotifier>();

/** One notifier per pool, so throttling is per process and database. */
export function progressNotifierFor(pool: pg.Pool): RunProgressNotifier {
  let notifier = notifiers.get(pool);
  if (notifier === undefined) {
    notifier = new RunProgressNotifier(pool);
    notifiers.set(pool, notifier);
  }
  return notifier;
}
