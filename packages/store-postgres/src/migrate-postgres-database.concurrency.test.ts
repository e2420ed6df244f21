import type pg from 'pg';
import { expect, it } from 'vitest';
import { migratePostgresDatabase } from './migrate-postgres-database.js';
import { postgresMigrations } from './migrations/postgres-migrations.js';
import { openPostgresPool } from './open-postgres-pool.js';
import type { PostgresMigration } from './postgres-migration.js';
import { describeWithPostgres, findTestPostgres, useTestSchemas } from './testing.js';

// Each migrator has its own pool, so its own server sessions: to PostgreSQL's advisory locks (which belong to a
// session) they are as separate as gateway processes, and their statements really interleave on the server.
const migratorCount = 6;
const rounds = 10;

/** Opens one pool per migrator and a first connection in each, so that their migrate() calls start together. */
async function openMigrators(connectionString: string, schema: string): Promise<pg.Pool[]> {
  const pools = Array.from({ length: migratorCount }, () => openPostgresPool({ connectionString, schema }));
  await Promise.all(pools.map(async (pool) => (await pool.connect()).release()));
  return pools;
}

const postgres = await findTestPostgres();

describeWithPostgres(
  postgres,
  'migratePostgresDatabase from several processes at once',
  (connectionString) => {
    const schemas = useTestSchemas(connectionString);

    it('applies each migration exactly once when instances migrate one new schema together', async () => {
      const versions = postgresMigrations.map((migration) => migration.version);

      for (let round = 0; round < rounds; round += 1) {
        const schema = schemas.reserveSchema();
        const pools = await openMigrators(connectionString, schema);
        try {
          const appliedByMigrator = await Promise.all(
            pools.map((pool) => migratePostgresDatabase(pool, { schema })),
          );

          expect(appliedByMigrator.flat().sort((a, b) => a - b)).toEqual(versions);
          const { rows } = await (pools[0] as pg.Pool).query<{ version: number }>(
            'SELECT version FROM schema_migrations ORDER BY version',
          );
          expect(rows.map((row) => row.version)).toEqual(versions);
          expect(await migratePostgresDatabase(pools[0] as pg.Pool, { schema })).toEqual([]);
        } finally {
          await Promise.all(pools.map((pool) => pool.end()));
        }
      }
    });

    it('makes the others wait while one applies a slow migration, instead of applying it again', async () => {
      // Without the lock every migrator would find version 1 missing during the 200 ms sleep, and all but one would
      // fail on the duplicate table (or insert the version twice).
      const slow: PostgresMigration = {
        version: 1,
        name: 'slow-widgets',
        sql: 'SELECT pg_sleep(0.2); CREATE TABLE widgets (id TEXT);',
      };
      const schema = schemas.reserveSchema();
      const pools = await openMigrators(connectionString, schema);
      try {
        const appliedByMigrator = await Promise.all(
          pools.map((pool) => migratePostgresDatabase(pool, { schema, migrations: [slow] })),
        );

        expect(appliedByMigrator.flat()).toEqual([1]);
        expect(appliedByMigrator.filter((applied) => applied.length === 0)).toHaveLength(migratorCount - 1);
      } finally {
        await Promise.all(pools.map((pool) => pool.end()));
      }
    });
  },
);
