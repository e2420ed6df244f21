/** Validates the schema a store is confined to, so that it can be written into SQL and connection options bare. */

const schemaNamePattern = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Returns `schema` when it is a plain lower-case PostgreSQL identifier (letters, digits and underscores, at most
 * 63 characters, not starting with a digit or `pg_`); throws an error naming the rule otherwise. Such a name needs
 * no quoting, which keeps it safe inside `-c search_path=...` as well as in `CREATE SCHEMA`.
 *
 * @example
 * checkPostgresSchemaName('tollgate'); // 'tollgate'
 * checkPostgresSchemaName('Robert"); DROP'); // throws
 */
export function checkPostgresSchemaName(schema: string): string {
  if (!schemaNamePattern.test(schema) || schema.startsWith('pg_')) {
    throw new Error(
      `The PostgreSQL schema name ${JSON.stringify(schema)} is not allowed: use lower-case letters, digits and ` +
        'underscores (at most 63, not starting with a digit or "pg_").',
    );
  }
  return schema;
}
