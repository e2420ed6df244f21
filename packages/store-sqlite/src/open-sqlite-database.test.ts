import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from './open-sqlite-database.js';
import { useTemporaryDirectory } from './temporary-directory.test-helpers.js';

describe('openSqliteDatabase', () => {
  const directory = useTemporaryDirectory();
  let database: ReturnType<typeof openSqliteDatabase> | undefined;
  afterEach(() => database?.close());

  it('opens a file database in WAL mode', () => {
    database = openSqliteDatabase(join(directory(), 'wal.db'));

    expect(database.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('uses NORMAL sync, enforces foreign keys and waits 5 s for a busy lock', () => {
    database = openSqliteDatabase(join(directory(), 'settings.db'));

    expect(database.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
    expect(database.pragma('synchronous', { simple: true })).toBe(1);
    expect(database.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(database.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('opens a private in-memory database for :memory:', () => {
    database = openSqliteDatabase(':memory:');

    expect(database.memory).toBe(true);
    expect(database.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});
