import type pg from 'pg';

const ignore = (): void => undefined;

/**
 * Runs fn in one transaction on one pooled connection; rolls back on any error. A connection that failed
 * (e.g. terminated by the server) is destroyed instead of going back to the pool, and its late 'error'
 * event is absorbed here: the failed query already reported it.
 */
export async function withTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  client.on('error', ignore);
  let failed = false;
  try {
    await client.query('begin');
    const result = await fn(client);
    await client.query('commit');
    return result;
  } catch (error) {
    failed = true;
    await client.query('rollback').catch(ignore);
    throw error;
  } finally {
    client.off('error', ignore);
    client.release(failed);
  }
}
