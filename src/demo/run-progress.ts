// Starting a sync run and following it live over the `syncRunProgress` subscription, with one terminal
// progress bar per run (cli-progress). The bar advances by phase; its text shows the run's counters.
// Where stdout is not a terminal (CI, a pipe) a line per phase change replaces the bars.
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import {
  SYNC_PHASES,
  SYNC_RUN_COUNTER_KEYS,
  type SyncPhase,
  type SyncRunStatus,
} from '../domain/sync-run-state.js';
import { GraphQLResponseError, type RolesyncApi } from './rolesync-api.js';

export type RunCounters = Record<(typeof SYNC_RUN_COUNTER_KEYS)[number], number>;

export interface RunView {
  id: string;
  status: SyncRunStatus;
  phase: SyncPhase;
  errorCode: string | null;
  errorMessage: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  counters: RunCounters;
}

const RUN_FIELDS = `id status phase errorCode errorMessage startedAt finishedAt counters { ${SYNC_RUN_COUNTER_KEYS.join(' ')} }`;
/** The bar's steps: the phases a run passes, without the wait for approval (which most runs skip). */
const BAR_PHASES: readonly SyncPhase[] = SYNC_PHASES.filter((phase) => phase !== 'AWAIT_APPROVAL');
/** Statuses after which nothing happens without an operator. */
const SETTLED = new Set<SyncRunStatus>(['SUCCEEDED', 'FAILED', 'CANCELLED', 'AWAITING_APPROVAL']);

/** Shows one run's state as it changes. */
export interface RunDisplay {
  show(run: RunView): void;
}

/**
 * Starts a run of the config and follows it until it has ended (or waits for approval). A run still
 * active from an earlier demo (stopped with Ctrl-C mid-run, continued by Temporal) is followed instead.
 */
export async function runAndFollow(
  api: RolesyncApi,
  syncConfigId: string,
  display: RunDisplay,
): Promise<RunView> {
  const runId = await startOrFindActiveRun(api, syncConfigId);
  await api.subscribe<{ syncRunProgress: { run: RunView } }>(
    `subscription($id: ID!) { syncRunProgress(runId: $id) { run { ${RUN_FIELDS} } } }`,
    { id: runId },
    ({ syncRunProgress }) => {
      display.show(syncRunProgress.run);
      return SETTLED.has(syncRunProgress.run.status);
    },
  );
  const { syncRun } = await api.data<{ syncRun: RunView }>(
    `query($id: ID!) { syncRun(id: $id) { ${RUN_FIELDS} } }`,
    {
      id: runId,
    },
  );
  display.show(syncRun);
  return syncRun;
}

async function startOrFindActiveRun(api: RolesyncApi, syncConfigId: string): Promise<string> {
  try {
    const { startSync } = await api.data<{ startSync: { id: string } }>(
      `mutation($id: ID!) { startSync(syncConfigId: $id) { id } }`,
      { id: syncConfigId },
    );
    return startSync.id;
  } catch (error) {
    if (!(error instanceof GraphQLResponseError) || !error.codes.includes('RUN_ALREADY_ACTIVE')) throw error;
    const { syncRuns } = await api.data<{ syncRuns: { id: string; status: SyncRunStatus }[] }>(
      `query($id: ID!) { syncRuns(syncConfigId: $id, limit: 5) { id status } }`,
      { id: syncConfigId },
    );
    const active = syncRuns.find((run) => !SETTLED.has(run.status));
    if (active === undefined) throw error;
    return active.id;
  }
}

/** One bar per run on a terminal; one line per phase change elsewhere. */
export class RunProgressBars {
  private readonly bars: MultiBar | undefined;

  constructor(private readonly stream: NodeJS.WriteStream) {
    this.bars = stream.isTTY
      ? new MultiBar(
          {
            format: '{label} |{bar}| {phase} {detail}',
            barsize: 24,
            hideCursor: true,
            clearOnComplete: false,
            stream,
          },
          Presets.shades_classic,
        )
      : undefined;
  }

  /** A display for one run; detail() turns its counters into the text beside the bar. */
  add(label: string, detail: (counters: RunCounters) => string): RunDisplay {
    const total = BAR_PHASES.length - 1;
    const paddedLabel = label.padEnd(16);
    if (this.bars === undefined) return this.phaseLines(paddedLabel, detail);
    const bar: SingleBar = this.bars.create(total, 0, { label: paddedLabel, phase: 'QUEUED', detail: '' });
    return {
      show: (run) => {
        const step = run.status === 'SUCCEEDED' ? total : Math.max(0, BAR_PHASES.indexOf(run.phase));
        bar.update(step, { phase: phaseText(run).padEnd(20), detail: detail(run.counters) });
      },
    };
  }

  stop(): void {
    this.bars?.stop();
  }

  private phaseLines(label: string, detail: (counters: RunCounters) => string): RunDisplay {
    let last = '';
    return {
      show: (run) => {
        const text = phaseText(run);
        if (text === last) return;
        last = text;
        this.stream.write(`${label} ${text.padEnd(20)} ${detail(run.counters)}\n`);
      },
    };
  }
}

function phaseText(run: RunView): string {
  if (run.status === 'RUNNING' || run.status === 'QUEUED') return run.phase;
  return run.status;
}
