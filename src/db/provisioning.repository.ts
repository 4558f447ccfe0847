import type pg from 'pg';
import type { ProvisioningState, RoleRequestItemOperation } from '../domain/role-states.js';
import { primaryContractOf } from './primary-contract.js';

/** One request item that still has to reach the directory, with what provisioning needs to decide. */
export interface PendingProvisioning {
  itemId: string;
  operation: RoleRequestItemOperation;
  memberDirectoryId: string;
  memberAttribute: string;
  groupDn: string;
  forwardProvisioning: boolean;
  skipValueIfContractExcluded: boolean;
  login: string;
  identityDn: string | null;
  identityDirectoryId: string | null;
  contractExcluded: boolean;
  contractValidFrom: Date | null;
}

export class ProvisioningRepository {
  constructor(private readonly pool: pg.Pool) {}

  async pending(requestId: string): Promise<PendingProvisioning[]> {
    const result = await this.pool.query<PendingProvisioning>(
      `select it.id as "itemId", it.operation, r.member_directory_id as "memberDirectoryId", r.member_attribute as "memberAttribute",
              r.role_membership_id as "groupDn", r.forward_provisioning as "forwardProvisioning",
              r.skip_value_if_contract_excluded as "skipValueIfContractExcluded", i.login, i.dn as "identityDn",
              i.source_directory_id as "identityDirectoryId", coalesce(c.excluded, false) as "contractExcluded",
              c.valid_from as "contractValidFrom"
       from role_request_item it
       join role_request rr on rr.id = it.request_id
       join role r on r.id = it.role_id
       join identity i on i.id = rr.identity_id
       left join ${primaryContractOf('i.id', 'excluded, valid_from')} c on true
       where it.request_id = $1 and it.provisioning_state = 'PENDING'
         and r.member_directory_id is not null and r.role_membership_id is not null and r.member_attribute is not null`,
      [requestId],
    );
    return result.rows;
  }

  async setState(itemId: string, state: ProvisioningState, message: string | null): Promise<void> {
    await this.pool.query(
      'update role_request_item set provisioning_state = $2, provisioning_message = $3 where id = $1',
      [itemId, state, message],
    );
  }

  /** After retries ran out: whatever is still pending failed, with the reason. */
  async failPending(requestId: string, message: string): Promise<void> {
    await this.pool.query(
      `update role_request_item set provisioning_state = 'FAILED', provisioning_message = $2
       where request_id = $1 and provisioning_state = 'PENDING'`,
      [requestId, message],
    );
  }
}
