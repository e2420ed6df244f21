import { expect, it } from 'vitest';
import { migratePostgresDatabase } from './migrate-postgres-database.js';
import { addTokenPermissions } from './migrations/0010-add-token-permissions.js';
import { postgresMigrations } from './migrations/postgres-migrations.js';
import { openPostgresPool } from './open-postgres-pool.js';
import { createPostgresTokenRepository } from './postgres-token-repository.js';
import { createPostgresUserRepository } from './postgres-user-repository.js';
import { describeWithPostgres, findTestPostgres, useTestSchemas } from './testing.js';

const postgres = await findTestPostgres();

describeWithPostgres(postgres, 'createPostgresTokenRepository', (connectionString) => {
  const schemas = useTestSchemas(connectionString);

  const token = (userId: string, id: string, secretHash: string) => ({
    id,
    userId,
    name: 'laptop',
    secretHash,
    displayPrefix: 'hf_AbCd',
    permissions: ['inference.serverless.write'] as const,
    createdAt: '2025-01-02T03:04:05.000Z',
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

  it('gives the tokens of a database older than migration 10 full access: they may call Inference Providers', async () => {
    const schema = schemas.reserveSchema();
    const older = openPostgresPool({ connectionString, schema });
    try {
      await migratePostgresDatabase(older, {
        schema,
        migrations: postgresMigrations.filter((migration) => migration.version < addTokenPermissions.version),
      });
      const alice = await createPostgresUserRepository(older).create({ name: 'alice' });
      await older.query(
        `INSERT INTO tokens (id, user_id, name, secret_hash, display_prefix, created_at)
         VALUES ('old-token', $1, 'laptop', $2, 'hf_AbCd', now())`,
        [alice.id, 'b'.repeat(64)],
      );

      await migratePostgresDatabase(older, { schema });

      const found = await createPostgresTokenRepository(older).findActiveByHash('b'.repeat(64));
      expect(found?.token.permissions).toEqual(['inference.serverless.write']);
    } finally {
      await older.end();
    }
  });
});
