import { randomBytes } from 'node:crypto';
import { ProviderKeyCipher, ProviderKeyVault, parseMasterKey } from '@tollgate/core';
import { expect, it } from 'vitest';
import { useMigratedTestPool } from './migrated-test-pool.test-helpers.js';
import { createPostgresProviderKeyRepository } from './postgres-provider-key-repository.js';
import { describeWithPostgres, findTestPostgres, useTestSchemas } from './testing.js';

const postgres = await findTestPostgres();

describeWithPostgres(postgres, 'createPostgresProviderKeyRepository', (connectionString) => {
  const schemas = useTestSchemas(connectionString);
  const migratedPool = useMigratedTestPool(connectionString, schemas);

  it('keeps no byte of the key in the table, only ciphertext', async () => {
    const pool = migratedPool();
    const cipher = new ProviderKeyCipher({
      current: parseMasterKey(randomBytes(32).toString('hex')),
      previous: [],
    });
    const vault = new ProviderKeyVault({ repository: createPostgresProviderKeyRepository(pool), cipher });
    const secret = 'gsk_pg_7Hq2LmX9wR4tZ8cV1bN6';
    await vault.set('account-1', 'groq', secret);

    const { rows } = await pool.query<{ row: string; found: boolean }>(
      `SELECT row_to_json(provider_keys)::text AS row,
              position(convert_to($1, 'UTF8') IN ciphertext) > 0 AS found
         FROM provider_keys`,
      [secret],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.found).toBe(false);
    expect(rows[0]!.row).not.toContain(secret);
    expect(rows[0]!.row).not.toContain(Buffer.from(secret).toString('hex'));
    expect(await vault.reveal('account-1', 'groq')).toBe(secret);
  });
});
