import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AppGroupResolver } from './app-group/app-group.resolver.js';
import { GroupMappingResolver } from './group-mapping/group-mapping.resolver.js';
import { IdentityResolver } from './identity/identity.resolver.js';
import { RunInspectionResolver } from './run-inspection/run-inspection.resolver.js';
import { RunProgressResolver } from './progress/run-progress.resolver.js';
import { ApiTokenResolver } from './api-token/api-token.resolver.js';
import { authChecker } from './auth-checker.js';
import { ContractResolver } from './contract/contract.resolver.js';
import { RoleRequestResolver } from './role-request/role-request.resolver.js';
import { RoleResolver } from './role/role.resolver.js';
import { DirectoryResolver } from './directory/directory.resolver.js';
import { LdapPreviewResolver } from './ldap-preview/ldap-preview.resolver.js';
import { SyncConfigResolver } from './sync-config/sync-config.resolver.js';
import { SyncRunResolver } from './sync-run/sync-run.resolver.js';

export function buildRolesyncSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      DirectoryResolver,
      SyncConfigResolver,
      SyncRunResolver,
      LdapPreviewResolver,
      AppGroupResolver,
      GroupMappingResolver,
      IdentityResolver,
      RunInspectionResolver,
      RoleResolver,
      ContractResolver,
      RoleRequestResolver,
      ApiTokenResolver,
      RunProgressResolver,
    ],
    validate: { forbidUnknownValues: false },
    authChecker,
    // Subscriptions bring their own `subscribe` (fed by Postgres LISTEN); type-graphql's topic PubSub is unused.
    pubSub: {
      publish: () => {
        throw new Error('topic publishing is not used');
      },
      subscribe: () => {
        throw new Error('topic subscriptions are not used');
      },
    },
    authMode: 'error',
  });
}
