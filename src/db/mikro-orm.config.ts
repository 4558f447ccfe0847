import { defineConfig } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ENTITY_SCHEMAS } from '../entities/index.js';
import { MIGRATIONS } from '../migrations/index.js';

/** The one ORM configuration; the connection URL comes from the validated app config. */
export function createOrmConfig(clientUrl: string) {
  return defineConfig({
    clientUrl,
    entities: ENTITY_SCHEMAS,
    extensions: [Migrator],
    // Migrations are listed explicitly so that the same code runs from src (tests) and dist.
    migrations: {
      migrationsList: MIGRATIONS,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    // Staged group member values have no key (migration 20261207180000), which an entity must have:
    // the table is described by its migrations alone, and schema diffs leave it out.
    schemaGenerator: { skipTables: ['staged_group_member'] },
    pool: { min: 0, max: 10 },
    debug: false,
    allowGlobalContext: false,
  });
}
