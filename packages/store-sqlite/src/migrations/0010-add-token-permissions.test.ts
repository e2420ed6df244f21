import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateSqliteDatabase } from '../migrate-sqlite-database.js';
import { openSqliteDatabase } from '../open-sqlite-database.js';
import { createSqliteTokenRepository } from '../sqlite-token-repository.js';
import { addTokenPermissions } from './0010-add-token-permissions.js';
import { sqliteMigrations } from './sqlite-migrations.js';

describe('migration 10, add-token-permissions', () => {
  let database: ReturnType<typeof openSqliteDatabase>;
  beforeEach(() => {
    database = openSqliteDatabase(':memory:');
  });
  afterEach(() => database.close());

  it('gives the tokens of an older database full access: they may make calls to Inference Providers', async () => {
    migrateSqliteDatabase(
      database,
      sqliteMigrations.filter((migration) => migration.version < addTokenPermissions.version),
    );
    database
      .prepare('INSERT INTO users (id, name, created_at) VALUES (?, ?, ?)')
      .run('11111111-1111-4111-8111-111111111111', 'alice', '2026-11-01T00:00:00.000Z');
    database
      .prepare(
        'INSERT INTO tokens (id, user_id, name, secret_hash, display_prefix, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(
        't-1',
        '11111111-1111-4111-8111-111111111111',
        'old',
        'a'.repeat(64),
        'hf_AbCd',
        '2026-11-01T00:00:00.000Z',
      );

    migrateSqliteDatabase(database);

    const found = await createSqliteTokenRepository(database).findActiveByHash('a'.repeat(64));
    expect(found?.token.permissions).toEqual(['inference.serverless.write']);
  });
});
