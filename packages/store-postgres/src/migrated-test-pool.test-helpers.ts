/** A pool on a fresh, migrated schema for each test of a describeWithPostgres block (vitest). */
import type pg from 'pg';
import { afterEach, beforeEach } from 'vitest';
import { migratePostgresDatabase } from './migrate-postgres-database.js';
import { openPostgresPool } from './open-postgres-pool.js';
import type { TestSchemas } from './testing.js';

/**
 * @example
 * const schemas = useTestSchemas(connectionString);
 * const pool = useMigratedTestPool(connectionString, schemas);
 * it('...', async () => { createPostgresUserRepository(pool()); });
 */
export function useMigratedTestPool(connectionString: string, schemas: TestSchemas): () => pg.Pool {
  let pool: pg.Pool | undefined;
  beforeEach(async () => {
    const schema = schemas.reserveSchema();
    pool = openPostgresPool({ connectionString, schema });
    await migratePostgresDatabase(pool, { schema });
  });
  afterEach(async () => {
    await pool?.end();
    pool = undefined;
  });
  return () => {
    if (pool === undefined) throw new Error('The test pool exists only while a test runs.');
    return pool;
  };
}
