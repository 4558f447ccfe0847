import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  MANUAL_ROLE_REQUEST_RESULT_CODE,
  type RoleRequestItemOperation,
  type RoleRequestState,
} from '../domain/role-states.js';
import { Contract } from '../entities/contract.entity.js';
import { IdentityRole } from '../entities/identity-role.entity.js';
import { Identity } from '../entities/identity.entity.js';
import { RoleRequest, RoleRequestItem } from '../entities/role-request.entity.js';
import { Role } from '../entities/role.entity.js';
import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import type { TemporalHandle } from '../temporal/temporal-connection.js';
import type { roleRequestWorkflow } from '../workflows/role-request.workflow.js';
import { roleRequestWorkflowId } from '../workflows/workflow-ids.js';

export const REQUEST_PAGE_MAX = 500;

export interface RoleRequestFilter {
  identityId?: string | null;
  runId?: string | null;
  state?: RoleRequestState | null;
  resultCode?: string | null;
}

/**
 * Role requests: listing them, and the manual path, where assigning or removing a role creates a
 * request executed by a durable workflow that also provisions the membership to the directory.
 */
export class RoleRequestService {
  constructor(
    private readonly em: EntityManager,
    private readonly temporal: TemporalHandle,
  ) {}

  async list(
    filter: RoleRequestFilter,
    limit: number,
    offset: number,
  ): Promise<{ total: number; items: RoleRequest[] }> {
    const [items, total] = await this.em.findAndCount(
      RoleRequest,
      {
        ...(filter.identityId == null ? {} : { identity: filter.identityId }),
        ...(filter.runId == null ? {} : { createdByRunId: filter.runId }),
        ...(filter.state == null ? {} : { state: filter.state }),
        ...(filter.resultCode == null ? {} : { resultCode: filter.resultCode }),
      },
      { orderBy: { createdAt: 'desc', id: 'asc' }, limit: Math.min(limit, REQUEST_PAGE_MAX), offset },
    );
    return { total, items };
  }

  async get(id: string): Promise<RoleRequest> {
    const request = await this.em.findOne(RoleRequest, { id });
    if (request === null)
      throw new AppError(ErrorCode.NOT_FOUND, `Role request ${id} does not exist.`, { details: { id } });
    return request;
  }

  async itemsOf(requestIds: string[]): Promise<Map<string, RoleRequestItem[]>> {
    const items = await this.em.find(
      RoleRequestItem,
      { request: { $in: requestIds } },
      { orderBy: { id: 'asc' } },
    );
    const byRequest = new Map<string, RoleRequestItem[]>();
    for (const item of items)
      byRequest.set(item.request.id, [...(byRequest.get(item.request.id) ?? []), item]);
    return byRequest;
  }

  identityRoles(identityId: string): Promise<IdentityRole[]> {
    return this.em.find(IdentityRole, { identity: identityId }, { orderBy: { createdAt: 'asc' } });
  }

  /** Creates a one-item request (to the identity's primary contract) and starts its workflow. */
  async request(
    identityId: string,
    roleId: string,
    operation: RoleRequestItemOperation,
  ): Promise<RoleRequest> {
    const identity = await this.em.findOne(Identity, { id: identityId });
    if (identity === null)
      throw new AppError(ErrorCode.NOT_FOUND, `Identity ${identityId} does not exist.`, {
        details: { field: 'identityId' },
      });
    const request = await this.em.transactional(async (em) => {
      // role_request_item has no foreign keys (see its entity): the role is locked until the item is in.
      const role = await em.findOne(Role, { id: roleId }, { lockMode: LockMode.PESSIMISTIC_READ });
      if (role === null)
        throw new AppError(ErrorCode.NOT_FOUND, `Role ${roleId} does not exist.`, {
          details: { field: 'roleId' },
        });
      if (operation === 'ADD' && (await em.count(Contract, { identity: identityId, primary: true })) === 0) {
        throw new AppError(
          ErrorCode.BAD_USER_INPUT,
          `Identity ${identity.login} has no primary contract to assign the role to.`,
          {
            details: { field: 'identityId' },
          },
        );
      }
      const created = em.create(RoleRequest, { identity, resultCode: MANUAL_ROLE_REQUEST_RESULT_CODE });
      em.create(RoleRequestItem, {
        request: created,
        role,
        operation,
        provisioningState:
          role.memberDirectory != null && role.roleMembershipId != null ? 'PENDING' : 'NOT_NEEDED',
      });
      return created;
    });
    try {
      await this.temporal.client.workflow.start<typeof roleRequestWorkflow>('roleRequestWorkflow', {
        taskQueue: this.temporal.taskQueue,
        workflowId: roleRequestWorkflowId(request.id),
        args: [{ requestId: request.id }],
      });
    } catch (error) {
      await this.em.nativeDelete(RoleRequest, { id: request.id });
      throw new AppError(
        ErrorCode.TEMPORAL_UNAVAILABLE,
        'The role request could not be started: Temporal is unreachable.',
        {
          cause: error,
        },
      );
    }
    return request;
  }
}
