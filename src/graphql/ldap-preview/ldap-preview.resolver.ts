import { Authorized, Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context.js';
import { LdapEntryType } from './ldap-entry.type.js';
import { PreviewLdapQueryInput } from './preview-ldap-query.input.js';

@Resolver()
export class LdapPreviewResolver {
  @Authorized('VIEWER')
  @Query(() => [LdapEntryType], { description: 'The first entries a query returns (capped); reads only' })
  async previewLdapQuery(
    @Arg('input', () => PreviewLdapQueryInput) input: PreviewLdapQueryInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LdapEntryType[]> {
    const directory = await ctx.directories.get(input.directoryId);
    const entries = await ctx.probe.preview(directory, input);
    return entries.map((entry) => LdapEntryType.from(entry));
  }
}
