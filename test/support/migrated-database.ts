import { afterAll, beforeAll, inject } from 'vitest';

import { migrateDatabase, openDatabase, type Database } from '../../src/db/database.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/**
 * A fresh database with Rolesync's schema for the calling describe block: created and migrated before
 * its tests, dropped after them. Returns the accessor its tests (and their beforeAll hooks) call.
 */
export function useMigratedDatabase(): () => Database {
  let testDatabase: TestDatabase | undefined;
  let database: Database | undefined;
  beforeAll(async () => {
    testDatabase = await createTestDatabase(inject('servers').databaseUrl);
    database = await openDatabase(testDatabase.url);
    await migrateDatabase(database);
  });
  afterAll(async () => {
    await database?.close();
    await testDatabase?.drop();
  });
  return () => {
    if (database === undefined) throw new Error('the migrated test database is not open yet');
    return database;
  };
}
