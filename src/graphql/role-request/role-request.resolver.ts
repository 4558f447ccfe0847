import { Max, MaxLength, Min } from 'class-validator';
import {
  Authorized,
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
} from 'type-graphql';
import type { RoleRequestState } from '../../domain/role-states.js';
import { REQUEST_PAGE_MAX } from '../../services/role-request.service.js';
import type { RoleRequest } from '../../entities/role-request.entity.js';
import type { GraphQLContext } from '../context.js';
import { RoleRequestStateEnum } from '../enums.js';
import { IdentityRoleType, RoleRequestPageType, RoleRequestType } from './role-request.type.js';

@ArgsType()
class RoleRequestsArgs {
  @Field(() => ID, { nullable: true }) identityId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Requests a sync run created' }) runId?: string | null;
  @Field(() => RoleRequestStateEnum, { nullable: true }) state?: RoleRequestState | null;
  @Field(() => String, { nullable: true }) @MaxLength(100) resultCode?: string | null;
  @Field(() => Int, { defaultValue: 100 }) @Min(1) @Max(REQUEST_PAGE_MAX) limit!: number;
  @Field(() => Int, { defaultValue: 0 }) @Min(0) offset!: number;
}

/** One request with its items. */
async function requestView(ctx: GraphQLContext, request: RoleRequest): Promise<RoleRequestType> {
  return RoleRequestType.from(request, (await ctx.roleRequests.itemsOf([request.id])).get(request.id) ?? []);
}

@Resolver(() => RoleRequestType)
export class RoleRequestResolver {
  @Authorized('VIEWER')
  @Query(() => RoleRequestPageType, { description: 'Role requests with their items, newest first' })
  async roleRequests(
    @Args(() => RoleRequestsArgs) args: RoleRequestsArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RoleRequestPageType> {
    const page = await ctx.roleRequests.list(args, args.limit, args.offset);
    const items = await ctx.roleRequests.itemsOf(page.items.map((request) => request.id));
    return Object.assign(new RoleRequestPageType(), {
      total: page.total,
      items: page.items.map((request) => RoleRequestType.from(request, items.get(request.id) ?? [])),
    });
  }

  @Authorized('VIEWER')
  @Query(() => RoleRequestType)
  async roleRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<RoleRequestType> {
    const request = await ctx.roleRequests.get(id);
    return requestView(ctx, request);
  }

  @Authorized('VIEWER')
  @Query(() => [IdentityRoleType], { description: 'Roles an identity holds' })
  async identityRoles(
    @Arg('identityId', () => ID) identityId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<IdentityRoleType[]> {
    return (await ctx.roleRequests.identityRoles(identityId)).map((assignment) =>
      IdentityRoleType.from(assignment),
    );
  }

  @Authorized('OPERATOR')
  @Mutation(() => RoleRequestType, {
    description:
      'Assigns a role by hand: a request executed by a workflow that also provisions the directory membership',
  })
  async assignRole(
    @Arg('identityId', () => ID) identityId: string,
    @Arg('roleId', () => ID) roleId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RoleRequestType> {
    const request = await ctx.roleRequests.request(identityId, roleId, 'ADD');
    return requestView(ctx, request);
  }

  @Authorized('OPERATOR')
  @Mutation(() => RoleRequestType, {
    description: 'Removes a role assigned by hand, and its directory membership',
  })
  async removeRole(
    @Arg('identityId', () => ID) identityId: string,
    @Arg('roleId', () => ID) roleId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RoleRequestType> {
    const request = await ctx.roleRequests.request(identityId, roleId, 'REMOVE');
    return requestView(ctx, request);
  }
}
