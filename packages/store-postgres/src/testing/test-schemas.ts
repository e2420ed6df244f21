/** Throwaway PostgreSQL schemas, one per test or store, so tests share one database without seeing each other. */
import { randomBytes } from 'node:crypto';
import type { Store } from '@tollgate/core';
import pg from 'pg';
import { afterAll } from 'vitest';
import { createPostgresStore } from '../create-postgres-store.js';

/** A random schema name, `tollgate_test_` and 12 hex digits. */
export function randomTestSchemaName(): string {
  return `tollgate_test_${randomBytes(6).toString('hex')}`;
}

/** `connectionString` with `search_path` set to `schema` for every connection (libpq's `options` parameter). */
export function withSearchPath(connectionString: string, schema: string): string {
  const url = new URL(connectionString);
  const existing = url.searchParams.get('options');
  url.searchParams.set('options', [existing, `-c search_path=${schema}`].filter(Boolean).join(' '));
  return url.href;
}

/** Drops each schema with everything in it; a schema that is already gone is fine. */
export async function dropTestSchemas(connectionString: string, schemas: readonly string[]): Promise<void> {
  if (schemas.length === 0) return;
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

export interface TestSchemas {
  /** A fresh schema name, dropped after the file's tests; nothing is created yet. */
  reserveSchema(): string;
  /** A new store in a new schema (created by its `migrate()`), dropped after the file's tests. */
  createStore(): Promise<Store>;
  /**
   * A new, empty schema that exists already, and a connection string confined to it: for code that takes only a
   * URL (`--database-url`, `TOLLGATE_DATABASE_URL`). Dropped after the file's tests.
   */
  createSchema(): Promise<{ readonly schema: string; readonly connectionString: string }>;
}

/**
 * Registers an `afterAll` that drops every schema the returned helpers made. Call it at the top of a test file or
 * inside a `describe`.
 *
 * @example
 * const schemas = useTestSchemas(connectionString);
 * runStoreConformance('postgres', () => schemas.createStore());
 */
export function useTestSchemas(connectionString: string): TestSchemas {
  const created: string[] = [];
  afterAll(() => dropTestSchemas(connectionString, created.splice(0)));
  const reserveSchema = (): string => {
    const schema = randomTestSchemaName();
    created.push(schema);
    return schema;
  };
  return {
    reserveSchema,
    async createStore() {
      return createPostgresStore({ connectionString, schema: reserveSchema() });
    },
    async createSchema() {
      const schema = reserveSchema();
      const client = new pg.Client({ connectionString });
      await client.connect();
      try {
        await client.query(`CREATE SCHEMA ${schema}`);
      } finally {
        await client.end();
      }
      return { schema, connectionString: withSearchPath(connectionString, schema) };
    },
  };
}
