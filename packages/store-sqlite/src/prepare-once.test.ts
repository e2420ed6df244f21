import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from './open-sqlite-database.js';
import { prepareOnce } from './prepare-once.js';

describe('prepareOnce', () => {
  const database = openSqliteDatabase(':memory:');
  afterEach(() => database.exec('DROP TABLE IF EXISTS things'));
  afterAll(() => database.close());

  it('does not compile the statement until first used, so it may name a table that does not exist yet', () => {
    const selectThings = prepareOnce<[], { readonly name: string }>(database, 'SELECT name FROM things');
    database.exec("CREATE TABLE things (name TEXT); INSERT INTO things VALUES ('first')");

    expect(selectThings().all()).toEqual([{ name: 'first' }]);
  });

  it('returns the same compiled statement on every call', () => {
    database.exec('CREATE TABLE things (name TEXT)');
    const selectThings = prepareOnce<[], unknown>(database, 'SELECT name FROM things');

    expect(selectThings()).toBe(selectThings());
  });

  it('sets the modes it is given once, at compilation', () => {
    database.exec("CREATE TABLE things (name TEXT); INSERT INTO things VALUES ('first')");
    let configured = 0;
    const selectName = prepareOnce<[], string>(database, 'SELECT name FROM things', (statement) => {
      configured += 1;
      return statement.pluck();
    });

    expect(selectName().get()).toBe('first');
    expect(selectName().get()).toBe('first');
    expect(configured).toBe(1);
  });
});
