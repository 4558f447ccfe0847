import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { GroupMapping } from '../../entities/group-mapping.entity.js';
import type { LdapGroupView } from '../../services/group-mapping.service.js';

@ObjectType('GroupMapping', { description: 'One LDAP group (by DN) mapped to one application group' })
export class GroupMappingType {
  @Field(() => String) ldapGroupDn!: string;
  @Field(() => String, { description: 'The DN in canonical form, as compared' }) ldapGroupDnNorm!: string;
  @Field(() => ID) appGroupId!: string;

  static from(mapping: GroupMapping): GroupMappingType {
    return Object.assign(new GroupMappingType(), {
      ldapGroupDn: mapping.ldapGroupDn,
      ldapGroupDnNorm: mapping.ldapGroupDnNorm,
      appGroupId: mapping.appGroup.id,
    });
  }
}

@ObjectType('LdapGroup', { description: "A group the config's newest run found, with its mappings" })
export class LdapGroupType {
  @Field(() => String) dn!: string;
  @Field(() => String) dnNorm!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => Int, { description: 'Direct member values' }) memberCount!: number;
  @Field(() => [ID]) mappedAppGroupIds!: string[];

  static from(view: LdapGroupView): LdapGroupType {
    return Object.assign(new LdapGroupType(), {
      dn: view.dn,
      dnNorm: view.dnNorm,
      name: view.name,
      memberCount: view.memberCount,
      mappedAppGroupIds: view.appGroupIds,
    });
  }
}
