import { Arg, Authorized, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { ApiRole } from '../../domain/api-roles.js';
import type { ApiToken } from '../../entities/api-token.entity.js';
import type { GraphQLContext } from '../context.js';
import { ApiRoleEnum } from '../enums.js';

@ObjectType('ApiToken', { description: 'An API token, without its secret' })
export class ApiTokenType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => ApiRoleEnum) role!: ApiRole;
  @Field(() => String, { description: 'The first characters of the token' }) prefix!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) lastUsedAt!: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;

  static from(token: ApiToken): ApiTokenType {
    return Object.assign(new ApiTokenType(), {
      id: token.id,
      name: token.name,
      role: token.role,
      prefix: token.prefix,
      createdAt: token.createdAt,
      lastUsedAt: token.lastUsedAt ?? null,
      revokedAt: token.revokedAt ?? null,
    });
  }
}

@ObjectType('CreatedApiToken')
export class CreatedApiTokenType {
  @Field(() => ApiTokenType) token!: ApiTokenType;
  @Field(() => String, { description: 'The secret, shown this once; only its hash is kept' }) secret!: string;
}

@Resolver(() => ApiTokenType)
export class ApiTokenResolver {
  @Authorized('ADMIN')
  @Query(() => [ApiTokenType])
  async apiTokens(@Ctx() ctx: GraphQLContext): Promise<ApiTokenType[]> {
    return (await ctx.apiTokens.list()).map((token) => ApiTokenType.from(token));
  }

  @Authorized('ADMIN')
  @Mutation(() => CreatedApiTokenType)
  async createApiToken(
    @Arg('name', () => String) name: string,
    @Arg('role', () => ApiRoleEnum) role: ApiRole,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CreatedApiTokenType> {
    const created = await ctx.apiTokens.create(name, role);
    return Object.assign(new CreatedApiTokenType(), {
      token: ApiTokenType.from(created.token),
      secret: created.secret,
    });
  }

  @Authorized('ADMIN')
  @Mutation(() => ApiTokenType, { description: 'Revokes a token at once, open subscriptions included' })
  async revokeApiToken(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ApiTokenType> {
    return ApiTokenType.from(await ctx.apiTokens.revoke(id));
  }
}
