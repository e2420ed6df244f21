import { createHash } from 'node:crypto';
import type { CatalogMappingInput } from '@tollgate/core';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createPostgresStore } from './create-postgres-store.js';
import { describeWithPostgres, findTestPostgres, useTestSchemas } from './testing.js';

const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

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

  it('keeps users, tokens and the catalog across close and reopen', async () => {
    const schema = schemas.reserveSchema();
    const first = createPostgresStore({ connectionString, schema });
    await first.migrate();
    const alice = await first.users.create({ name: 'alice' });
    const token = await first.tokens.insert({
      id: 'token-1',
      userId: alice.id,
      name: 'laptop',
      secretHash: sha256Hex('hf_secret'),
      displayPrefix: 'hf_secr',
      createdAt: '2025-01-02T03:04:05.000Z',
    });
    const { record } = await first.catalog.upsert({ ...llamaOnGroq, metadata: { contextLength: 131_072 } });
    const revision = await first.catalog.revision();
    await first.close();

    const reopened = createPostgresStore({ connectionString, schema });
    await reopened.migrate();

    expect(await reopened.users.list()).toEqual([alice]);
    expect(await reopened.tokens.findActiveByHash(sha256Hex('hf_secret'))).toEqual({ token, user: alice });
    expect(await reopened.catalog.list()).toEqual([record]);
    expect(await reopened.catalog.revision()).toBe(revision);
    await reopened.close();
  });

  it("lets two instances on one schema see each other's writes, with one catalog revision", async () => {
    const schema = schemas.reserveSchema();
    const left = createPostgresStore({ connectionString, schema });
    const right = createPostgresStore({ connectionString, schema });
    await Promise.all([left.migrate(), right.migrate()]);

    const alice = await left.users.create({ name: 'alice' });
    const token = await right.tokens.insert({
      id: 'token-1',
      userId: alice.id,
      name: 'ci',
      secretHash: sha256Hex('hf_shared'),
      displayPrefix: 'hf_shar',
      createdAt: '2025-01-02T03:04:05.000Z',
    });
    expect(await right.users.findByName('alice')).toEqual(alice);
    expect(await left.tokens.findActiveByHash(token.secretHash)).toEqual({ token, user: alice });
    expect(await right.tokens.revoke(token.id)).toBe(true);
    expect(await left.tokens.findActiveByHash(token.secretHash)).toBeUndefined();
    await expect(right.users.create({ name: 'alice' })).rejects.toMatchObject({ code: 'user_exists' });

    const { record } = await left.catalog.upsert(llamaOnGroq);
    expect(await right.catalog.revision()).toBe(await left.catalog.revision());
    expect(await right.catalog.findById(record.id)).toEqual(record);
    const before = await left.catalog.revision();
    await right.catalog.delete(record.id);
    expect(await left.catalog.revision()).toBeGreaterThan(before);
    await Promise.all([left.close(), right.close()]);
  });

  it('leaves one catalog record when instances upsert one key at once', async () => {
    const schema = schemas.reserveSchema();
    const stores = Array.from({ length: 4 }, () => createPostgresStore({ connectionString, schema }));
    await Promise.all(stores.map((store) => store.migrate()));
    try {
      const results = await Promise.all(
        stores.flatMap((store, index) =>
          [0, 1, 2].map((round) =>
            store.catalog.upsert({ ...llamaOnGroq, providerModelId: `variant-${index}-${round}` }),
          ),
        ),
      );

      expect(results.filter((result) => result.outcome === 'created')).toHaveLength(1);
      expect(new Set(results.map((result) => result.record.id)).size).toBe(1);
      expect(await stores[0]?.catalog.list()).toHaveLength(1);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });

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
