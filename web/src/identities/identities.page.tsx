import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql/index.js';
import { Link } from '../routing/router.js';
import { EmptyState } from '../ui/empty-state.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { SelectField, TextField } from '../ui/form-fields.js';
import { Pager } from '../ui/pager.js';
import { TableHead } from '../ui/table-head.js';

const PAGE_SIZE = 50;
const ACTIVITY = ['ANY', 'ACTIVE', 'INACTIVE'] as const;

const IdentitiesQuery = graphql(`
  query Identities($search: String, $active: Boolean, $limit: Int!, $offset: Int!) {
    identities(search: $search, active: $active, limit: $limit, offset: $offset) {
      total
      items {
        id
        login
        displayName
        email
        active
        authorizationType
        appGroupIds
      }
    }
  }
`);

export function IdentitiesPage() {
  const [search, setSearch] = useState('');
  const [activity, setActivity] = useState<(typeof ACTIVITY)[number]>('ANY');
  const [offset, setOffset] = useState(0);
  const [{ data, error, fetching }] = useQuery({
    query: IdentitiesQuery,
    variables: {
      search: search === '' ? null : search,
      active: activity === 'ANY' ? null : activity === 'ACTIVE',
      limit: PAGE_SIZE,
      offset,
    },
  });
  const page = data?.identities;

  return (
    <>
      <h1>Identities</h1>
      <form className="filters" aria-label="Identity filters" onSubmit={(event) => event.preventDefault()}>
        <TextField
          label="Search"
          type="search"
          hint="Login, name or email"
          value={search}
          onChange={(value) => {
            setSearch(value);
            setOffset(0);
          }}
        />
        <SelectField
          label="State"
          options={ACTIVITY}
          labels={{ ANY: 'Any', ACTIVE: 'Active', INACTIVE: 'Deactivated' }}
          value={activity}
          onChange={(value) => {
            setActivity(value);
            setOffset(0);
          }}
        />
      </form>
      <ErrorNotice error={error} />
      {page === undefined || page.items.length === 0 ? (
        fetching ? null : (
          <EmptyState title="No identities.">
            {search !== '' || activity !== 'ANY'
              ? 'Change or clear the search to see more.'
              : 'Identities come from directory syncs: map LDAP groups on a sync config, switch on "Create new users", and run it.'}
          </EmptyState>
        )
      ) : (
        <table>
          <TableHead
            caption={`${page.total} identities`}
            visible
            columns={['Login', 'Name', 'Email', 'State', 'Sign-in', 'Groups']}
          />
          <tbody>
            {page.items.map((identity) => (
              <tr key={identity.id}>
                <td>
                  <Link to={`/identities/${identity.id}`}>{identity.login}</Link>
                </td>
                <td>{identity.displayName ?? '–'}</td>
                <td>{identity.email ?? '–'}</td>
                <td>{identity.active ? 'active' : 'deactivated'}</td>
                <td>{identity.authorizationType}</td>
                <td>{identity.appGroupIds.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager
        label="Identity pages"
        offset={offset}
        limit={PAGE_SIZE}
        shown={page?.items.length ?? 0}
        total={page?.total}
        onChange={setOffset}
      />
    </>
  );
}
