import { SyncRun } from '../../entities/sync-run.entity.js';
import { ACTIVE_RUN_STATUSES } from '../../domain/sync-run-state.js';
import { AppError } from '../../errors/app-error.js';
import { ErrorCode } from '../../errors/error-codes.js';
import type { GraphQLContext } from '../context.js';
import type { RunProgressHub } from './run-progress-hub.js';

/** Watchers also look every few seconds, so a lost notification delays an update, never loses it. */
const POLL_MS = 5000;

/**
 * Waits for "something changed" signals. Signals coalesce: a slow subscriber re-reads the latest state
 * once instead of queueing every event, so it never slows a run or grows memory.
 */
class ChangeSignal {
  #pending = false;
  #closed = false;
  #wake: (() => void) | null = null;

  notify(): void {
    this.#pending = true;
    this.#wake?.();
  }

  /** The subscriber left: the current wait ends at once, and every later one. */
  close(): void {
    this.#closed = true;
    this.#wake?.();
  }

  get closed(): boolean {
    return this.#closed;
  }

  async next(): Promise<void> {
    if (!this.#pending && !this.#closed) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, POLL_MS);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    this.#wake = null;
    this.#pending = false;
  }
}

function requirePrincipal(context: GraphQLContext): string {
  if (context.principal === null) throw new AppError(ErrorCode.UNAUTHENTICATED, 'An API token is required.');
  return context.principal.tokenId;
}

/** A token revoked while its subscription is open ends the subscription at the next event. */
async function requireStillValid(context: GraphQLContext, tokenId: string): Promise<void> {
  if (!(await context.apiTokens.stillValid(tokenId))) {
    throw new AppError(ErrorCode.UNAUTHENTICATED, 'The API token was revoked.');
  }
}

async function loadRun(context: GraphQLContext, runId: string): Promise<SyncRun | null> {
  return context.em.fork().findOne(SyncRun, { id: runId });
}

/**
 * A generator that awaits cannot run its `finally` when the client leaves: return() waits for its next
 * yield, which may be long (no change) or never (a run list). Closing the signal ends the wait at once,
 * so the listener goes with the client.
 */
function endingWhenLeft<T>(watch: (signal: ChangeSignal) => AsyncGenerator<T>): AsyncIterableIterator<T> {
  const signal = new ChangeSignal();
  const generator = watch(signal);
  return {
    next: () => generator.next(),
    return: async () => {
      signal.close();
      return generator.return(undefined);
    },
    throw: (error: unknown) => generator.throw(error),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** The run's state now, then after every change, until it has ended. */
export function watchRun(
  hub: RunProgressHub,
  context: GraphQLContext,
  runId: string,
): AsyncIterableIterator<SyncRun> {
  return endingWhenLeft((signal) => runChanges(hub, context, runId, signal));
}

async function* runChanges(
  hub: RunProgressHub,
  context: GraphQLContext,
  runId: string,
  signal: ChangeSignal,
): AsyncGenerator<SyncRun> {
  const tokenId = requirePrincipal(context);
  const unsubscribe = hub.onChange((changed) => {
    if (changed === runId) signal.notify();
  });
  try {
    let run = await loadRun(context, runId);
    if (run === null) throw new AppError(ErrorCode.NOT_FOUND, `Sync run ${runId} does not exist.`);
    yield run;
    while (ACTIVE_RUN_STATUSES.includes(run.status)) {
      const before = `${run.status}|${run.phase}|${JSON.stringify(run.counters)}`;
      await signal.next();
      if (signal.closed) return;
      await requireStillValid(context, tokenId);
      run = (await loadRun(context, runId)) ?? run;
      if (`${run.status}|${run.phase}|${JSON.stringify(run.counters)}` !== before) yield run;
    }
  } finally {
    unsubscribe();
  }
}

/** Every change of any run (of one config, when given): for run lists. Ends only when the client leaves. */
export function watchRuns(
  hub: RunProgressHub,
  context: GraphQLContext,
  syncConfigId: string | null,
): AsyncIterableIterator<SyncRun> {
  return endingWhenLeft((signal) => runListChanges(hub, context, syncConfigId, signal));
}

async function* runListChanges(
  hub: RunProgressHub,
  context: GraphQLContext,
  syncConfigId: string | null,
  signal: ChangeSignal,
): AsyncGenerator<SyncRun> {
  const tokenId = requirePrincipal(context);
  const changed = new Set<string>();
  const unsubscribe = hub.onChange((runId) => {
    changed.add(runId);
    signal.notify();
  });
  try {
    for (;;) {
      await signal.next();
      if (signal.closed) return;
      await requireStillValid(context, tokenId);
      const ids = [...changed];
      changed.clear();
      if (ids.length === 0) continue;
      const runs = await context.em.fork().find(SyncRun, {
        id: { $in: ids },
        ...(syncConfigId === null ? {} : { syncConfig: syncConfigId }),
      });
      yield* runs;
    }
  } finally {
    unsubscribe();
  }
}
