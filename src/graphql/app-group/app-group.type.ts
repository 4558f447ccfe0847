import { Field, ID, ObjectType } from 'type-graphql';
import type { AppGroup } from '../../entities/app-group.entity.js';

@ObjectType('AppGroup', { description: 'A group of the application' })
export class AppGroupType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Date) createdAt!: Date;

  static from(group: AppGroup): AppGroupType {
    return Object.assign(new AppGroupType(), {
      id: group.id,
      name: group.name,
      description: group.description ?? null,
      createdAt: group.createdAt,
    });
  }
}
