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
  #wake: (() => void) | null = null;

  notify(): void {
    this.#pending = true;
    this.#wake?.();
  }

  async next(): Promise<void> {
    if (!this.#pending) {
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

/** The run's state now, then after every change, until it has ended. */
export async function* watchRun(
  hub: RunProgressHub,
  context: GraphQLContext,
  runId: string,
): AsyncGenerator<SyncRun> {
  const tokenId = requirePrincipal(context);
  const signal = new ChangeSignal();
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
      await requireStillValid(context, tokenId);
      run = (await loadRun(context, runId)) ?? run;
      if (`${run.status}|${run.phase}|${JSON.stringify(run.counters)}` !== before) yield run;
    }
  } finally {
    unsubscribe();
  }
}

/** Every change of any run (of one config, when given): for run lists. Ends only when the client leaves. */
export async function* watchRuns(
  hub: RunProgressHub,
  context: GraphQLContext,
  syncConfigId: string | null,
): AsyncGenerator<SyncRun> {
  const tokenId = requirePrincipal(context);
  const changed = new Set<string>();
  const signal = new ChangeSignal();
  const unsubscribe = hub.onChange((runId) => {
    changed.add(runId);
    signal.notify();
  });
  try {
    for (;;) {
      await signal.next();
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
