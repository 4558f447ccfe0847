import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { RoleCatalogueNode } from '../../entities/role-catalogue.entity.js';
import type { Role } from '../../entities/role.entity.js';

@ObjectType('Role', { description: 'An application role; a synced one names its LDAP group by DN' })
export class RoleType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) code!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => ID, { nullable: true }) sourceDirectoryId!: string | null;
  @Field(() => ID, { nullable: true }) syncConfigId!: string | null;
  @Field(() => String, { nullable: true, description: 'Normalized DN of the group on the source system' })
  systemIdentifier!: string | null;
  @Field(() => ID, { nullable: true, description: 'Member system (membership management)' })
  memberDirectoryId!: string | null;
  @Field(() => String, { nullable: true }) memberAttribute!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The value naming the role on the member system (the group DN)',
  })
  roleMembershipId!: string | null;
  @Field(() => Boolean) forwardProvisioning!: boolean;
  @Field(() => Boolean) skipValueIfContractExcluded!: boolean;
  @Field(() => [ID], { description: 'Catalogue nodes the role is placed in' }) catalogueNodeIds!: string[];

  static from(role: Role, catalogueNodeIds: string[]): RoleType {
    return Object.assign(new RoleType(), {
      id: role.id,
      name: role.name,
      code: role.code,
      description: role.description ?? null,
      sourceDirectoryId: role.sourceDirectory?.id ?? null,
      syncConfigId: role.syncConfig?.id ?? null,
      systemIdentifier: role.systemIdentifier ?? null,
      memberDirectoryId: role.memberDirectory?.id ?? null,
      memberAttribute: role.memberAttribute ?? null,
      roleMembershipId: role.roleMembershipId ?? null,
      forwardProvisioning: role.forwardProvisioning,
      skipValueIfContractExcluded: role.skipValueIfContractExcluded,
      catalogueNodeIds,
    });
  }
}

@ObjectType('RolePage')
export class RolePageType {
  @Field(() => Int) total!: number;
  @Field(() => [RoleType]) items!: RoleType[];
}

@ObjectType('RoleCatalogueNode', { description: 'A node of the role catalogue tree; code is its full path' })
export class RoleCatalogueNodeType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) code!: string;
  @Field(() => ID, { nullable: true }) parentId!: string | null;

  static from(node: RoleCatalogueNode): RoleCatalogueNodeType {
    return Object.assign(new RoleCatalogueNodeType(), {
      id: node.id,
      name: node.name,
      code: node.code,
      parentId: node.parent?.id ?? null,
    });
  }
}
