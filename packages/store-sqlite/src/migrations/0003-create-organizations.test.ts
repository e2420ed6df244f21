import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateSqliteDatabase } from '../migrate-sqlite-database.js';
import { openSqliteDatabase } from '../open-sqlite-database.js';
import { createSqliteUserRepository } from '../sqlite-user-repository.js';
import { createOrganizations } from './0003-create-organizations.js';
import { sqliteMigrations } from './sqlite-migrations.js';

describe('migration 3, create-organizations', () => {
  let database: ReturnType<typeof openSqliteDatabase>;
  beforeEach(() => {
    database = openSqliteDatabase(':memory:');
  });
  afterEach(() => database.close());

  it('keeps the users of an older database, none of them an admin', () => {
    const before = sqliteMigrations.filter((migration) => migration.version < createOrganizations.version);
    migrateSqliteDatabase(database, before);
    database
      .prepare('INSERT INTO users (id, name, created_at) VALUES (?, ?, ?)')
      .run('11111111-1111-4111-8111-111111111111', 'alice', '2026-11-01T00:00:00.000Z');

    migrateSqliteDatabase(database);

    return expect(createSqliteUserRepository(database).findByName('alice')).resolves.toEqual({
      id: '11111111-1111-4111-8111-111111111111',
      name: 'alice',
      isAdmin: false,
      createdAt: '2026-11-01T00:00:00.000Z',
    });
  });
});
