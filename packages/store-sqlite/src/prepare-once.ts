/** Prepared statements compiled on first use and reused after, since the tables exist only once migrated. */
import type Database from 'better-sqlite3';

type Statement<BindParameters extends unknown[], Result> = Database.Statement<BindParameters, Result>;

/**
 * Returns a getter for the statement `sql`, compiled the first time it is called and cached for the
 * life of the connection. `configure` sets its modes (`safeIntegers`, `pluck`) once, at compilation: each mode
 * switch is a native call, too dear to repeat on every use of a hot statement.
 *
 * @example
 * const selectUser = prepareOnce<[string], UserRow>(database, 'SELECT * FROM users WHERE id = ?');
 * const row = selectUser().get(id);
 * const selectTier = prepareOnce<[string], string>(database, 'SELECT tier FROM users WHERE id = ?', (s) => s.pluck());
 */
export function prepareOnce<BindParameters extends unknown[], Result>(
  database: Database.Database,
  sql: string,
  configure?: (statement: Statement<BindParameters, Result>) => Statement<BindParameters, Result>,
): () => Statement<BindParameters, Result> {
  let statement: Statement<BindParameters, Result> | undefined;
  return () => {
    if (statement === undefined) {
      const compiled = database.prepare<BindParameters, Result>(sql);
      statement = configure === undefined ? compiled : configure(compiled);
    }
    return statement;
  };
}
