import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateSqliteDatabase } from './migrate-sqlite-database.js';
import { sqliteMigrations } from './migrations/sqlite-migrations.js';
import { openSqliteDatabase } from './open-sqlite-database.js';
import type { SqliteMigration } from './sqlite-migration.js';

const createWidgets: SqliteMigration = { version: 1, name: 'widgets', sql: 'CREATE TABLE widgets (id TEXT)' };
const createGadgets: SqliteMigration = { version: 2, name: 'gadgets', sql: 'CREATE TABLE gadgets (id TEXT)' };

describe('migrateSqliteDatabase', () => {
  let database: ReturnType<typeof openSqliteDatabase>;
  beforeEach(() => {
    database = openSqliteDatabase(':memory:');
  });
  afterEach(() => database.close());

  const recordedVersions = () =>
    database.prepare<[], { version: number; applied_at: string }>('SELECT * FROM schema_migrations').all();
  const tableNames = () =>
    database
      .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();

  it('applies every built-in migration and records each version with its ISO-8601 UTC time', () => {
    const before = new Date().toISOString();

    const applied = migrateSqliteDatabase(database);

    expect(applied).toEqual(sqliteMigrations.map((migration) => migration.version));
    const recorded = recordedVersions();
    expect(recorded.map((row) => row.version)).toEqual(applied);
    for (const row of recorded) {
      expect(new Date(row.applied_at).toISOString()).toBe(row.applied_at);
      expect(row.applied_at >= before).toBe(true);
    }
    expect(tableNames()).toEqual([
      'catalog_mappings',
      'catalog_revision',
      'inference_provider_settings',
      'leases',
      'ledger_account_balances',
      'ledger_checkpoints',
      'ledger_entries',
      'ledger_open_holds',
      'ledger_period_balances',
      'ledger_sequence',
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

  it('applies nothing the second time, and leaves the records as they were', () => {
    migrateSqliteDatabase(database);
    const recordedFirst = recordedVersions();

    expect(migrateSqliteDatabase(database)).toEqual([]);
    expect(recordedVersions()).toEqual(recordedFirst);
  });

  it('applies only the migrations added since the last run', () => {
    migrateSqliteDatabase(database, [createWidgets]);

    expect(migrateSqliteDatabase(database, [createWidgets, createGadgets])).toEqual([2]);
    expect(recordedVersions().map((row) => row.version)).toEqual([1, 2]);
    expect(tableNames()).toEqual(['gadgets', 'schema_migrations', 'widgets']);
  });

  it('rolls a failing migration back whole, names it, and keeps the ones before it', () => {
    const broken: SqliteMigration = {
      version: 2,
      name: 'half-broken',
      sql: 'CREATE TABLE gadgets (id TEXT); INSERT INTO no_such_table VALUES (1);',
    };

    expect(() => migrateSqliteDatabase(database, [createWidgets, broken])).toThrow(
      /SQLite migration 2 \(half-broken\) failed: no such table: no_such_table/,
    );
    expect(recordedVersions().map((row) => row.version)).toEqual([1]);
    expect(tableNames()).toEqual(['schema_migrations', 'widgets']);
  });

  it('refuses a database migrated by a newer version of Tollgate', () => {
    migrateSqliteDatabase(database, [createWidgets, createGadgets]);

    expect(() => migrateSqliteDatabase(database, [createWidgets])).toThrow(
      /has schema version 2, newer than the newest this version of Tollgate knows \(1\)/,
    );
  });

  it('rejects a migration list that is not in strictly increasing version order', () => {
    expect(() => migrateSqliteDatabase(database, [createGadgets, createWidgets])).toThrow(
      /strictly increasing.*1 \(widgets\) follows 2/,
    );
    expect(() => migrateSqliteDatabase(database, [createWidgets, { ...createGadgets, version: 1 }])).toThrow(
      /strictly increasing/,
    );
    expect(tableNames()).toEqual([]);
  });

  it('keeps the built-in migrations in strictly increasing order from 1', () => {
    expect(sqliteMigrations[0]?.version).toBe(1);
    expect(() => migrateSqliteDatabase(database)).not.toThrow();
  });
});
