import { IsOptional, ArrayMaxSize, ArrayMinSize, IsInt, Length, Max, MaxLength, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import type { DirectoryKind, TlsMode } from '../../domain/directory-kinds.js';
import { DirectoryKindEnum, TlsModeEnum } from '../enums.js';

export const PAGE_SIZE_MAX = 10_000;
/** Upper bound of the per-directory run and connection limits. */
const LIMIT_MAX = 100;
const ACCESS_LOG_DESCRIPTION =
  "OpenLDAP's accesslog database (e.g. cn=accesslog), readable by the bind DN: incremental runs take " +
  'the member values groups gained and lost from it instead of reading changed groups whole';

@InputType({ description: 'A new directory. Omitted settings take their defaults.' })
export class CreateDirectoryInput {
  @Field(() => String) @Length(1, 200) name!: string;
  @Field(() => DirectoryKindEnum) kind!: DirectoryKind;
  @Field(() => [String]) @ArrayMinSize(1) @ArrayMaxSize(10) urls!: string[];
  @Field(() => TlsModeEnum, { defaultValue: 'STARTTLS' }) tlsMode!: TlsMode;
  @IsOptional() @Field(() => String, { nullable: true }) @MaxLength(100_000) caCertPem?: string | null;
  @Field(() => Boolean, { defaultValue: true }) verifyCertificate!: boolean;
  @IsOptional() @Field(() => String, { nullable: true }) @MaxLength(2000) bindDn?: string | null;
  @IsOptional()
  @Field(() => String, { nullable: true, description: 'Write-only; stored encrypted' })
  @MaxLength(1000)
  bindPassword?: string | null;
  @Field(() => Int, { defaultValue: 1000 }) @IsInt() @Min(1) @Max(PAGE_SIZE_MAX) pageSize!: number;
  @IsOptional()
  @Field(() => String, { nullable: true, description: ACCESS_LOG_DESCRIPTION })
  @MaxLength(2000)
  accessLogBaseDn?: string | null;
  @Field(() => Int, { defaultValue: 10_000 }) @IsInt() @Min(100) @Max(600_000) connectTimeoutMs!: number;
  @Field(() => Int, { defaultValue: 120_000 }) @IsInt() @Min(100) @Max(3_600_000) operationTimeoutMs!: number;
  @Field(() => Int, {
    defaultValue: 2,
    description: 'Runs of this directory that may work at once (the others wait, QUEUED)',
  })
  @IsInt()
  @Min(1)
  @Max(LIMIT_MAX)
  maxConcurrentRuns!: number;
  @Field(() => Int, { defaultValue: 4, description: 'LDAP connections to this directory per worker process' })
  @IsInt()
  @Min(1)
  @Max(LIMIT_MAX)
  maxConnections!: number;
}

@InputType({
  description: 'Changes to a directory; omitted fields keep their value. bindPassword null removes it.',
})
export class UpdateDirectoryInput {
  @IsOptional() @Field(() => String, { nullable: true }) @Length(1, 200) name?: string;
  @Field(() => DirectoryKindEnum, { nullable: true }) kind?: DirectoryKind;
  @IsOptional() @Field(() => [String], { nullable: true }) @ArrayMinSize(1) @ArrayMaxSize(10) urls?: string[];
  @Field(() => TlsModeEnum, { nullable: true }) tlsMode?: TlsMode;
  @IsOptional() @Field(() => String, { nullable: true }) @MaxLength(100_000) caCertPem?: string | null;
  @Field(() => Boolean, { nullable: true }) verifyCertificate?: boolean;
  @IsOptional() @Field(() => String, { nullable: true }) @MaxLength(2000) bindDn?: string | null;
  @IsOptional() @Field(() => String, { nullable: true }) @MaxLength(1000) bindPassword?: string | null;
  @IsOptional() @Field(() => Int, { nullable: true }) @IsInt() @Min(1) @Max(PAGE_SIZE_MAX) pageSize?: number;
  @IsOptional()
  @Field(() => String, { nullable: true, description: ACCESS_LOG_DESCRIPTION })
  @MaxLength(2000)
  accessLogBaseDn?: string | null;
  @IsOptional()
  @Field(() => Int, { nullable: true })
  @IsInt()
  @Min(100)
  @Max(600_000)
  connectTimeoutMs?: number;
  @IsOptional()
  @Field(() => Int, { nullable: true })
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  operationTimeoutMs?: number;
  @IsOptional()
  @Field(() => Int, { nullable: true })
  @IsInt()
  @Min(1)
  @Max(LIMIT_MAX)
  maxConcurrentRuns?: number;
  @IsOptional()
  @Field(() => Int, { nullable: true })
  @IsInt()
  @Min(1)
  @Max(LIMIT_MAX)
  maxConnections?: number;
}
