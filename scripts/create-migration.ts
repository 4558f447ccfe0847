// Generates a migration from the difference between the entities and a fresh database built from the
// committed migrations. Usage: npm run migration:create -- <name>   (needs a PostgreSQL to diff against)
import { MikroORM } from '@mikro-orm/postgresql';
import { createOrmConfig } from '../src/db/mikro-orm.config.js';

const url = process.env.MIGRATION_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/rolesync_migrations';
const name = process.argv[2];
const admin = await MikroORM.init(createOrmConfig(url.replace(/\/[^/]*$/, '/postgres')));
const database = new URL(url).pathname.slice(1);
await admin.em.getConnection().execute(`drop database if exists "${database}" with (force)`);
await admin.em.getConnection().execute(`create database "${database}"`);
await admin.close();
const orm = await MikroORM.init({
  ...createOrmConfig(url),
  migrations: {
    ...createOrmConfig(url).migrations,
    path: 'src/migrations',
    emit: 'ts',
    fileName: (ts: string, n?: string) => `migration-${ts}${n ? `-${n}` : ''}`,
  },
});
await orm.migrator.up();
const result = await orm.migrator.create(undefined, false, false, name);
console.log(result.fileName ? `created ${result.fileName}` : 'no changes');
await orm.close();
