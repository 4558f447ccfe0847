import { Field, Int, ObjectType } from 'type-graphql';
import type { ConnectionTestResult } from '../../services/directory-probe.service.js';

@ObjectType('DirectoryConnectionTest', {
  description: 'Result of binding to a directory and reading its root DSE',
})
export class DirectoryConnectionTestType {
  @Field(() => String, { description: 'The URL that answered (after failover)' }) connectedUrl!: string;
  @Field(() => String, { description: 'ACTIVE_DIRECTORY, OPENLDAP, FREEIPA, 389DS or UNKNOWN' })
  serverType!: string;
  @Field(() => String, { nullable: true }) vendorName!: string | null;
  @Field(() => String, { nullable: true }) vendorVersion!: string | null;
  @Field(() => [String]) namingContexts!: string[];
  @Field(() => String, { nullable: true }) defaultNamingContext!: string | null;
  @Field(() => [String]) supportedControls!: string[];
  @Field(() => [String]) supportedExtensions!: string[];
  @Field(() => [Int]) supportedLdapVersions!: number[];
  @Field(() => Boolean, { description: 'Whether the server offers RFC 2696 paged results' })
  supportsPaging!: boolean;

  static from(result: ConnectionTestResult): DirectoryConnectionTestType {
    const dse = result.rootDse;
    return Object.assign(new DirectoryConnectionTestType(), {
      connectedUrl: result.connectedUrl,
      serverType: dse.serverType,
      vendorName: dse.vendorName ?? null,
      vendorVersion: dse.vendorVersion ?? null,
      namingContexts: dse.namingContexts,
      defaultNamingContext: dse.defaultNamingContext ?? null,
      supportedControls: dse.supportedControls,
      supportedExtensions: dse.supportedExtensions,
      supportedLdapVersions: dse.supportedLdapVersions,
      supportsPaging: dse.supportedControls.includes('1.2.840.113556.1.4.319'),
    });
  }
}
