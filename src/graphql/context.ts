import type { EntityManager } from '@mikro-orm/postgresql';
import type { Database } from '../db/database.js';
import type { Logger } from '../logging/logger.js';
import type { SecretBox } from '../secrets/secret-box.js';
import { DirectoryProbeService } from '../services/directory-probe.service.js';
import { DirectoryService } from '../services/directory.service.js';
import { SyncConfigService } from '../services/sync-config.service.js';
import { SyncRunService } from '../services/sync-run.service.js';
import type { TemporalHandle } from '../temporal/temporal-connection.js';

/** Process-wide dependencies of the API. */
export interface ApiDeps {
  database: Database;
  temporal: TemporalHandle;
  secrets: SecretBox;
  logger: Logger;
}

/** The one context type of every resolver, over HTTP and WebSocket alike. */
export interface GraphQLContext {
  em: EntityManager;
  logger: Logger;
  directories: DirectoryService;
  syncConfigs: SyncConfigService;
  syncRuns: SyncRunService;
  probe: DirectoryProbeService;
}

/** A fresh EntityManager fork and services per request: no identity map is shared between requests. */
export function createContext(deps: ApiDeps): GraphQLContext {
  const em = deps.database.orm.em.fork();
  return {
    em,
    logger: deps.logger,
    directories: new DirectoryService(em, deps.secrets),
    syncConfigs: new SyncConfigService(em),
    syncRuns: new SyncRunService(em, deps.temporal),
    probe: new DirectoryProbeService(deps.secrets),
  };
}
