import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql/index.js';
import type { PreviewLdapQueryInput } from '../gql/graphql.js';
import { EmptyState } from '../ui/empty-state.js';
import { ErrorNotice } from '../ui/error-notice.js';

const PREVIEW_LIMIT = 20;

const PreviewLdapQuery = graphql(`
  query PreviewLdapQuery($input: PreviewLdapQueryInput!) {
    previewLdapQuery(input: $input) {
      dn
      attributes {
        name
        values
      }
    }
  }
`);

/**
 * The first entries the query (as currently typed, saved or not) finds in the directory, so an operator
 * sees what a run would read before starting one.
 */
export function LdapPreview(props: { label: string; query: Omit<PreviewLdapQueryInput, 'limit'> }) {
  const [asked, setAsked] = useState<PreviewLdapQueryInput | null>(null);
  const [{ data, error, fetching }] = useQuery({
    query: PreviewLdapQuery,
    variables: { input: asked ?? { ...props.query, limit: PREVIEW_LIMIT } },
    pause: asked === null,
    requestPolicy: 'network-only',
  });
  const entries = asked === null ? undefined : data?.previewLdapQuery;
  const attributeNames = props.query.attributes ?? [];
  const canPreview = props.query.directoryId !== '' && props.query.baseDn !== '';

  return (
    <section className="preview" aria-label={props.label}>
      <button
        type="button"
        disabled={!canPreview || fetching}
        onClick={() => setAsked({ ...props.query, limit: PREVIEW_LIMIT })}
      >
        {fetching ? 'Reading…' : props.label}
      </button>
      {canPreview ? null : <p className="hint">Choose a directory and a base DN to preview the query.</p>}
      <ErrorNotice error={asked === null ? undefined : error} title="The query failed." />
      {entries === undefined ? null : entries.length === 0 ? (
        <EmptyState title="The query found no entries.">
          Check the base DN, scope and filter; the directory answered but nothing matched.
        </EmptyState>
      ) : (
        <table>
          <caption>
            {entries.length < PREVIEW_LIMIT
              ? `${entries.length} entries found`
              : `First ${entries.length} entries found`}
          </caption>
          <thead>
            <tr>
              <th scope="col">DN</th>
              {attributeNames.map((name) => (
                <th scope="col" key={name}>
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.dn}>
                <td className="dn">{entry.dn}</td>
                {attributeNames.map((name) => {
                  const values =
                    entry.attributes.find((attribute) => attribute.name.toLowerCase() === name.toLowerCase())
                      ?.values ?? [];
                  return (
                    <td key={name}>
                      {values.length > 3 ? `${values.length} values` : values.join(', ') || '–'}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
