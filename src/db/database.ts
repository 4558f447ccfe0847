import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import { createOrmConfig } from './mikro-orm.config.js';

/**
 * The ORM (model, CRUD, migrations) and a plain pg pool for set-based bulk SQL. One per process;
 * request handlers and activities fork an EntityManager, never use the global one.
 */
export interface Database {
  orm: Orm;
  pool: pg.Pool;
  close(): Promise<void>;
}

function initOrm(url: string) {
  return MikroORM.init(createOrmConfig(url));
}

/** The ORM as configured here, with its entity types. */
export type Orm = Awaited<ReturnType<typeof initOrm>>;

export async function openDatabase(url: string): Promise<Database> {
  const unavailable = (error: unknown): AppError =>
    new AppError(ErrorCode.DATABASE_UNAVAILABLE, `Cannot connect to PostgreSQL at ${redactUrl(url)}.`, {
      cause: error,
    });
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => undefined);
  // The ORM connects lazily: check now, so that a wrong URL fails start-up with a clear message.
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end();
    throw unavailable(error);
  }
  const orm = await initOrm(url).catch(async (error: unknown) => {
    await pool.end();
    throw unavailable(error);
  });
  return {
    orm,
    pool,
    async close() {
      await pool.end();
      await orm.close(true);
    },
  };
}

/** Applies pending migrations; an advisory lock makes concurrent replicas wait for each other. */
export async function migrateDatabase(database: Database): Promise<string[]> {
  const lock = await database.pool.connect();
  try {
    await lock.query(`select pg_advisory_lock(hashtext('rolesync:migrate'))`);
    const applied = await database.orm.migrator.up();
    return applied.map((migration) => migration.name);
  } finally {
    await lock.query(`select pg_advisory_unlock(hashtext('rolesync:migrate'))`).catch(() => undefined);
    lock.release();
  }
}

/** A URL fit for messages: the password is replaced. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable url>';
  }
}
