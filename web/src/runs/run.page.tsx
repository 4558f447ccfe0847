import { useMutation, useQuery, useSubscription } from 'urql';
import { graphql } from '../gql/index.js';
import { Link, navigate } from '../routing/router.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { formatCount, formatDateTime, formatDuration, formatRate, humanize } from '../ui/format.js';
import { StatusBadge } from '../ui/status-badge.js';
import { PlannedChanges } from './planned-changes.js';
import { COUNTER_GROUPS, counterLabel, isActive, progressPercent, type RunDetails } from './run-details.js';
import { RunLog } from './run-log.js';

const SyncRunQuery = graphql(`
  query SyncRun($id: ID!) {
    syncRun(id: $id) {
      ...RunDetails
    }
  }
`);

const SyncRunProgressSubscription = graphql(`
  subscription SyncRunProgress($runId: ID!) {
    syncRunProgress(runId: $runId) {
      run {
        ...RunDetails
      }
      ratePerSecond
      etaSeconds
    }
  }
`);

const SyncConfigNameQuery = graphql(`
  query SyncConfigName($id: ID!) {
    syncConfig(id: $id) {
      id
      name
    }
  }
`);

const CancelRunMutation = graphql(`
  mutation CancelSyncRun($id: ID!) {
    cancelSyncRun(id: $id) {
      ...RunDetails
    }
  }
`);

const ApproveRunMutation = graphql(`
  mutation ApproveSyncRun($id: ID!) {
    approveSyncRun(id: $id) {
      ...RunDetails
    }
  }
`);

const RetryRunMutation = graphql(`
  mutation RetrySyncRun($id: ID!) {
    retrySyncRun(id: $id) {
      id
    }
  }
`);

/** One run, live: progress, counters, rate and ETA from the subscription; cancel, approve and retry. */
export function RunPage(props: { id: string }) {
  const [queried] = useQuery({ query: SyncRunQuery, variables: { id: props.id } });
  const [live] = useSubscription({ query: SyncRunProgressSubscription, variables: { runId: props.id } });
  const [cancelled, cancelRun] = useMutation(CancelRunMutation);
  const [approved, approveRun] = useMutation(ApproveRunMutation);
  const [retried, retryRun] = useMutation(RetryRunMutation);
  const progress = live.data?.syncRunProgress;
  const syncConfigId = queried.data?.syncRun.syncConfigId;
  const [config] = useQuery({
    query: SyncConfigNameQuery,
    variables: { id: syncConfigId ?? '' },
    pause: syncConfigId === undefined,
  });
  // The subscription is newer while it runs; after a cancel or approve the mutation's answer may be.
  const run = latest([
    progress?.run,
    cancelled.data?.cancelSyncRun,
    approved.data?.approveSyncRun,
    queried.data?.syncRun,
  ]);

  if (run === undefined) {
    return (
      <>
        <h1>Run</h1>
        <ErrorNotice error={queried.error ?? live.error} title="The run could not be loaded." />
      </>
    );
  }
  const percent = progressPercent(run);
  const active = isActive(run.status);

  return (
    <>
      <h1>
        {run.dryRun ? 'Dry run' : 'Run'} of{' '}
        <Link to={`/sync-configs/${run.syncConfigId}`}>
          {config.data?.syncConfig.name ?? 'its sync config'}
        </Link>
      </h1>
      <p className="lead">
        Started {formatDateTime(run.startedAt ?? run.createdAt)} by {run.trigger}
        {run.finishedAt === null ? '' : `, finished ${formatDateTime(run.finishedAt)}`}.{' '}
        {run.readMode === 'INCREMENTAL'
          ? 'Incremental read: only entries changed since the last successful run.'
          : 'Full read of the directory.'}
        {run.retryOfId === null ? null : (
          <>
            {' '}
            Retry of <Link to={`/runs/${run.retryOfId}`}>an earlier run</Link>.
          </>
        )}
      </p>

      <section aria-labelledby="progress" className="run-progress">
        <h2 id="progress">Progress</h2>
        <p aria-live="polite">
          <StatusBadge status={run.status} /> {humanize(run.phase)}
        </p>
        <div
          className={`progress-bar progress-${run.status.toLowerCase()}`}
          role="progressbar"
          aria-label="Run progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={`${percent}% (${humanize(run.phase)})`}
        >
          <div className="progress-fill" style={{ width: `${percent}%` }} />
        </div>
        <p className="progress-numbers">
          <span>{percent}%</span>
          <span>
            Rate: {progress === undefined ? '–' : `${formatRate(progress.ratePerSecond)} entries/s`}
          </span>
          <span>
            ETA:{' '}
            {!active ? '–' : progress?.etaSeconds == null ? 'unknown' : formatDuration(progress.etaSeconds)}
          </span>
        </p>
        {run.errorCode === null ? null : (
          <div role="alert" className="notice notice-error">
            <strong>The run failed.</strong> <code className="error-code">{run.errorCode}</code>{' '}
            {run.errorMessage}
          </div>
        )}
        {run.status === 'AWAITING_APPROVAL' ? (
          <p className="notice">
            The safety guard stopped this run before applying: it would deactivate or strip more identities
            than the config allows (or it read no users where there were some). Check the planned changes
            below, then approve or cancel.
          </p>
        ) : null}
        <div className="actions">
          {run.status === 'AWAITING_APPROVAL' ? (
            <button
              type="button"
              className="primary"
              disabled={approved.fetching}
              onClick={() => void approveRun({ id: run.id })}
            >
              Approve and apply
            </button>
          ) : null}
          {active ? (
            <button
              type="button"
              disabled={cancelled.fetching}
              onClick={() => void cancelRun({ id: run.id })}
            >
              Cancel run
            </button>
          ) : null}
          {run.status === 'FAILED' || run.status === 'CANCELLED' ? (
            <button
              type="button"
              className="primary"
              disabled={retried.fetching}
              onClick={() =>
                void retryRun({ id: run.id }).then((result) => {
                  const id = result.data?.retrySyncRun.id;
                  if (id !== undefined) navigate(`/runs/${id}`);
                })
              }
            >
              Retry run
            </button>
          ) : null}
        </div>
        <ErrorNotice error={cancelled.error ?? approved.error ?? retried.error} />
      </section>

      <section aria-labelledby="counters">
        <h2 id="counters">Counters</h2>
        <div className="counter-groups">
          {COUNTER_GROUPS.filter(
            (group) => group.title !== 'Roles' || group.counters.some((name) => run.counters[name] > 0),
          ).map((group) => (
            <dl key={group.title} className="counters" aria-label={group.title}>
              <div className="counter-group-title">{group.title}</div>
              {group.counters.map((name) => (
                <div key={name}>
                  <dt>{counterLabel(name)}</dt>
                  <dd>{formatCount(run.counters[name])}</dd>
                </div>
              ))}
            </dl>
          ))}
        </div>
      </section>

      <PlannedChanges run={run} />
      <RunLog runId={run.id} live={active} />
    </>
  );
}

/**
 * The newest view of the run at hand: a finished one wins (a run never leaves a final state), otherwise
 * the first given (the subscription's, while it runs).
 */
function latest(candidates: readonly (RunDetails | undefined)[]): RunDetails | undefined {
  const runs = candidates.filter((run): run is RunDetails => run !== undefined);
  const finished = runs.find((run) => !isActive(run.status));
  return finished ?? runs[0];
}
