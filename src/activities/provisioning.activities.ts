import { Directory } from '../entities/directory.entity.js';
import { ProvisioningRepository, type PendingProvisioning } from '../db/provisioning.repository.js';
import { RoleRequestRepository } from '../db/role-request.repository.js';
import { AppError, isAppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import { escapeFilterValue, type LdapSession } from '../ldap/index.js';
import { withLdapSession } from '../services/directory-connection.js';
import type { ActivityDeps } from './activity-deps.js';

export interface RequestInput {
  requestId: string;
}

/** Why an item contributes no value to the directory, or null when it does. */
function skipReason(item: PendingProvisioning, now: Date): string | null {
  if (item.operation === 'REMOVE') return null;
  if (item.contractExcluded && item.skipValueIfContractExcluded)
    return 'The contract is excluded and the role skips excluded contracts.';
  if (item.contractValidFrom !== null && item.contractValidFrom > now && !item.forwardProvisioning) {
    return 'The contract starts in the future and forward provisioning is off.';
  }
  return null;
}

/** The identity's account DN on the member system: its own DN when it comes from there, else found by login. */
async function accountDn(session: LdapSession, item: PendingProvisioning): Promise<string> {
  if (item.identityDn !== null && item.identityDirectoryId === item.memberDirectoryId) return item.identityDn;
  const rootDse = await session.readRootDse();
  const base = rootDse.defaultNamingContext ?? rootDse.namingContexts[0] ?? '';
  const login = escapeFilterValue(item.login);
  for await (const page of session.pagedSearch({
    baseDn: base,
    scope: 'sub',
    filter: `(|(uid=${login})(sAMAccountName=${login}))`,
    attributes: ['1.1'],
    pageSize: 2,
  })) {
    const [entry] = page;
    if (entry !== undefined) return entry.dn;
  }
  throw new AppError(ErrorCode.NO_SUCH_OBJECT, `No account for ${item.login} on the member system.`);
}

/** Manual role requests: execute, then provision the membership to the directory. */
export function createProvisioningActivities(deps: ActivityDeps) {
  const requests = new RoleRequestRepository(deps.database.pool);
  const provisioning = new ProvisioningRepository(deps.database.pool);

  return {
    async executeRoleRequest({ requestId }: RequestInput): Promise<void> {
      await requests.executeRequests([requestId], 'MANUAL', null);
    },

    /**
     * Adds or removes the identity's account DN on each role's group. Idempotent (modifyMembers accepts
     * a value already there or already gone); unreachable servers throw so the activity is retried.
     */
    async provisionRoleRequest({ requestId }: RequestInput): Promise<void> {
      const items = await provisioning.pending(requestId);
      const now = new Date();
      for (const item of items) {
        const reason = skipReason(item, now);
        if (reason !== null) {
          await provisioning.setState(item.itemId, 'SKIPPED', reason);
          continue;
        }
        const directory = await deps.database.orm.em
          .fork()
          .findOneOrFail(Directory, { id: item.memberDirectoryId });
        try {
          await withLdapSession(directory, deps.secrets, async (session) => {
            const dn = await accountDn(session, item);
            await session.modifyMembers(
              item.groupDn,
              item.memberAttribute,
              item.operation === 'ADD' ? [dn] : [],
              item.operation === 'REMOVE' ? [dn] : [],
            );
          });
          await provisioning.setState(
            item.itemId,
            'PROVISIONED',
            `${item.operation === 'ADD' ? 'Added to' : 'Removed from'} ${item.groupDn}`,
          );
        } catch (error) {
          if (isAppError(error) && !error.retryable) {
            await provisioning.setState(item.itemId, 'FAILED', `${error.code}: ${error.message}`);
            continue;
          }
          throw error;
        }
      }
    },

    async failProvisioning({ requestId, message }: RequestInput & { message: string }): Promise<void> {
      await provisioning.failPending(requestId, message);
    },
  };
}
