import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { DirectoryKind, TlsMode } from '../../domain/directory-kinds.js';
import type { Directory } from '../../entities/directory.entity.js';
import { DirectoryKindEnum, TlsModeEnum } from '../enums.js';

@ObjectType('Directory', {
  description: 'An LDAP directory Rolesync reads from. The bind password is write-only.',
})
export class DirectoryType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => DirectoryKindEnum) kind!: DirectoryKind;
  @Field(() => [String], { description: 'Tried in order; the next is used when a server is unreachable' })
  urls!: string[];
  @Field(() => TlsModeEnum) tlsMode!: TlsMode;
  @Field(() => String, { nullable: true }) caCertPem!: string | null;
  @Field(() => Boolean) verifyCertificate!: boolean;
  @Field(() => String, { nullable: true }) bindDn!: string | null;
  @Field(() => Boolean, {
    description: 'Whether a bind password is stored (the password itself is never returned)',
  })
  hasBindPassword!: boolean;
  @Field(() => Int) pageSize!: number;
  @Field(() => String, {
    nullable: true,
    description: "OpenLDAP's accesslog database, read for member deltas",
  })
  accessLogBaseDn!: string | null;
  @Field(() => Int, { description: 'Runs of this directory that may work at once' })
  maxConcurrentRuns!: number;
  @Field(() => Int, { description: 'LDAP connections per worker process' }) maxConnections!: number;
  @Field(() => Int) connectTimeoutMs!: number;
  @Field(() => Int) operationTimeoutMs!: number;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;

  static from(directory: Directory): DirectoryType {
    return Object.assign(new DirectoryType(), {
      id: directory.id,
      name: directory.name,
      kind: directory.kind,
      urls: directory.urls,
      tlsMode: directory.tlsMode,
      caCertPem: directory.caCertPem ?? null,
      verifyCertificate: directory.verifyCertificate,
      bindDn: directory.bindDn ?? null,
      hasBindPassword: directory.bindPasswordSealed != null,
      pageSize: directory.pageSize,
      accessLogBaseDn: directory.accessLogBaseDn ?? null,
      maxConcurrentRuns: directory.maxConcurrentRuns,
      maxConnections: directory.maxConnections,
      connectTimeoutMs: directory.connectTimeoutMs,
      operationTimeoutMs: directory.operationTimeoutMs,
      createdAt: directory.createdAt,
      updatedAt: directory.updatedAt,
    });
  }
}
