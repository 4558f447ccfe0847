import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { AuthorizationType } from '../../domain/identity-states.js';
import type { Identity } from '../../entities/identity.entity.js';
import { AuthorizationTypeEnum } from '../enums.js';

@ObjectType('Identity', { description: 'A person known to the application' })
export class IdentityType {
  @Field(() => ID) id!: string;
  @Field(() => String) login!: string;
  @Field(() => String, { nullable: true }) displayName!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => ID, { nullable: true, description: 'The directory it comes from; null for a local identity' })
  sourceDirectoryId!: string | null;
  @Field(() => String, { nullable: true, description: 'Stable id of the entry in the directory' })
  externalId!: string | null;
  @Field(() => String, { nullable: true }) dn!: string | null;
  @Field(() => AuthorizationTypeEnum) authorizationType!: AuthorizationType;
  @Field(() => Boolean) active!: boolean;
  @Field(() => String, { nullable: true }) deactivationReason!: string | null;
  @Field(() => Date, { nullable: true }) deactivatedAt!: Date | null;
  @Field(() => [ID], { description: 'Application groups, manual and synced' }) appGroupIds!: string[];

  static from(identity: Identity, appGroupIds: string[]): IdentityType {
    return Object.assign(new IdentityType(), {
      id: identity.id,
      login: identity.login,
      displayName: identity.displayName ?? null,
      email: identity.email ?? null,
      sourceDirectoryId: identity.sourceDirectory?.id ?? null,
      externalId: identity.externalId ?? null,
      dn: identity.dn ?? null,
      authorizationType: identity.authorizationType,
      active: identity.active,
      deactivationReason: identity.deactivationReason ?? null,
      deactivatedAt: identity.deactivatedAt ?? null,
      appGroupIds,
    });
  }
}

@ObjectType('IdentityPage')
export class IdentityPageType {
  @Field(() => Int) total!: number;
  @Field(() => [IdentityType]) items!: IdentityType[];
}
