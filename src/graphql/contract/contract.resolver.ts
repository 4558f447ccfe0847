import { MaxLength } from 'class-validator';
import {
  Authorized,
  Arg,
  Ctx,
  Field,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import type { Contract } from '../../entities/contract.entity.js';
import type { GraphQLContext } from '../context.js';

@ObjectType('Contract', { description: "An identity's contract; synced roles go to the primary one" })
export class ContractType {
  @Field(() => ID) id!: string;
  @Field(() => ID) identityId!: string;
  @Field(() => String, { nullable: true }) position!: string | null;
  @Field(() => Boolean) primary!: boolean;
  @Field(() => Date, { nullable: true }) validFrom!: Date | null;
  @Field(() => Date, { nullable: true }) validTill!: Date | null;
  @Field(() => Boolean) excluded!: boolean;

  static from(contract: Contract): ContractType {
    return Object.assign(new ContractType(), {
      id: contract.id,
      identityId: contract.identity.id,
      position: contract.position ?? null,
      primary: contract.primary,
      validFrom: contract.validFrom ?? null,
      validTill: contract.validTill ?? null,
      excluded: contract.excluded,
    });
  }
}

@InputType()
class ContractInput {
  @Field(() => String, { nullable: true }) @MaxLength(200) position?: string | null;
  @Field(() => Boolean, { defaultValue: true }) primary!: boolean;
  @Field(() => Date, { nullable: true }) validFrom?: Date | null;
  @Field(() => Date, { nullable: true }) validTill?: Date | null;
  @Field(() => Boolean, { defaultValue: false }) excluded!: boolean;
}

@InputType()
class UpdateContractInput {
  @Field(() => Boolean, { nullable: true }) excluded?: boolean | null;
  @Field(() => Date, { nullable: true }) validFrom?: Date | null;
  @Field(() => Date, { nullable: true }) validTill?: Date | null;
}

@Resolver(() => ContractType)
export class ContractResolver {
  @Authorized('VIEWER')
  @Query(() => [ContractType])
  async contracts(
    @Arg('identityId', () => ID) identityId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ContractType[]> {
    return (await ctx.contracts.list(identityId)).map((contract) => ContractType.from(contract));
  }

  @Authorized('OPERATOR')
  @Mutation(() => ContractType, {
    description: 'A new contract; a primary one replaces the previous primary',
  })
  async createContract(
    @Arg('identityId', () => ID) identityId: string,
    @Arg('input', () => ContractInput) input: ContractInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ContractType> {
    return ContractType.from(await ctx.contracts.create(identityId, input));
  }

  @Authorized('OPERATOR')
  @Mutation(() => ContractType)
  async updateContract(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateContractInput) input: UpdateContractInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ContractType> {
    return ContractType.from(await ctx.contracts.update(id, input));
  }
}
