import { Authorized, Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context.js';
import { DirectoryConnectionTestType } from './directory-connection-test.type.js';
import { CreateDirectoryInput, UpdateDirectoryInput } from './directory.input.js';
import { DirectoryType } from './directory.type.js';

@Resolver(() => DirectoryType)
export class DirectoryResolver {
  @Authorized('VIEWER')
  @Query(() => [DirectoryType], { description: 'All directories, by name' })
  async directories(@Ctx() ctx: GraphQLContext): Promise<DirectoryType[]> {
    return (await ctx.directories.list()).map((directory) => DirectoryType.from(directory));
  }

  @Authorized('VIEWER')
  @Query(() => DirectoryType)
  async directory(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<DirectoryType> {
    return DirectoryType.from(await ctx.directories.get(id));
  }

  @Authorized('OPERATOR')
  @Mutation(() => DirectoryType)
  async createDirectory(
    @Arg('input', () => CreateDirectoryInput) input: CreateDirectoryInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DirectoryType> {
    return DirectoryType.from(await ctx.directories.create(input));
  }

  @Authorized('OPERATOR')
  @Mutation(() => DirectoryType)
  async updateDirectory(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateDirectoryInput) input: UpdateDirectoryInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DirectoryType> {
    return DirectoryType.from(await ctx.directories.update(id, input));
  }

  @Authorized('OPERATOR')
  @Mutation(() => Boolean)
  deleteDirectory(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return ctx.directories.delete(id);
  }

  @Authorized('OPERATOR')
  @Mutation(() => DirectoryConnectionTestType, {
    description: 'Connects (with failover), binds and reads the root DSE. Writes nothing.',
  })
  async testDirectoryConnection(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DirectoryConnectionTestType> {
    const directory = await ctx.directories.get(id);
    return DirectoryConnectionTestType.from(await ctx.probe.testConnection(directory));
  }
}
