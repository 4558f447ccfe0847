import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql/index.js';
import { RUN_LOG_LEVELS } from '../../../src/domain/sync-run-state.js';
import type { RunLogLevel } from '../gql/graphql.js';
import { EmptyState } from '../ui/empty-state.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { formatDateTime, humanize } from '../ui/format.js';
import { FilterSelectField, TextField } from '../ui/form-fields.js';
import { Pager } from '../ui/pager.js';
import { TableHead } from '../ui/table-head.js';

const PAGE_SIZE = 50;
/** While a run is active its log grows; this re-reads the page now and then. */
const LIVE_REFRESH_MS = 2000;

const SyncRunLogQuery = graphql(`
  query SyncRunLog($runId: ID!, $limit: Int!, $offset: Int!, $levels: [RunLogLevel!], $search: String) {
    syncRunLog(runId: $runId, limit: $limit, offset: $offset, levels: $levels, search: $search) {
      total
      items {
        id
        at
        level
        phase
        message
        dn
      }
    }
  }
`);

/** A run's step-by-step log, paged, with level and text filters. */
export function RunLog(props: { runId: string; live: boolean }) {
  const [offset, setOffset] = useState(0);
  const [level, setLevel] = useState<RunLogLevel | null>(null);
  const [search, setSearch] = useState('');
  const [{ data, error }, refetch] = useQuery({
    query: SyncRunLogQuery,
    variables: {
      runId: props.runId,
      limit: PAGE_SIZE,
      offset,
      levels: level === null ? null : [level],
      search: search === '' ? null : search,
    },
  });
  useEffect(() => {
    if (!props.live) {
      refetch({ requestPolicy: 'network-only' });
      return undefined;
    }
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), LIVE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [props.live, refetch]);
  const page = data?.syncRunLog;

  return (
    <section aria-labelledby="run-log">
      <h2 id="run-log">Log</h2>
      <form className="filters" aria-label="Log filters" onSubmit={(event) => event.preventDefault()}>
        <FilterSelectField
          label="Level"
          options={RUN_LOG_LEVELS}
          value={level}
          onChange={(value) => {
            setLevel(value);
            setOffset(0);
          }}
        />
        <TextField
          label="Text or DN"
          type="search"
          value={search}
          onChange={(value) => {
            setSearch(value);
            setOffset(0);
          }}
        />
      </form>
      <ErrorNotice error={error} />
      {page === undefined ? null : page.items.length === 0 ? (
        <EmptyState title="No log entries match.">
          {level !== null || search !== ''
            ? 'Clear the level or text filter to see more.'
            : props.live
              ? 'The run has not logged anything yet; entries appear as it works.'
              : 'The run logged nothing.'}
        </EmptyState>
      ) : (
        <table className="log">
          <TableHead caption="Log entries" columns={['Time', 'Level', 'Phase', 'Message']} />
          <tbody>
            {page.items.map((entry) => (
              <tr key={entry.id} className={`log-${entry.level.toLowerCase()}`}>
                <td>{formatDateTime(entry.at)}</td>
                <td>{entry.level}</td>
                <td>{humanize(entry.phase)}</td>
                <td>
                  {entry.message}
                  {entry.dn === null ? null : <div className="dn">{entry.dn}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager
        label="Log pages"
        offset={offset}
        limit={PAGE_SIZE}
        shown={page?.items.length ?? 0}
        total={page?.total}
        onChange={setOffset}
      />
    </section>
  );
}
