import type { Database } from '../db/database.js';
import type { Logger } from '../logging/logger.js';
import type { SecretBox } from '../secrets/secret-box.js';

/**
 * Points where tests inject a failure into a real activity (a crash mid-phase), to prove a retry
 * finishes the work exactly once. Production passes none.
 */
export interface FaultHooks {
  /** Called after each batch of role requests was executed and committed; throwing crashes the attempt there. */
  afterRoleRequestBatch?(runId: string, batchIndex: number): void;
}

/** What activities need from the process; built once by the worker. */
export interface ActivityDeps {
  database: Database;
  secrets: SecretBox;
  logger: Logger;
  faults?: FaultHooks;
}
