import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql/index.js';
import { Link } from '../routing/router.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { DirectoryForm, type BindPasswordChange, type DirectoryFormValues } from './directory-form.js';

const DirectoryQuery = graphql(`
  query Directory($id: ID!) {
    directory(id: $id) {
      id
      name
      kind
      urls
      tlsMode
      caCertPem
      verifyCertificate
      bindDn
      hasBindPassword
      pageSize
      connectTimeoutMs
      operationTimeoutMs
      updatedAt
    }
  }
`);

const UpdateDirectoryMutation = graphql(`
  mutation UpdateDirectory($id: ID!, $input: UpdateDirectoryInput!) {
    updateDirectory(id: $id, input: $input) {
      id
      hasBindPassword
      updatedAt
    }
  }
`);

const TestConnectionMutation = graphql(`
  mutation TestDirectoryConnection($id: ID!) {
    testDirectoryConnection(id: $id) {
      connectedUrl
      serverType
      vendorName
      vendorVersion
      namingContexts
      supportsPaging
    }
  }
`);

function passwordInput(change: BindPasswordChange): { bindPassword?: string | null } {
  if (change.kind === 'set') return { bindPassword: change.password };
  if (change.kind === 'remove') return { bindPassword: null };
  return {};
}

export function DirectoryPage(props: { id: string }) {
  const [{ data, error }] = useQuery({ query: DirectoryQuery, variables: { id: props.id } });
  const [updated, updateDirectory] = useMutation(UpdateDirectoryMutation);
  const [tested, testConnection] = useMutation(TestConnectionMutation);
  const directory = data?.directory;

  if (directory === undefined) {
    return (
      <>
        <h1>Directory</h1>
        <ErrorNotice error={error} title="The directory could not be loaded." />
      </>
    );
  }
  // Only the form's fields: the query's id, __typename and the rest are no input fields.
  const initial: DirectoryFormValues = {
    name: directory.name,
    kind: directory.kind,
    urls: directory.urls,
    tlsMode: directory.tlsMode,
    caCertPem: directory.caCertPem ?? null,
    verifyCertificate: directory.verifyCertificate,
    bindDn: directory.bindDn ?? null,
    pageSize: directory.pageSize,
    connectTimeoutMs: directory.connectTimeoutMs,
    operationTimeoutMs: directory.operationTimeoutMs,
  };
  const result = tested.data?.testDirectoryConnection;

  return (
    <>
      <h1>Directory {directory.name}</h1>
      <p className="lead">
        <Link to={`/sync-configs/new?directoryId=${directory.id}`}>New sync config for this directory</Link>
      </p>
      <section aria-labelledby="connection">
        <h2 id="connection">Connection</h2>
        <button
          type="button"
          disabled={tested.fetching}
          onClick={() => void testConnection({ id: directory.id })}
        >
          {tested.fetching ? 'Testing…' : 'Test connection'}
        </button>
        <ErrorNotice error={tested.error} title="The connection test failed." />
        {result === undefined ? null : (
          <div role="status" className="notice notice-ok">
            <strong>Connected to {result.connectedUrl}.</strong>
            <dl className="facts">
              <dt>Server type</dt>
              <dd>{result.serverType}</dd>
              <dt>Vendor</dt>
              <dd>{[result.vendorName, result.vendorVersion].filter(Boolean).join(' ') || '–'}</dd>
              <dt>Naming contexts</dt>
              <dd className="dn">{result.namingContexts.join(', ')}</dd>
              <dt>Paged results</dt>
              <dd>{result.supportsPaging ? 'supported' : 'not supported'}</dd>
            </dl>
          </div>
        )}
      </section>
      <section aria-labelledby="settings">
        <h2 id="settings">Settings</h2>
        <ErrorNotice error={updated.error} title="The changes were not saved." />
        {updated.data === undefined || updated.error !== undefined ? null : (
          <p role="status" className="notice notice-ok">
            Saved.
          </p>
        )}
        <DirectoryForm
          key={directory.updatedAt}
          initial={initial}
          hasBindPassword={directory.hasBindPassword}
          submitLabel="Save changes"
          busy={updated.fetching}
          onSubmit={(values, password) =>
            void updateDirectory({ id: directory.id, input: { ...values, ...passwordInput(password) } })
          }
        />
      </section>
    </>
  );
}
