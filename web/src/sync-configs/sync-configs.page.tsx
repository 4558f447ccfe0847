import { useQuery } from 'urql';
import { graphql } from '../gql/index.js';
import { Link } from '../routing/router.js';
import { EmptyState } from '../ui/empty-state.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { TableHead } from '../ui/table-head.js';

const SyncConfigsQuery = graphql(`
  query SyncConfigs {
    syncConfigs {
      id
      name
      kind
      directoryId
      scheduleEnabled
      scheduleIntervalMinutes
      scheduleCron
    }
    directories {
      id
      name
    }
  }
`);

export function SyncConfigsPage() {
  const [{ data, error, fetching }] = useQuery({ query: SyncConfigsQuery });
  const configs = data?.syncConfigs ?? [];
  const directoryNames = new Map(
    (data?.directories ?? []).map((directory) => [directory.id, directory.name]),
  );

  return (
    <>
      <h1>Sync configs</h1>
      <p className="lead">What to read from a directory, how to map it, and when to run.</p>
      <ErrorNotice error={error} />
      {configs.length === 0 && !fetching ? (
        <EmptyState title="No sync configs yet.">
          {directoryNames.size === 0 ? (
            <>
              A sync config reads from a directory: <Link to="/directories">add a directory</Link> first.
            </>
          ) : (
            <>
              Choose <strong>New sync config</strong>, set the users and groups queries, preview them, then
              map groups and start a run.
            </>
          )}
        </EmptyState>
      ) : (
        <table>
          <TableHead caption="Sync configs" columns={['Name', 'Job type', 'Directory', 'Schedule']} />
          <tbody>
            {configs.map((config) => (
              <tr key={config.id}>
                <td>
                  <Link to={`/sync-configs/${config.id}`}>{config.name}</Link>
                </td>
                <td>{config.kind === 'DIRECTORY_SYNC' ? 'Directory sync' : 'Role sync'}</td>
                <td>{directoryNames.get(config.directoryId) ?? config.directoryId}</td>
                <td>
                  {!config.scheduleEnabled
                    ? 'on demand'
                    : (config.scheduleCron ?? `every ${config.scheduleIntervalMinutes ?? '?'} min`)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {directoryNames.size === 0 ? null : (
        <Link to="/sync-configs/new" className="button primary">
          New sync config
        </Link>
      )}
    </>
  );
}
