import { Field, ID, Int, ObjectType } from 'type-graphql';
import type {
  ProvisioningState,
  RoleRequestItemOperation,
  RoleRequestItemState,
  RoleRequestState,
} from '../../domain/role-states.js';
import type { IdentityRole } from '../../entities/identity-role.entity.js';
import type { RoleRequest, RoleRequestItem } from '../../entities/role-request.entity.js';
import {
  ProvisioningStateEnum,
  RoleRequestItemOperationEnum,
  RoleRequestItemStateEnum,
  RoleRequestStateEnum,
} from '../enums.js';

@ObjectType('RoleRequestItem')
export class RoleRequestItemType {
  @Field(() => ID) id!: string;
  @Field(() => ID) roleId!: string;
  @Field(() => RoleRequestItemOperationEnum) operation!: RoleRequestItemOperation;
  @Field(() => RoleRequestItemStateEnum) state!: RoleRequestItemState;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => ProvisioningStateEnum, { description: 'Whether the change reached the directory' })
  provisioningState!: ProvisioningState;
  @Field(() => String, { nullable: true }) provisioningMessage!: string | null;

  static from(item: RoleRequestItem): RoleRequestItemType {
    return Object.assign(new RoleRequestItemType(), {
      id: item.id,
      roleId: item.role.id,
      operation: item.operation,
      state: item.state,
      error: item.error ?? null,
      provisioningState: item.provisioningState,
      provisioningMessage: item.provisioningMessage ?? null,
    });
  }
}

@ObjectType('RoleRequest', {
  description: 'All role changes of one identity from one run or one manual change',
})
export class RoleRequestType {
  @Field(() => ID) id!: string;
  @Field(() => ID) identityId!: string;
  @Field(() => RoleRequestStateEnum) state!: RoleRequestState;
  @Field(() => String) resultCode!: string;
  @Field(() => ID, { nullable: true }) createdByRunId!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) executedAt!: Date | null;
  @Field(() => [RoleRequestItemType]) items!: RoleRequestItemType[];

  static from(request: RoleRequest, items: RoleRequestItem[]): RoleRequestType {
    return Object.assign(new RoleRequestType(), {
      id: request.id,
      identityId: request.identity.id,
      state: request.state,
      resultCode: request.resultCode,
      createdByRunId: request.createdByRunId ?? null,
      createdAt: request.createdAt,
      executedAt: request.executedAt ?? null,
      items: items.map((item) => RoleRequestItemType.from(item)),
    });
  }
}

@ObjectType('RoleRequestPage')
export class RoleRequestPageType {
  @Field(() => Int) total!: number;
  @Field(() => [RoleRequestType]) items!: RoleRequestType[];
}

@ObjectType('IdentityRole', { description: 'A role held through a contract' })
export class IdentityRoleType {
  @Field(() => ID) id!: string;
  @Field(() => ID) roleId!: string;
  @Field(() => ID) contractId!: string;
  @Field(() => String, { description: 'SYNC or MANUAL' }) origin!: string;

  static from(assignment: IdentityRole): IdentityRoleType {
    return Object.assign(new IdentityRoleType(), {
      id: assignment.id,
      roleId: assignment.role.id,
      contractId: assignment.contract.id,
      origin: assignment.origin,
    });
  }
}
