/** @tollgate/store-postgres: the scale-out store, for many gateway instances sharing one PostgreSQL database. */
export { checkPostgresSchemaName } from './check-postgres-schema-name.js';
export { createPostgresStore, type PostgresStoreOptions } from './create-postgres-store.js';
export { describePostgresConnection } from './describe-postgres-connection.js';
export { isPostgresConnectionString } from './is-postgres-connection-string.js';
export {
  type MigratePostgresOptions,
  migratePostgresDatabase,
  POSTGRES_MIGRATION_LOCK_KEY,
} from './migrate-postgres-database.js';
export { postgresMigrations } from './migrations/postgres-migrations.js';
export {
  openPostgresPool,
  POSTGRES_CONNECT_TIMEOUT_MS,
  POSTGRES_POOL_SIZE,
  type PostgresPoolOptions,
} from './open-postgres-pool.js';
export type { PostgresMigration } from './postgres-migration.js';
