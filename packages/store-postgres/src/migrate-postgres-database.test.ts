import type pg from 'pg';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migratePostgresDatabase } from './migrate-postgres-database.js';
import { postgresMigrations } from './migrations/postgres-migrations.js';
import { openPostgresPool } from './open-postgres-pool.js';
import type { PostgresMigration } from './postgres-migration.js';
import { describeWithPostgres, findTestPostgres, useTestSchemas } from './testing.js';

const createWidgets: PostgresMigration = {
  version: 1,
  name: 'widgets',
  sql: 'CREATE TABLE widgets (id TEXT)',
};
const createGadgets: PostgresMigration = {
  version: 2,
  name: 'gadgets',
  sql: 'CREATE TABLE gadgets (id TEXT)',
};

const postgres = await findTestPostgres();

describeWithPostgres(postgres, 'migratePostgresDatabase', (connectionString) => {
  const schemas = useTestSchemas(connectionString);
  let schema: string;
  let pool: pg.Pool;
  beforeEach(() => {
    schema = schemas.reserveSchema();
    pool = openPostgresPool({ connectionString, schema });
  });
  afterEach(() => pool.end());

  const recordedVersions = async () =>
    (
      await pool.query<{ version: number; applied_at: Date }>(
        'SELECT version, applied_at FROM schema_migrations ORDER BY version',
      )
    ).rows;
  const tableNames = async () =>
    (
      await pool.query<{ table_name: string }>(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
        [schema],
      )
    ).rows.map((row) => row.table_name);

  it('creates the schema and applies every built-in migration, recording each version with its time', async () => {
    const before = Date.now();

    const applied = await migratePostgresDatabase(pool, { schema });

    expect(applied).toEqual(postgresMigrations.map((migration) => migration.version));
    const recorded = await recordedVersions();
    expect(recorded.map((row) => row.version)).toEqual(applied);
    for (const row of recorded) expect(row.applied_at.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(await tableNames()).toEqual([
      'catalog_mappings',
      'catalog_revision',
      'inference_provider_settings',
      'leases',
      'ledger_account_balances',
      'ledger_checkpoints',
      'ledger_entries',
      'ledger_open_holds',
      'ledger_period_balances',
      'organization_members',
      'organizations',
      'pending_provider_costs',
      'performance_revision',
      'provider_keys',
      'provider_model_performance',
      'request_records',
      'schema_migrations',
      'tokens',
      'users',
    ]);
  });

  it('applies nothing the second time, and leaves the records as they were', async () => {
    await migratePostgresDatabase(pool, { schema });
    const recordedFirst = await recordedVersions();

    expect(await migratePostgresDatabase(pool, { schema })).toEqual([]);
    expect(await recordedVersions()).toEqual(recordedFirst);
  });

  it('applies only the migrations added since the last run', async () => {
    await migratePostgresDatabase(pool, { schema, migrations: [createWidgets] });

    expect(
      await migratePostgresDatabase(pool, { schema, migrations: [createWidgets, createGadgets] }),
    ).toEqual([2]);
    expect((await recordedVersions()).map((row) => row.version)).toEqual([1, 2]);
    expect(await tableNames()).toEqual(['gadgets', 'schema_migrations', 'widgets']);
  });

  it('rolls a failing migration back whole, names it, and keeps the ones before it', async () => {
    const broken: PostgresMigration = {
      version: 2,
      name: 'half-broken',
      sql: 'CREATE TABLE gadgets (id TEXT); INSERT INTO no_such_table VALUES (1);',
    };

    await expect(
      migratePostgresDatabase(pool, { schema, migrations: [createWidgets, broken] }),
    ).rejects.toThrow(
      /PostgreSQL migration 2 \(half-broken\) failed: relation "no_such_table" does not exist/,
    );
    expect((await recordedVersions()).map((row) => row.version)).toEqual([1]);
    expect(await tableNames()).toEqual(['schema_migrations', 'widgets']);
  });

  it('returns its connection to the pool in a usable state after a failed migration', async () => {
    const broken: PostgresMigration = { version: 1, name: 'broken', sql: 'SELECT * FROM no_such_table' };
    const single = openPostgresPool({ connectionString, schema });
    try {
      await expect(migratePostgresDatabase(single, { schema, migrations: [broken] })).rejects.toThrow(
        /broken/,
      );
      // Migrations run one step at a time, so the pool holds one connection, and the query below gets it back.
      expect(single.totalCount).toBe(1);

      const { rows } = await single.query<{ in_transaction: boolean }>(
        'SELECT now() <> statement_timestamp() AS in_transaction',
      );
      expect(rows[0]?.in_transaction).toBe(false);
    } finally {
      await single.end();
    }
  });

  it('refuses a schema migrated by a newer version of Tollgate', async () => {
    await migratePostgresDatabase(pool, { schema, migrations: [createWidgets, createGadgets] });

    await expect(migratePostgresDatabase(pool, { schema, migrations: [createWidgets] })).rejects.toThrow(
      new RegExp(
        `schema ${schema} has schema version 2, newer than the newest this version of Tollgate knows \\(1\\)`,
      ),
    );
  });

  it('rejects a migration list that is not in strictly increasing version order', async () => {
    await expect(
      migratePostgresDatabase(pool, { schema, migrations: [createGadgets, createWidgets] }),
    ).rejects.toThrow(/strictly increasing.*1 \(widgets\) follows 2/);
    await expect(
      migratePostgresDatabase(pool, {
        schema,
        migrations: [createWidgets, { ...createGadgets, version: 1 }],
      }),
    ).rejects.toThrow(/strictly increasing/);
    expect(await tableNames()).toEqual([]);
  });

  it('migrates the schema named by the URL when no schema option is given', async () => {
    const { schema: urlSchema, connectionString: confined } = await schemas.createSchema();
    const urlPool = openPostgresPool({ connectionString: confined });
    try {
      expect(await migratePostgresDatabase(urlPool, { migrations: [createWidgets] })).toEqual([1]);

      const { rows } = await urlPool.query<{ table_schema: string }>(
        "SELECT table_schema FROM information_schema.tables WHERE table_name = 'widgets'",
      );
      expect(rows.map((row) => row.table_schema)).toContain(urlSchema);
    } finally {
      await urlPool.end();
    }
  });
});
