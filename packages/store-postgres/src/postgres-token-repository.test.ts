import { InputError } from '@tollgate/provider-spec';
import type pg from 'pg';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migratePostgresDatabase } from './migrate-postgres-database.js';
import { openPostgresPool } from './open-postgres-pool.js';
import { createPostgresTokenRepository } from './postgres-token-repository.js';
import { createPostgresUserRepository } from './postgres-user-repository.js';
import { describeWithPostgres, findTestPostgres, useTestSchemas } from './testing.js';

const postgres = await findTestPostgres();

describeWithPostgres(postgres, 'createPostgresTokenRepository', (connectionString) => {
  const schemas = useTestSchemas(connectionString);
  let pool: pg.Pool;
  beforeEach(async () => {
    const schema = schemas.reserveSchema();
    pool = openPostgresPool({ connectionString, schema });
    await migratePostgresDatabase(pool, { schema });
  });
  afterEach(() => pool.end());

  const token = (userId: string, id: string, secretHash: string) => ({
    id,
    userId,
    name: 'laptop',
    secretHash,
    displayPrefix: 'hf_AbCd',
    createdAt: '2025-01-02T03:04:05.000Z',
  });

  it('raises InputError user_not_found for a token whose user does not exist', async () => {
    const tokens = createPostgresTokenRepository(pool);

    const error = await tokens
      .insert(token('missing-user', 'token-1', 'a'.repeat(64)))
      .catch((e: unknown) => e);

    expect(InputError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'user_not_found', message: expect.stringContaining('missing-user') });
  });

  it('raises InputError token_exists for a reused secret hash or id', async () => {
    const alice = await createPostgresUserRepository(pool).create({ name: 'alice' });
    const tokens = createPostgresTokenRepository(pool);
    await tokens.insert(token(alice.id, 'token-1', 'a'.repeat(64)));

    const sameHash = await tokens.insert(token(alice.id, 'token-2', 'a'.repeat(64))).catch((e: unknown) => e);
    const sameId = await tokens.insert(token(alice.id, 'token-1', 'b'.repeat(64))).catch((e: unknown) => e);

    expect(InputError.isInstance(sameHash)).toBe(true);
    expect(sameHash).toMatchObject({ code: 'token_exists' });
    expect(InputError.isInstance(sameId)).toBe(true);
    expect(sameId).toMatchObject({ code: 'token_exists' });
  });

  it('lists tokens oldest first, and tokens created in the same millisecond by id in byte order', async () => {
    const alice = await createPostgresUserRepository(pool).create({ name: 'alice' });
    const tokens = createPostgresTokenRepository(pool);
    const newer = await tokens.insert({
      ...token(alice.id, 'a', 'a'.repeat(64)),
      createdAt: '2025-02-01T00:00:00.000Z',
    });
    const olderLowerCase = await tokens.insert({
      ...token(alice.id, 'b', 'b'.repeat(64)),
      createdAt: '2025-01-01T00:00:00.000Z',
    });
    const olderUpperCase = await tokens.insert({
      ...token(alice.id, 'C', 'c'.repeat(64)),
      createdAt: '2025-01-01T00:00:00.000Z',
    });

    expect(await tokens.listForUser(alice.id)).toEqual([olderUpperCase, olderLowerCase, newer]);
  });

  it('returns timestamps as ISO-8601 UTC with milliseconds, whatever the session time zone', async () => {
    const schema = schemas.reserveSchema();
    const url = new URL(connectionString);
    url.searchParams.set('options', '-c TimeZone=America/New_York');
    const newYork = openPostgresPool({ connectionString: url.href, schema });
    try {
      await migratePostgresDatabase(newYork, { schema });
      // The URL's own options are kept beside the schema's search_path.
      expect((await newYork.query<{ TimeZone: string }>('SHOW TimeZone')).rows[0]?.TimeZone).toBe(
        'America/New_York',
      );
      expect((await newYork.query<{ search_path: string }>('SHOW search_path')).rows[0]?.search_path).toBe(
        schema,
      );
      const alice = await createPostgresUserRepository(newYork).create({ name: 'alice' });
      const tokens = createPostgresTokenRepository(newYork);
      const inserted = await tokens.insert(token(alice.id, 'token-1', 'a'.repeat(64)));
      await tokens.revoke(inserted.id);

      const [listed] = await tokens.listForUser(alice.id);

      expect(listed?.createdAt).toBe('2025-01-02T03:04:05.000Z');
      expect(listed?.revokedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    } finally {
      await newYork.end();
    }
  });
});
