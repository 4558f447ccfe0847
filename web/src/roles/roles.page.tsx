import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql/index.js';
import { useLocation } from '../routing/router.js';
import { EmptyState } from '../ui/empty-state.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { TextField } from '../ui/form-fields.js';
import { Pager } from '../ui/pager.js';
import { CatalogueTree } from './catalogue-tree.js';
import { TableHead } from '../ui/table-head.js';

const PAGE_SIZE = 50;

const RolesQuery = graphql(`
  query Roles($search: String, $catalogueNodeId: ID, $limit: Int!, $offset: Int!) {
    roles(search: $search, catalogueNodeId: $catalogueNodeId, limit: $limit, offset: $offset) {
      total
      items {
        id
        name
        code
        description
        systemIdentifier
        forwardProvisioning
        catalogueNodeIds
      }
    }
    roleCatalogue {
      id
      name
      code
      parentId
    }
  }
`);

/** Roles with the role catalogue tree beside them; choosing a node shows the roles placed there. */
export function RolesPage() {
  const { query } = useLocation();
  const [search, setSearch] = useState(query.get('search') ?? '');
  const [nodeId, setNodeId] = useState<string | null>(null);
  const [offset, setOffset] = useState(0);
  const [{ data, error, fetching }] = useQuery({
    query: RolesQuery,
    variables: { search: search === '' ? null : search, catalogueNodeId: nodeId, limit: PAGE_SIZE, offset },
  });
  const roles = data?.roles;
  const nodeCodes = new Map((data?.roleCatalogue ?? []).map((node) => [node.id, node.code]));

  return (
    <>
      <h1>Roles</h1>
      <ErrorNotice error={error} />
      <div className="split">
        <nav aria-label="Role catalogue" className="split-side">
          <h2>Catalogue</h2>
          <CatalogueTree
            nodes={data?.roleCatalogue ?? []}
            selected={nodeId}
            onSelect={(id) => {
              setNodeId(id);
              setOffset(0);
            }}
          />
        </nav>
        <div className="split-main">
          <TextField
            label="Search roles"
            type="search"
            value={search}
            onChange={(value) => {
              setSearch(value);
              setOffset(0);
            }}
          />
          {roles === undefined || roles.items.length === 0 ? (
            fetching ? null : (
              <EmptyState title="No roles here.">
                {search !== '' || nodeId !== null
                  ? 'Clear the search or choose "All roles" in the catalogue.'
                  : 'Roles come from role sync configs: create a sync config of job type "Role sync" and run it.'}
              </EmptyState>
            )
          ) : (
            <table>
              <TableHead
                caption={`${roles.total} roles`}
                visible
                columns={['Name', 'Code', 'LDAP group', 'Forward provisioning', 'Catalogue']}
              />
              <tbody>
                {roles.items.map((role) => (
                  <tr key={role.id}>
                    <th scope="row">
                      {role.name}
                      {role.description === null ? null : <div className="hint">{role.description}</div>}
                    </th>
                    <td>{role.code}</td>
                    <td className="dn">{role.systemIdentifier ?? '– (made by hand)'}</td>
                    <td>{role.forwardProvisioning ? 'on' : 'off'}</td>
                    <td>{role.catalogueNodeIds.map((id) => nodeCodes.get(id) ?? id).join(', ') || '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager
            label="Role pages"
            offset={offset}
            limit={PAGE_SIZE}
            shown={roles?.items.length ?? 0}
            total={roles?.total}
            onChange={setOffset}
          />
        </div>
      </div>
    </>
  );
}
