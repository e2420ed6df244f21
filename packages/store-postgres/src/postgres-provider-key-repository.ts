/** The provider_keys table behind the `ProviderKeyRepository` interface. */
import type { ProviderKeyRecord, ProviderKeyRepository } from '@tollgate/core';
import type pg from 'pg';

interface ProviderKeyRow {
  readonly account_id: string;
  readonly provider_id: string;
  readonly master_key_id: string;
  readonly iv: Buffer;
  readonly ciphertext: Buffer;
  readonly tag: Buffer;
  readonly display_suffix: string;
  readonly created_at: Date;
  readonly updated_at: Date;
}

const columns =
  'account_id, provider_id, master_key_id, iv, ciphertext, tag, display_suffix, created_at, updated_at';

/**
 * A `ProviderKeyRepository` over a migrated PostgreSQL pool; sealed bytes are BYTEA, and a `put` is one atomic
 * upsert, so instances setting one key at once leave one whole row. Statements are named, prepared once per
 * connection.
 *
 * @example
 * const vault = new ProviderKeyVault({ repository: createPostgresProviderKeyRepository(pool), cipher });
 */
export function createPostgresProviderKeyRepository(pool: pg.Pool): ProviderKeyRepository {
  return {
    async put({ accountId, providerId, sealed, displaySuffix }) {
      const now = new Date().toISOString();
      const { rows } = await pool.query<ProviderKeyRow>({
        name: 'tollgate-provider-keys-put',
        text: `INSERT INTO provider_keys (${columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
               ON CONFLICT (account_id, provider_id) DO UPDATE SET
                 master_key_id = EXCLUDED.master_key_id,
                 iv = EXCLUDED.iv,
                 ciphertext = EXCLUDED.ciphertext,
                 tag = EXCLUDED.tag,
                 display_suffix = EXCLUDED.display_suffix,
                 updated_at = EXCLUDED.updated_at
               RETURNING ${columns}`,
        values: [
          accountId,
          providerId,
          sealed.masterKeyId,
          Buffer.from(sealed.iv),
          Buffer.from(sealed.ciphertext),
          Buffer.from(sealed.tag),
          displaySuffix,
          now,
        ],
      });
      return toRecord(rows[0]!);
    },
    async find(accountId, providerId) {
      const { rows } = await pool.query<ProviderKeyRow>({
        name: 'tollgate-provider-keys-find',
        text: `SELECT ${columns} FROM provider_keys WHERE account_id = $1 AND provider_id = $2`,
        values: [accountId, providerId],
      });
      return rows[0] === undefined ? undefined : toRecord(rows[0]);
    },
    async list(accountId) {
      const { rows } = await pool.query<ProviderKeyRow>({
        name: 'tollgate-provider-keys-list',
        // COLLATE "C": provider ids sort by code point, as in the other stores.
        text: `SELECT ${columns} FROM provider_keys WHERE account_id = $1 ORDER BY provider_id COLLATE "C"`,
        values: [accountId],
      });
      return rows.map(toRecord);
    },
    async delete(accountId, providerId) {
      const { rowCount } = await pool.query({
        name: 'tollgate-provider-keys-delete',
        text: 'DELETE FROM provider_keys WHERE account_id = $1 AND provider_id = $2',
        values: [accountId, providerId],
      });
      return (rowCount ?? 0) > 0;
    },
  };
}

function toRecord(row: ProviderKeyRow): ProviderKeyRecord {
  return {
    accountId: row.account_id,
    providerId: row.provider_id,
    sealed: {
      masterKeyId: row.master_key_id,
      iv: new Uint8Array(row.iv),
      ciphertext: new Uint8Array(row.ciphertext),
      tag: new Uint8Array(row.tag),
    },
    displaySuffix: row.display_suffix,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
