import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql/index.js';
import type { RoleRequestState } from '../gql/graphql.js';
import { Link } from '../routing/router.js';
import { EmptyState } from '../ui/empty-state.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { formatDateTime, humanize } from '../ui/format.js';
import { Pager } from '../ui/pager.js';
import { StatusBadge } from '../ui/status-badge.js';
import { TableHead } from '../ui/table-head.js';

const PAGE_SIZE = 25;

const RoleRequestsQuery = graphql(`
  query RoleRequests(
    $identityId: ID
    $state: RoleRequestState
    $resultCode: String
    $limit: Int!
    $offset: Int!
  ) {
    roleRequests(
      identityId: $identityId
      state: $state
      resultCode: $resultCode
      limit: $limit
      offset: $offset
    ) {
      total
      items {
        id
        identityId
        state
        resultCode
        createdByRunId
        createdAt
        executedAt
        items {
          id
          roleId
          operation
          state
          error
          provisioningState
          provisioningMessage
        }
      }
    }
    roles(limit: 500) {
      items {
        id
        name
      }
    }
  }
`);

export interface RoleRequestFilter {
  identityId?: string | null;
  state?: RoleRequestState | null;
  resultCode?: string | null;
}

/** Role requests, newest first, each with its result code and the role changes it holds. */
export function RoleRequestList(props: { filter: RoleRequestFilter; filtered: boolean }) {
  const [offset, setOffset] = useState(0);
  const [{ data, error, fetching }] = useQuery({
    query: RoleRequestsQuery,
    variables: { ...props.filter, limit: PAGE_SIZE, offset },
  });
  const page = data?.roleRequests;
  const roleNames = new Map((data?.roles.items ?? []).map((role) => [role.id, role.name]));

  return (
    <>
      <ErrorNotice error={error} />
      {page === undefined || page.items.length === 0 ? (
        fetching ? null : (
          <EmptyState title="No role requests.">
            {props.filtered
              ? 'Change or clear the filters to see more.'
              : 'Role syncs that assign roles create one request per identity and run; assigning a role by hand creates one too.'}
          </EmptyState>
        )
      ) : (
        <table>
          <TableHead
            caption={`${page.total} role requests`}
            visible
            columns={['Created', 'Identity', 'State', 'Result code', 'Changes']}
          />
          <tbody>
            {page.items.map((request) => (
              <tr key={request.id}>
                <td>
                  {formatDateTime(request.createdAt)}
                  {request.createdByRunId === null ? null : (
                    <div>
                      <Link to={`/runs/${request.createdByRunId}`}>from a run</Link>
                    </div>
                  )}
                </td>
                <td>
                  <Link to={`/identities/${request.identityId}`}>{request.identityId.slice(0, 8)}</Link>
                </td>
                <td>
                  <StatusBadge status={request.state} />
                </td>
                <td>
                  <code>{request.resultCode}</code>
                </td>
                <td>
                  <ul className="plain">
                    {request.items.map((item) => (
                      <li key={item.id}>
                        {item.operation === 'ADD' ? 'Add' : 'Remove'}{' '}
                        {roleNames.get(item.roleId) ?? item.roleId}: {humanize(item.state)}, directory{' '}
                        {humanize(item.provisioningState).toLowerCase()}
                        {item.error === null ? null : <span className="error-text"> ({item.error})</span>}
                        {item.provisioningMessage === null ? null : (
                          <span className="hint"> {item.provisioningMessage}</span>
                        )}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager
        label="Role request pages"
        offset={offset}
        limit={PAGE_SIZE}
        shown={page?.items.length ?? 0}
        total={page?.total}
        onChange={setOffset}
      />
    </>
  );
}
