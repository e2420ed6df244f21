/** Applies pending schema migrations to a PostgreSQL database, safely when several gateway instances start at once. */
import type pg from 'pg';
import { checkPostgresSchemaName } from './check-postgres-schema-name.js';
import { postgresMigrations } from './migrations/postgres-migrations.js';
import type { PostgresMigration } from './postgres-migration.js';
import { withPostgresTransaction } from './with-postgres-transaction.js';

/**
 * The advisory lock every Tollgate migrator takes ("toll" in ASCII). One key per database: migrations are rare and
 * short, and one key also covers stores that reach their schema through the URL's own `search_path`.
 */
export const POSTGRES_MIGRATION_LOCK_KEY = 0x746f6c6c;

const createMigrationsTable = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
  )
`;

export interface MigratePostgresOptions {
  /** The schema the pool's connections are confined to; created when missing. */
  readonly schema?: string;
  readonly migrations?: readonly PostgresMigration[];
}

/**
 * Brings the schema up to the newest migration and returns the versions this call applied (empty when it was
 * already current). Every step runs in a transaction that first takes a transaction-scoped advisory lock, so
 * migrators on other connections and in other processes wait for each other; each migration is re-checked once the
 * lock is held, so exactly one of them applies it. A failing migration rolls back whole (PostgreSQL's DDL is
 * transactional) and leaves the ones before it applied. Refuses a schema newer than the migrations it knows.
 *
 * @example
 * const applied = await migratePostgresDatabase(pool, { schema: 'tollgate' }); // [1] the first time
 */
export async function migratePostgresDatabase(
  pool: pg.Pool,
  { schema, migrations = postgresMigrations }: MigratePostgresOptions = {},
): Promise<number[]> {
  assertStrictlyIncreasing(migrations);
  const latestKnown = migrations.at(-1)?.version ?? 0;

  const alreadyApplied = await inMigrationTransaction(pool, async (client) => {
    // `IF NOT EXISTS` alone is not safe against a concurrent creator; the lock makes it so.
    if (schema !== undefined)
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${checkPostgresSchemaName(schema)}`);
    await client.query(createMigrationsTable);
    return readAppliedVersions(client);
  });
  const newestApplied = Math.max(0, ...alreadyApplied);
  if (newestApplied > latestKnown) {
    throw new Error(
      `The PostgreSQL ${schema === undefined ? 'database' : `schema ${schema}`} has schema version ` +
        `${newestApplied}, newer than the newest this version of Tollgate knows (${latestKnown}). Upgrade ` +
        'Tollgate, or point it at another database.',
    );
  }

  const applied: number[] = [];
  for (const migration of migrations) {
    if (alreadyApplied.has(migration.version)) continue;
    try {
      const appliedHere = await inMigrationTransaction(pool, async (client) => {
        // Another instance may have applied it between our first read and taking the lock.
        if ((await readAppliedVersions(client)).has(migration.version)) return false;
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version]);
        return true;
      });
      if (appliedHere) applied.push(migration.version);
    } catch (error) {
      throw new Error(
        `PostgreSQL migration ${migration.version} (${migration.name}) failed: ${messageOf(error)}`,
        { cause: error },
      );
    }
  }
  return applied;
}

/** A transaction that first takes the migration lock; PostgreSQL releases it when the transaction ends. */
function inMigrationTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return withPostgresTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [POSTGRES_MIGRATION_LOCK_KEY]);
    return work(client);
  });
}

async function readAppliedVersions(client: pg.PoolClient): Promise<Set<number>> {
  const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
  return new Set(rows.map((row) => row.version));
}

function assertStrictlyIncreasing(migrations: readonly PostgresMigration[]): void {
  let previous = 0;
  for (const migration of migrations) {
    if (!Number.isInteger(migration.version) || migration.version <= previous) {
      throw new Error(
        `PostgreSQL migrations must have positive, strictly increasing integer versions; ` +
          `${migration.version} (${migration.name}) follows ${previous}.`,
      );
    }
    previous = migration.version;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
