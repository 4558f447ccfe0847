import { CombinedError } from '@urql/core';
import { useState, type SyntheticEvent } from 'react';
import { graphql } from '../gql/index.js';
import { createGraphqlClient } from '../graphql-client.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { TextField } from '../ui/form-fields.js';

// Every token role may read directories, so this read tells a valid token from a wrong one.
const TokenCheckQuery = graphql(`
  query TokenCheck {
    directories {
      id
    }
  }
`);

export function SignInPage(props: { onSignedIn: (token: string) => void; notice?: string }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<CombinedError | undefined>();
  const [checking, setChecking] = useState(false);

  async function signIn(event: SyntheticEvent): Promise<void> {
    event.preventDefault();
    setChecking(true);
    const candidate = token.trim();
    const result = await createGraphqlClient(candidate, () => undefined)
      .query(TokenCheckQuery, {}, { requestPolicy: 'network-only' })
      .toPromise();
    setChecking(false);
    if (result.error === undefined) props.onSignedIn(candidate);
    else setError(result.error);
  }

  return (
    <main className="sign-in" id="main">
      <h1>Rolesync console</h1>
      <form onSubmit={(event) => void signIn(event)} aria-describedby="sign-in-help">
        <p id="sign-in-help">
          Sign in with an API token. Create one with <code>npm run rolesync -- create-token --name you</code>;
          it starts with <code>rs_</code>. The token is kept for this browser tab only.
        </p>
        {props.notice === undefined ? null : (
          <p role="status" className="notice">
            {props.notice}
          </p>
        )}
        <TextField
          label="API token"
          type="password"
          autoComplete="current-password"
          required
          value={token}
          onChange={setToken}
        />
        <ErrorNotice error={error} title="Sign-in failed." />
        <button type="submit" className="primary" disabled={checking || token.trim() === ''}>
          {checking ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
