import type pg from 'pg';
import { RUN_PROGRESS_CHANNEL } from '../../db/run-progress-notifier.js';
import type { Logger } from '../../logging/logger.js';

type Listener = (runId: string) => void;

const RECONNECT_MS = 1000;

/**
 * One LISTEN connection per API process: every run change, wherever it happened (any worker, any API
 * replica), reaches this process's subscribers. Reconnects when the connection drops.
 */
export class RunProgressHub {
  readonly #listeners = new Set<Listener>();
  #client: pg.PoolClient | null = null;
  #stopped = false;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly logger: Logger,
  ) {}

  static async start(pool: pg.Pool, logger: Logger): Promise<RunProgressHub> {
    const hub = new RunProgressHub(pool, logger);
    await hub.connect();
    return hub;
  }

  /** Calls the listener with the id of every run that changes; returns the unsubscribe function. */
  onChange(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get subscriberCount(): number {
    return this.#listeners.size;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    const client = this.#client;
    this.#client = null;
    if (client !== null) {
      await client.query(`unlisten ${RUN_PROGRESS_CHANNEL}`).catch(() => undefined);
      client.release();
    }
  }

  private async connect(): Promise<void> {
    const client = await this.pool.connect();
    client.on('notification', (message) => {
      if (message.payload === undefined) return;
      for (const listener of this.#listeners) listener(message.payload);
    });
    client.on('error', (error) => {
      // Once stop() (or an earlier error) has released it, the client is not ours to release again:
      // a second release throws, and from an event handler that ends the process (Postgres stopping
      // before the API, as on Ctrl-C in a terminal).
      if (this.#client !== client) return;
      this.logger.warn({ err: error }, 'progress LISTEN connection lost; reconnecting');
      this.#client = null;
      client.release(true);
      this.reconnectLater();
    });
    this.#client = client;
    await client.query(`listen ${RUN_PROGRESS_CHANNEL}`);
  }

  private reconnectLater(): void {
    if (this.#stopped) return;
    setTimeout(() => {
      this.connect().catch(() => {
        this.reconnectLater();
      });
    }, RECONNECT_MS).unref();
  }
}
