import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql/index.js';
import { Link, navigate } from '../routing/router.js';
import { EmptyState } from '../ui/empty-state.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { DirectoryForm, NEW_DIRECTORY } from './directory-form.js';
import { TableHead } from '../ui/table-head.js';

const DirectoriesQuery = graphql(`
  query Directories {
    directories {
      id
      name
      kind
      urls
      tlsMode
      bindDn
      hasBindPassword
    }
  }
`);

const CreateDirectoryMutation = graphql(`
  mutation CreateDirectory($input: CreateDirectoryInput!) {
    createDirectory(input: $input) {
      id
    }
  }
`);

export function DirectoriesPage() {
  const [{ data, error, fetching }] = useQuery({ query: DirectoriesQuery });
  const [created, createDirectory] = useMutation(CreateDirectoryMutation);
  const [formOpen, setFormOpen] = useState(false);
  const directories = data?.directories ?? [];

  return (
    <>
      <h1>Directories</h1>
      <p className="lead">The LDAP servers Rolesync reads users and groups from.</p>
      <ErrorNotice error={error} />
      {fetching || directories.length > 0 ? (
        <table>
          <TableHead
            caption="Directories"
            columns={['Name', 'Kind', 'URLs', 'TLS', 'Bind DN', 'Password stored']}
          />
          <tbody>
            {directories.map((directory) => (
              <tr key={directory.id}>
                <td>
                  <Link to={`/directories/${directory.id}`}>{directory.name}</Link>
                </td>
                <td>{directory.kind}</td>
                <td>{directory.urls.join(', ')}</td>
                <td>{directory.tlsMode}</td>
                <td className="dn">{directory.bindDn ?? '–'}</td>
                <td>{directory.hasBindPassword ? 'yes' : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <EmptyState title="No directories yet.">
          Add the LDAP server Rolesync should read: choose <strong>Add a directory</strong>, enter its URL and
          a bind account, then test the connection.
        </EmptyState>
      )}
      {formOpen ? (
        <section aria-labelledby="new-directory">
          <h2 id="new-directory">New directory</h2>
          <ErrorNotice error={created.error} title="The directory was not created." />
          <DirectoryForm
            initial={NEW_DIRECTORY}
            hasBindPassword={false}
            submitLabel="Create directory"
            busy={created.fetching}
            onSubmit={(values, password) => {
              const bindPassword = password.kind === 'set' ? password.password : null;
              void createDirectory({ input: { ...values, bindPassword } }).then((result) => {
                const id = result.data?.createDirectory.id;
                if (id !== undefined) navigate(`/directories/${id}`);
              });
            }}
          />
        </section>
      ) : (
        <button type="button" className="primary" onClick={() => setFormOpen(true)}>
          Add a directory
        </button>
      )}
    </>
  );
}
