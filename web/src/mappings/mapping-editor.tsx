import { useState, type SyntheticEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql/index.js';
import type { SyncKind } from '../gql/graphql.js';
import { Link } from '../routing/router.js';
import { StartRunButtons } from '../runs/start-run-buttons.js';
import { EmptyState } from '../ui/empty-state.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { formatCount } from '../ui/format.js';
import { TextField } from '../ui/form-fields.js';
import { Pager } from '../ui/pager.js';
import { AppGroupPicker } from './app-group-picker.js';

const PAGE_SIZE = 50;

const MappingEditorQuery = graphql(`
  query MappingEditor($syncConfigId: ID!, $search: String, $limit: Int!, $offset: Int!) {
    ldapGroups(syncConfigId: $syncConfigId, search: $search, limit: $limit, offset: $offset) {
      dn
      dnNorm
      name
      memberCount
      mappedAppGroupIds
    }
    appGroups {
      id
      name
    }
    roles(syncConfigId: $syncConfigId, limit: 500) {
      items {
        id
        name
        systemIdentifier
      }
    }
  }
`);

const AddMappingMutation = graphql(`
  mutation AddGroupMapping($syncConfigId: ID!, $ldapGroupDn: String!, $appGroupId: ID!) {
    addGroupMapping(syncConfigId: $syncConfigId, ldapGroupDn: $ldapGroupDn, appGroupId: $appGroupId) {
      ldapGroupDn
      appGroupId
    }
  }
`);

const RemoveMappingMutation = graphql(`
  mutation RemoveGroupMapping($syncConfigId: ID!, $ldapGroupDn: String!, $appGroupId: ID!) {
    removeGroupMapping(syncConfigId: $syncConfigId, ldapGroupDn: $ldapGroupDn, appGroupId: $appGroupId) {
      ldapGroupDn
      appGroupId
    }
  }
`);

const CreateAppGroupMutation = graphql(`
  mutation CreateAppGroup($input: AppGroupInput!) {
    createAppGroup(input: $input) {
      id
      name
    }
  }
`);

/**
 * The LDAP groups the config's newest run found, each mapped to any number of application groups (a
 * directory sync) or shown with the role it became (a role sync), with their direct member counts.
 */
export function MappingEditor(props: { syncConfigId: string; kind: SyncKind }) {
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: MappingEditorQuery,
    variables: {
      syncConfigId: props.syncConfigId,
      search: search === '' ? null : search,
      limit: PAGE_SIZE,
      offset,
    },
  });
  const [added, addMapping] = useMutation(AddMappingMutation);
  const [removed, removeMapping] = useMutation(RemoveMappingMutation);
  const [createdGroup, createAppGroup] = useMutation(CreateAppGroupMutation);
  const [newGroupName, setNewGroupName] = useState('');
  const groups = data?.ldapGroups ?? [];
  const appGroups = data?.appGroups ?? [];
  const groupNames = new Map(appGroups.map((group) => [group.id, group.name]));
  const roleByDn = new Map((data?.roles.items ?? []).map((role) => [role.systemIdentifier, role]));
  const refresh = (): void => refetch({ requestPolicy: 'network-only' });

  function createGroup(event: SyntheticEvent): void {
    event.preventDefault();
    void createAppGroup({ input: { name: newGroupName.trim() } }).then((result) => {
      if (result.error !== undefined) return;
      setNewGroupName('');
      // The document cache cannot tell that a new group belongs in a list that was empty.
      refresh();
    });
  }

  const mappingVariables = (dn: string, appGroupId: string) => ({
    syncConfigId: props.syncConfigId,
    ldapGroupDn: dn,
    appGroupId,
  });

  return (
    <section aria-label="Group mappings">
      {props.kind === 'DIRECTORY_SYNC' ? (
        <form className="inline-form" onSubmit={createGroup}>
          <TextField label="New application group" value={newGroupName} onChange={setNewGroupName} />
          <button type="submit" disabled={newGroupName.trim() === '' || createdGroup.fetching}>
            Create group
          </button>
        </form>
      ) : (
        <p className="lead">
          A role sync turns each LDAP group into a role; the role it became is shown next to the group.
        </p>
      )}
      <ErrorNotice error={createdGroup.error ?? added.error ?? removed.error ?? error} />
      <TextField
        label="Search LDAP groups"
        type="search"
        hint="Part of the group's name or DN"
        value={search}
        onChange={(value) => {
          setSearch(value);
          setOffset(0);
        }}
      />
      {groups.length === 0 && !fetching ? (
        search === '' && offset === 0 ? (
          <EmptyState title="No LDAP groups known yet.">
            <p>
              Groups are read by a run. Start a dry run (it changes nothing), then map the groups it found
              here.
            </p>
            <StartRunButtons syncConfigId={props.syncConfigId} dryRunOnly />
          </EmptyState>
        ) : (
          <EmptyState title="No LDAP group matches the search.">
            Try part of the name, or clear the search.
          </EmptyState>
        )
      ) : (
        <table>
          <caption className="visually-hidden">LDAP groups</caption>
          <thead>
            <tr>
              <th scope="col">LDAP group</th>
              <th scope="col">Members</th>
              <th scope="col">{props.kind === 'DIRECTORY_SYNC' ? 'Application groups' : 'Role'}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => {
              const role = roleByDn.get(group.dnNorm);
              return (
                <tr key={group.dnNorm}>
                  <th scope="row">
                    {group.name ?? group.dn}
                    <div className="dn">{group.dn}</div>
                  </th>
                  <td>{formatCount(group.memberCount)}</td>
                  <td>
                    {props.kind === 'ROLE_SYNC' ? (
                      role === undefined ? (
                        'not yet a role (run the sync)'
                      ) : (
                        <Link to={`/roles?search=${encodeURIComponent(role.name)}`}>{role.name}</Link>
                      )
                    ) : (
                      <>
                        <ul className="chips" aria-label={`Mapped groups of ${group.name ?? group.dn}`}>
                          {group.mappedAppGroupIds.map((appGroupId) => (
                            <li key={appGroupId}>
                              {groupNames.get(appGroupId) ?? appGroupId}
                              <button
                                type="button"
                                className="chip-remove"
                                aria-label={`Remove mapping to ${groupNames.get(appGroupId) ?? appGroupId}`}
                                onClick={() =>
                                  void removeMapping(mappingVariables(group.dn, appGroupId)).then(refresh)
                                }
                              >
                                ×
                              </button>
                            </li>
                          ))}
                        </ul>
                        {appGroups.length === 0 ? (
                          <span className="hint">Create an application group above to map this group.</span>
                        ) : group.mappedAppGroupIds.length === appGroups.length ? null : (
                          <AppGroupPicker
                            ldapGroupName={group.name ?? group.dn}
                            appGroups={appGroups.filter(
                              (appGroup) => !group.mappedAppGroupIds.includes(appGroup.id),
                            )}
                            onPick={(appGroupId) =>
                              void addMapping(mappingVariables(group.dn, appGroupId)).then(refresh)
                            }
                          />
                        )}
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Pager
        label="LDAP group pages"
        offset={offset}
        limit={PAGE_SIZE}
        shown={groups.length}
        onChange={setOffset}
      />
    </section>
  );
}
