import { useQuery } from 'urql';
import { graphql } from '../gql/index.js';
import { RoleRequestList } from '../roles/role-request-list.js';
import { EmptyState } from '../ui/empty-state.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { formatDateTime } from '../ui/format.js';
import { TableHead } from '../ui/table-head.js';

const IdentityQuery = graphql(`
  query Identity($id: ID!) {
    identity(id: $id) {
      id
      login
      displayName
      email
      dn
      externalId
      authorizationType
      active
      deactivationReason
      deactivatedAt
      appGroupIds
    }
    identityRoles(identityId: $id) {
      id
      roleId
      contractId
      origin
    }
    contracts(identityId: $id) {
      id
      position
      primary
      validFrom
      validTill
      excluded
    }
    appGroups {
      id
      name
    }
    roles(limit: 500) {
      items {
        id
        name
        code
      }
    }
  }
`);

/** One identity: its application groups, roles (by contract) and contracts, and its role requests. */
export function IdentityPage(props: { id: string }) {
  const [{ data, error }] = useQuery({ query: IdentityQuery, variables: { id: props.id } });
  if (data === undefined) {
    return (
      <>
        <h1>Identity</h1>
        <ErrorNotice error={error} title="The identity could not be loaded." />
      </>
    );
  }
  const { identity, identityRoles, contracts } = data;
  const groupNames = new Map(data.appGroups.map((group) => [group.id, group.name]));
  const roles = new Map(data.roles.items.map((role) => [role.id, role]));
  const positions = new Map(contracts.map((contract) => [contract.id, contract.position ?? 'contract']));

  return (
    <>
      <h1>{identity.displayName ?? identity.login}</h1>
      <dl className="facts">
        <dt>Login</dt>
        <dd>{identity.login}</dd>
        <dt>Email</dt>
        <dd>{identity.email ?? '–'}</dd>
        <dt>State</dt>
        <dd>
          {identity.active
            ? 'active'
            : `deactivated ${formatDateTime(identity.deactivatedAt)} (${identity.deactivationReason ?? 'no reason given'})`}
        </dd>
        <dt>Signs in with</dt>
        <dd>{identity.authorizationType}</dd>
        <dt>DN</dt>
        <dd className="dn">{identity.dn ?? '– (local identity)'}</dd>
        <dt>External id</dt>
        <dd>{identity.externalId ?? '–'}</dd>
      </dl>

      <section aria-labelledby="groups">
        <h2 id="groups">Application groups</h2>
        {identity.appGroupIds.length === 0 ? (
          <EmptyState title="In no application group.">
            Map an LDAP group this person belongs to on a sync config's Mappings tab, then run the sync.
          </EmptyState>
        ) : (
          <ul>
            {identity.appGroupIds.map((id) => (
              <li key={id}>{groupNames.get(id) ?? id}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="roles">
        <h2 id="roles">Roles</h2>
        {identityRoles.length === 0 ? (
          <EmptyState title="No roles.">
            Role syncs with "assign roles to identities" switched on give roles.
          </EmptyState>
        ) : (
          <table>
            <TableHead caption="Roles" columns={['Role', 'Contract', 'Origin']} />
            <tbody>
              {identityRoles.map((held) => (
                <tr key={held.id}>
                  <td>{roles.get(held.roleId)?.name ?? held.roleId}</td>
                  <td>{positions.get(held.contractId) ?? held.contractId}</td>
                  <td>{held.origin}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="contracts">
        <h2 id="contracts">Contracts</h2>
        {contracts.length === 0 ? (
          <EmptyState title="No contracts.">
            Synced roles go to the primary contract; this identity has none yet.
          </EmptyState>
        ) : (
          <table>
            <TableHead
              caption="Contracts"
              columns={['Position', 'Primary', 'Valid from', 'Valid till', 'Excluded']}
            />
            <tbody>
              {contracts.map((contract) => (
                <tr key={contract.id}>
                  <td>{contract.position ?? '–'}</td>
                  <td>{contract.primary ? 'yes' : 'no'}</td>
                  <td>{formatDateTime(contract.validFrom)}</td>
                  <td>{formatDateTime(contract.validTill)}</td>
                  <td>{contract.excluded ? 'yes' : 'no'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="requests">
        <h2 id="requests">Role requests</h2>
        <RoleRequestList filter={{ identityId: identity.id }} filtered={false} />
      </section>
    </>
  );
}
