import { Max, MaxLength, Min } from 'class-validator';
import { Arg, Authorized, Args, ArgsType, Ctx, Field, ID, Int, Query, Resolver } from 'type-graphql';
import { IDENTITY_PAGE_MAX } from '../../services/identity.service.js';
import type { GraphQLContext } from '../context.js';
import { IdentityPageType, IdentityType } from './identity.type.js';

@ArgsType()
class IdentitiesArgs {
  @Field(() => ID, { nullable: true }) directoryId?: string | null;
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Text in login, name or email' })
  @MaxLength(200)
  search?: string | null;
  @Field(() => Int, { defaultValue: 100 }) @Min(1) @Max(IDENTITY_PAGE_MAX) limit!: number;
  @Field(() => Int, { defaultValue: 0 }) @Min(0) offset!: number;
}

@Resolver(() => IdentityType)
export class IdentityResolver {
  @Authorized('VIEWER')
  @Query(() => IdentityPageType, { description: 'Identities by login, with their application groups' })
  async identities(
    @Args(() => IdentitiesArgs) args: IdentitiesArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<IdentityPageType> {
    const page = await ctx.identities.list(args, args.limit, args.offset);
    return Object.assign(new IdentityPageType(), {
      total: page.total,
      items: page.items.map((identity) => IdentityType.from(identity, page.groupIds.get(identity.id) ?? [])),
    });
  }

  @Authorized('VIEWER')
  @Query(() => IdentityType, { description: 'One identity with its application groups' })
  async identity(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<IdentityType> {
    const { identity, groupIds } = await ctx.identities.get(id);
    return IdentityType.from(identity, groupIds);
  }
}
