import type { CatalogMappingInput } from '@tollgate/core';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createPostgresStore } from './create-postgres-store.js';
import { describeWithPostgres, findTestPostgres, useTestSchemas } from './testing.js';

const llamaOnGroq: CatalogMappingInput = {
  type: 'single',
  hfModelId: 'meta-llama/Llama-3.3-70B-Instruct',
  providerId: 'groq',
  providerModelId: 'llama-3.3-70b-versatile',
  task: 'conversational',
  status: 'live',
  origin: 'plugin',
};

describe('createPostgresStore without a server', () => {
  it('describes itself by host, port, database and schema, without the password', async () => {
    const store = createPostgresStore({
      connectionString: 'postgres://tollgate:s3cret@db.internal:5432/gateway',
      schema: 'tenant_a',
    });

    expect(store.description).toBe('postgres://db.internal:5432/gateway (schema tenant_a)');
    await store.close();
  });

  it('answers ping with false, soon, when nothing listens at the address', async () => {
    // Port 1 on loopback refuses at once; nothing is sent anywhere else.
    const store = createPostgresStore({ connectionString: 'postgres://postgres@127.0.0.1:1/test' });
    const started = Date.now();

    expect(await store.ping()).toBe(false);
    expect(Date.now() - started).toBeLessThan(5000);
    await store.close();
  });

  it('names the database, without credentials, when it cannot be reached to migrate', async () => {
    const store = createPostgresStore({ connectionString: 'postgres://ops:s3cret@127.0.0.1:1/test' });

    const error = await store.migrate().catch((rejection: unknown) => rejection);

    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      /^The PostgreSQL store at postgres:\/\/127\.0\.0\.1:1\/test cannot be migrated: .*ECONNREFUSED/,
    );
    expect((error as Error).message).not.toContain('s3cret');
    await store.close();
  });

  it('refuses a connection string that is not a PostgreSQL URL, and a schema name that needs quoting', () => {
    expect(() => createPostgresStore({ connectionString: 'sqlite:/data/tollgate.db' })).toThrow(
      /must start with postgres:\/\/ or postgresql:\/\//,
    );
    expect(() =>
      createPostgresStore({
        connectionString: 'postgres://127.0.0.1/test',
        schema: 'a"; DROP SCHEMA public',
      }),
    ).toThrow(/schema name .* is not allowed/);
  });
});

const postgres = await findTestPostgres();

describeWithPostgres(postgres, 'createPostgresStore on a server', (connectionString) => {
  const schemas = useTestSchemas(connectionString);

  it("bumps the catalog revision when an operator's session with another search_path edits a mapping", async () => {
    const schema = schemas.reserveSchema();
    const store = createPostgresStore({ connectionString, schema });
    await store.migrate();
    const { record } = await store.catalog.upsert(llamaOnGroq);
    const before = await store.catalog.revision();
    const operator = new pg.Client({ connectionString });
    await operator.connect();
    try {
      await operator.query(`UPDATE ${schema}.catalog_mappings SET status = 'error' WHERE id = $1`, [
        record.id,
      ]);
    } finally {
      await operator.end();
    }

    expect(await store.catalog.revision()).toBe(before + 1);
    expect((await store.catalog.findById(record.id))?.status).toBe('error');
    await store.close();
  });

  it('keeps two schemas of one database apart', async () => {
    const tenantA = createPostgresStore({ connectionString, schema: schemas.reserveSchema() });
    const tenantB = createPostgresStore({ connectionString, schema: schemas.reserveSchema() });
    await Promise.all([tenantA.migrate(), tenantB.migrate()]);

    await tenantA.users.create({ name: 'alice' });
    await tenantA.catalog.upsert(llamaOnGroq);

    expect(await tenantB.users.list()).toEqual([]);
    expect(await tenantB.catalog.revision()).toBe(0);
    await expect(tenantB.users.create({ name: 'alice' })).resolves.toMatchObject({ name: 'alice' });
    await Promise.all([tenantA.close(), tenantB.close()]);
  });
});
