import { ArrayMaxSize, IsInt, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { SearchScope } from '../../domain/directory-kinds.js';
import { PREVIEW_LIMIT_MAX } from '../../services/directory-probe.service.js';
import { SearchScopeEnum } from '../enums.js';

@InputType({
  description: "A query to try against a directory, as a config's Users or Groups tab would run it",
})
export class PreviewLdapQueryInput {
  @Field(() => ID) directoryId!: string;
  @Field(() => String) @MaxLength(2000) baseDn!: string;
  @Field(() => SearchScopeEnum, { defaultValue: 'SUB' }) scope!: SearchScope;
  @Field(() => String, { defaultValue: '(objectClass=*)' }) @MaxLength(10_000) filter!: string;
  @Field(() => [String], { defaultValue: [] }) @ArrayMaxSize(50) attributes!: string[];
  @Field(() => Int, { defaultValue: 20 }) @IsInt() @Min(1) @Max(PREVIEW_LIMIT_MAX) limit!: number;
}
