import { useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { graphql } from '../gql/index.js';
import type { SyncKind, SyncRunStatus } from '../gql/graphql.js';
import { Link } from '../routing/router.js';
import { EmptyState } from '../ui/empty-state.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { formatCount, formatDateTime, humanize } from '../ui/format.js';
import { Pager } from '../ui/pager.js';
import { StatusBadge } from '../ui/status-badge.js';
import { TableHead } from '../ui/table-head.js';

const PAGE_SIZE = 25;

export interface RunFilter {
  syncConfigId?: string | null;
  jobType?: SyncKind | null;
  status?: SyncRunStatus | null;
  createdFrom?: string | null;
  createdBefore?: string | null;
}

const SyncRunsQuery = graphql(`
  query SyncRuns(
    $syncConfigId: ID
    $jobType: SyncKind
    $status: SyncRunStatus
    $createdFrom: DateTimeISO
    $createdBefore: DateTimeISO
    $limit: Int!
    $offset: Int!
  ) {
    syncRuns(
      syncConfigId: $syncConfigId
      jobType: $jobType
      status: $status
      createdFrom: $createdFrom
      createdBefore: $createdBefore
      limit: $limit
      offset: $offset
    ) {
      id
      syncConfigId
      status
      phase
      trigger
      dryRun
      errorCode
      createdAt
      finishedAt
      counters {
        usersRead
        groupsRead
      }
    }
    syncConfigs {
      id
      name
    }
  }
`);

const SyncRunUpdatesSubscription = graphql(`
  subscription SyncRunUpdates($syncConfigId: ID) {
    syncRunUpdates(syncConfigId: $syncConfigId) {
      id
      status
      phase
    }
  }
`);

/** Runs, newest first, that refresh themselves whenever a run is created or changes. */
export function RunList(props: { filter: RunFilter; filtered?: boolean }) {
  const [offset, setOffset] = useState(0);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: SyncRunsQuery,
    variables: { ...props.filter, limit: PAGE_SIZE, offset },
  });
  useSubscription(
    { query: SyncRunUpdatesSubscription, variables: { syncConfigId: props.filter.syncConfigId } },
    () => {
      refetch({ requestPolicy: 'network-only' });
      return null;
    },
  );
  const runs = data?.syncRuns ?? [];
  const configNames = new Map((data?.syncConfigs ?? []).map((config) => [config.id, config.name]));

  return (
    <>
      <ErrorNotice error={error} />
      {runs.length === 0 && !fetching ? (
        <EmptyState title="No runs match.">
          {props.filtered === true
            ? 'Change or clear the filters to see more runs.'
            : 'Start a sync (or a dry run) from a sync config; its runs appear here as they happen.'}
        </EmptyState>
      ) : (
        <table>
          <TableHead
            caption="Runs"
            columns={['Started', 'Sync config', 'Status', 'Phase', 'Trigger', 'Read', 'Error']}
          />
          <tbody>
            {runs.map((run) => (
              <tr key={run.id}>
                <td>
                  <Link to={`/runs/${run.id}`}>{formatDateTime(run.createdAt)}</Link>
                  {run.dryRun ? <span className="tag">dry run</span> : null}
                </td>
                <td>{configNames.get(run.syncConfigId) ?? run.syncConfigId}</td>
                <td>
                  <StatusBadge status={run.status} />
                </td>
                <td>{humanize(run.phase)}</td>
                <td>{run.trigger}</td>
                <td>{formatCount(run.counters.usersRead + run.counters.groupsRead)}</td>
                <td>{run.errorCode === null ? '' : <code className="error-code">{run.errorCode}</code>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager label="Run pages" offset={offset} limit={PAGE_SIZE} shown={runs.length} onChange={setOffset} />
    </>
  );
}
