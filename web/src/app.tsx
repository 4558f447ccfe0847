import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Provider } from 'urql';
import { SignInPage } from './auth/sign-in.page.js';
import { clearToken, readToken, storeToken } from './auth/token-storage.js';
import { createGraphqlClient } from './graphql-client.js';
import { routeFor } from './routes.js';
import { Link, useLocation } from './routing/router.js';

const NAVIGATION = [
  { to: '/directories', label: 'Directories' },
  { to: '/sync-configs', label: 'Sync configs' },
  { to: '/runs', label: 'Run history' },
  { to: '/identities', label: 'Identities' },
  { to: '/roles', label: 'Roles' },
  { to: '/role-requests', label: 'Role requests' },
] as const;

export function App() {
  const [token, setToken] = useState(readToken);
  const [notice, setNotice] = useState<string | undefined>();

  const signOut = useCallback((reason?: string) => {
    clearToken();
    setNotice(reason);
    setToken(null);
  }, []);
  const client = useMemo(
    () =>
      token === null
        ? null
        : createGraphqlClient(token, () => signOut('The API token was refused (revoked?). Sign in again.')),
    [token, signOut],
  );

  if (client === null) {
    return (
      <SignInPage
        notice={notice}
        onSignedIn={(signedIn) => {
          storeToken(signedIn);
          setNotice(undefined);
          setToken(signedIn);
        }}
      />
    );
  }
  return (
    <Provider value={client}>
      <Shell onSignOut={() => signOut('Signed out.')} />
    </Provider>
  );
}

function Shell(props: { onSignOut: () => void }) {
  const { path } = useLocation();
  const route = routeFor(path);
  const page = useRef<HTMLDivElement>(null);
  const loaded = useRef(false);

  // After a navigation, focus moves to the new page instead of staying on the old link; a fresh load
  // leaves it at the top, where the skip link is.
  useEffect(() => {
    if (loaded.current) page.current?.focus();
    loaded.current = true;
    document.title = `${route.title} – Rolesync`;
  }, [path, route.title]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top-bar">
        <span className="brand">Rolesync</span>
        <nav aria-label="Main">
          <ul>
            {NAVIGATION.map((item) => (
              <li key={item.to}>
                <Link to={item.to} current={path === item.to || path.startsWith(`${item.to}/`)}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <button type="button" onClick={props.onSignOut}>
          Sign out
        </button>
      </header>
      <main id="main">
        <div ref={page} tabIndex={-1} className="page-focus">
          {route.element}
        </div>
      </main>
    </>
  );
}
