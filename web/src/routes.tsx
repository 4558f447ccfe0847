import type { ReactElement } from 'react';
import { DirectoriesPage } from './directories/directories.page.js';
import { DirectoryPage } from './directories/directory.page.js';
import { IdentitiesPage } from './identities/identities.page.js';
import { IdentityPage } from './identities/identity.page.js';
import { RoleRequestsPage } from './roles/role-requests.page.js';
import { RolesPage } from './roles/roles.page.js';
import { matchRoute } from './routing/router.js';
import { RunHistoryPage } from './runs/run-history.page.js';
import { RunPage } from './runs/run.page.js';
import { SyncConfigPage } from './sync-configs/sync-config.page.js';
import { SyncConfigsPage } from './sync-configs/sync-configs.page.js';
import { EmptyState } from './ui/empty-state.js';
import { Link } from './routing/router.js';

interface Route {
  pattern: string;
  title: string;
  render: (params: Record<string, string>) => ReactElement;
}

// Order matters: /sync-configs/new before /sync-configs/:id.
const ROUTES: Route[] = [
  { pattern: '/', title: 'Directories', render: () => <DirectoriesPage /> },
  { pattern: '/directories', title: 'Directories', render: () => <DirectoriesPage /> },
  { pattern: '/directories/:id', title: 'Directory', render: (p) => <DirectoryPage id={p.id ?? ''} /> },
  { pattern: '/sync-configs', title: 'Sync configs', render: () => <SyncConfigsPage /> },
  { pattern: '/sync-configs/new', title: 'New sync config', render: () => <SyncConfigPage id={null} /> },
  { pattern: '/sync-configs/:id', title: 'Sync config', render: (p) => <SyncConfigPage id={p.id ?? ''} /> },
  { pattern: '/runs', title: 'Run history', render: () => <RunHistoryPage /> },
  { pattern: '/runs/:id', title: 'Run', render: (p) => <RunPage key={p.id} id={p.id ?? ''} /> },
  { pattern: '/identities', title: 'Identities', render: () => <IdentitiesPage /> },
  { pattern: '/identities/:id', title: 'Identity', render: (p) => <IdentityPage id={p.id ?? ''} /> },
  { pattern: '/roles', title: 'Roles', render: () => <RolesPage /> },
  { pattern: '/role-requests', title: 'Role requests', render: () => <RoleRequestsPage /> },
];

export function routeFor(path: string): { title: string; element: ReactElement } {
  for (const route of ROUTES) {
    const params = matchRoute(route.pattern, path);
    if (params !== null) return { title: route.title, element: route.render(params) };
  }
  return {
    title: 'Not found',
    element: (
      <EmptyState title="There is no page at this address.">
        Go to the <Link to="/directories">directories</Link> to start over.
      </EmptyState>
    ),
  };
}
