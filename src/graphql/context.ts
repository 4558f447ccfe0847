import type { EntityManager } from '@mikro-orm/postgresql';
import type { Database } from '../db/database.js';
import type { Logger } from '../logging/logger.js';
import type { SecretBox } from '../secrets/secret-box.js';
import type { RunProgressHub } from './progress/run-progress-hub.js';
import { ApiTokenService, type Principal } from '../services/api-token.service.js';
import { AppGroupService } from '../services/app-group.service.js';
import { ContractService } from '../services/contract.service.js';
import { RoleRequestService } from '../services/role-request.service.js';
import { RoleService } from '../services/role.service.js';
import { GroupMappingService } from '../services/group-mapping.service.js';
import { IdentityService } from '../services/identity.service.js';
import { RunInspectionService } from '../services/run-inspection.service.js';
import { DirectoryProbeService } from '../services/directory-probe.service.js';
import { DirectoryService } from '../services/directory.service.js';
import { SyncConfigService } from '../services/sync-config.service.js';
import { SyncRunService } from '../services/sync-run.service.js';
import { SyncScheduler } from '../services/sync-scheduler.js';
import type { TemporalHandle } from '../temporal/temporal-connection.js';

/** Process-wide dependencies of the API. */
export interface ApiDeps {
  database: Database;
  progressHub: RunProgressHub;
  temporal: TemporalHandle;
  secrets: SecretBox;
  logger: Logger;
}

/** The one context type of every resolver, over HTTP and WebSocket alike. */
export interface GraphQLContext {
  /** The caller, from its API token; null when none or an invalid one was presented. */
  principal: Principal | null;
  em: EntityManager;
  logger: Logger;
  directories: DirectoryService;
  appGroups: AppGroupService;
  mappings: GroupMappingService;
  identities: IdentityService;
  inspection: RunInspectionService;
  roles: RoleService;
  contracts: ContractService;
  roleRequests: RoleRequestService;
  syncConfigs: SyncConfigService;
  syncRuns: SyncRunService;
  probe: DirectoryProbeService;
  apiTokens: ApiTokenService;
  progressHub: RunProgressHub;
}

/**
 * A fresh EntityManager fork and services per request (no identity map is shared between requests),
 * and the caller authenticated from the presented token on every request, so revocation acts at once.
 */
export async function createContext(deps: ApiDeps, presentedToken: string | null): Promise<GraphQLContext> {
  const em = deps.database.orm.em.fork();
  const apiTokens = new ApiTokenService(em);
  return {
    principal: await apiTokens.authenticate(presentedToken),
    apiTokens,
    progressHub: deps.progressHub,
    em,
    logger: deps.logger,
    directories: new DirectoryService(em, deps.secrets),
    appGroups: new AppGroupService(em),
    mappings: new GroupMappingService(em, deps.secrets),
    identities: new IdentityService(em),
    inspection: new RunInspectionService(em),
    roles: new RoleService(em),
    contracts: new ContractService(em),
    roleRequests: new RoleRequestService(em, deps.temporal),
    syncConfigs: new SyncConfigService(em, new SyncScheduler(deps.temporal)),
    syncRuns: new SyncRunService(em, deps.temporal),
    probe: new DirectoryProbeService(deps.secrets),
  };
}
