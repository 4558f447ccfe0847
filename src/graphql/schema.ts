import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { DirectoryResolver } from './directory/directory.resolver.js';
import { LdapPreviewResolver } from './ldap-preview/ldap-preview.resolver.js';
import { SyncConfigResolver } from './sync-config/sync-config.resolver.js';
import { SyncRunResolver } from './sync-run/sync-run.resolver.js';

export function buildRolesyncSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [DirectoryResolver, SyncConfigResolver, SyncRunResolver, LdapPreviewResolver],
    validate: { forbidUnknownValues: false },
  });
}
