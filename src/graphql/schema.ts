import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AppGroupResolver } from './app-group/app-group.resolver.js';
import { GroupMappingResolver } from './group-mapping/group-mapping.resolver.js';
import { IdentityResolver } from './identity/identity.resolver.js';
import { RunInspectionResolver } from './run-inspection/run-inspection.resolver.js';
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
    ],
    validate: { forbidUnknownValues: false },
    authChecker,
    authMode: 'error',
  });
}
