import { Length, Max, MaxLength, Min } from 'class-validator';
import {
  Authorized,
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  ID,
  InputType,
  Int,
  Mutation,
  Query,
  Resolver,
} from 'type-graphql';
import { ROLE_PAGE_MAX } from '../../services/role.service.js';
import type { Role } from '../../entities/role.entity.js';
import type { GraphQLContext } from '../context.js';
import { RoleCatalogueNodeType, RolePageType, RoleType } from './role.type.js';

@ArgsType()
class RolesArgs {
  @Field(() => String, { nullable: true }) @MaxLength(200) search?: string | null;
  @Field(() => ID, { nullable: true }) syncConfigId?: string | null;
  @Field(() => ID, { nullable: true }) catalogueNodeId?: string | null;
  @Field(() => Int, { defaultValue: 100 }) @Min(1) @Max(ROLE_PAGE_MAX) limit!: number;
  @Field(() => Int, { defaultValue: 0 }) @Min(0) offset!: number;
}

@InputType()
class CreateRoleInput {
  @Field(() => String) @Length(1, 400) name!: string;
  @Field(() => String) @Length(1, 400) code!: string;
  @Field(() => String, { nullable: true }) @MaxLength(4000) description?: string | null;
}

@InputType()
class UpdateRoleInput {
  @Field(() => String, { nullable: true }) @MaxLength(400) name?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(4000) description?: string | null;
  @Field(() => Boolean, { nullable: true }) forwardProvisioning?: boolean | null;
  @Field(() => Boolean, { nullable: true }) skipValueIfContractExcluded?: boolean | null;
}

/** One role with its catalogue placements. */
async function roleView(ctx: GraphQLContext, role: Role): Promise<RoleType> {
  return RoleType.from(role, (await ctx.roles.placementsOf([role.id])).get(role.id) ?? []);
}

@Resolver(() => RoleType)
export class RoleResolver {
  @Authorized('VIEWER')
  @Query(() => RolePageType, { description: 'Roles by code, with filters and paging' })
  async roles(@Args(() => RolesArgs) args: RolesArgs, @Ctx() ctx: GraphQLContext): Promise<RolePageType> {
    const page = await ctx.roles.list(args, args.limit, args.offset);
    const placements = await ctx.roles.placementsOf(page.items.map((role) => role.id));
    return Object.assign(new RolePageType(), {
      total: page.total,
      items: page.items.map((role) => RoleType.from(role, placements.get(role.id) ?? [])),
    });
  }

  @Authorized('VIEWER')
  @Query(() => RoleType)
  async role(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<RoleType> {
    const role = await ctx.roles.get(id);
    return roleView(ctx, role);
  }

  @Authorized('OPERATOR')
  @Mutation(() => RoleType, { description: 'A role made by hand (not synced)' })
  async createRole(
    @Arg('input', () => CreateRoleInput) input: CreateRoleInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RoleType> {
    return RoleType.from(await ctx.roles.create(input), []);
  }

  @Authorized('OPERATOR')
  @Mutation(() => RoleType)
  async updateRole(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateRoleInput) input: UpdateRoleInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RoleType> {
    const role = await ctx.roles.update(id, input);
    return roleView(ctx, role);
  }

  @Authorized('VIEWER')
  @Query(() => [RoleCatalogueNodeType], { description: 'Every node of the role catalogue, by path' })
  async roleCatalogue(@Ctx() ctx: GraphQLContext): Promise<RoleCatalogueNodeType[]> {
    return (await ctx.roles.catalogue()).map((node) => RoleCatalogueNodeType.from(node));
  }

  @Authorized('OPERATOR')
  @Mutation(() => RoleCatalogueNodeType)
  async createCatalogueNode(
    @Arg('name', () => String) name: string,
    @Arg('parentId', () => ID, { nullable: true }) parentId: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RoleCatalogueNodeType> {
    return RoleCatalogueNodeType.from(await ctx.roles.createNode(name, parentId ?? null));
  }

  @Authorized('OPERATOR')
  @Mutation(() => RoleType)
  async placeRoleInCatalogue(
    @Arg('roleId', () => ID) roleId: string,
    @Arg('nodeId', () => ID) nodeId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RoleType> {
    await ctx.roles.place(roleId, nodeId);
    const role = await ctx.roles.get(roleId);
    return roleView(ctx, role);
  }
}
