import type { Database } from '../db/database.js';
import type { Logger } from '../logging/logger.js';
import type { SecretBox } from '../secrets/secret-box.js';

/** What activities need from the process; built once by the worker. */
export interface ActivityDeps {
  database: Database;
  secrets: SecretBox;
  logger: Logger;
}
