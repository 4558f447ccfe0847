import { Field, ObjectType } from 'type-graphql';
import type { LdapEntry } from '../../ldap/index.js';

@ObjectType('LdapAttribute')
export class LdapAttributeType {
  @Field(() => String) name!: string;
  @Field(() => [String]) values!: string[];
}

@ObjectType('LdapEntry', { description: 'A directory entry as read, for previews' })
export class LdapEntryType {
  @Field(() => String) dn!: string;
  @Field(() => [LdapAttributeType]) attributes!: LdapAttributeType[];

  static from(entry: LdapEntry): LdapEntryType {
    return Object.assign(new LdapEntryType(), {
      dn: entry.dn,
      attributes: Object.entries(entry.attributes).map(([name, values]) =>
        Object.assign(new LdapAttributeType(), { name, values }),
      ),
    });
  }
}
