/** Runs work on one pooled connection inside a transaction, so that a read-decide-write is atomic. */
import type pg from 'pg';

/**
 * Takes a connection from `pool`, runs `work` between `BEGIN` and `COMMIT` (READ COMMITTED), and rolls back when
 * `work` throws. A connection that cannot even roll back is closed instead of being returned to the pool
 * mid-transaction.
 *
 * @example
 * const user = await withPostgresTransaction(pool, async (client) => {
 *   await client.query('SELECT pg_advisory_xact_lock($1)', [key]);
 *   return (await client.query('SELECT ...')).rows[0];
 * });
 */
export async function withPostgresTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let unusable: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      unusable = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    client.release(unusable);
  }
}
