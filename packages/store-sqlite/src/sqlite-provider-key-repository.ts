/** The provider_keys table behind the `ProviderKeyRepository` interface. */
import type { ProviderKeyRecord, ProviderKeyRepository } from '@tollgate/core';
import type Database from 'better-sqlite3';
import { prepareOnce } from './prepare-once.js';

interface ProviderKeyRow {
  readonly account_id: string;
  readonly provider_id: string;
  readonly master_key_id: string;
  readonly iv: Buffer;
  readonly ciphertext: Buffer;
  readonly tag: Buffer;
  readonly display_suffix: string;
  readonly created_at: string;
  readonly updated_at: string;
}

const columns =
  'account_id, provider_id, master_key_id, iv, ciphertext, tag, display_suffix, created_at, updated_at';

/**
 * A `ProviderKeyRepository` over a migrated SQLite connection; sealed bytes are BLOBs.
 *
 * @example
 * const vault = new ProviderKeyVault({ repository: createSqliteProviderKeyRepository(database), cipher });
 */
export function createSqliteProviderKeyRepository(database: Database.Database): ProviderKeyRepository {
  const selectOne = prepareOnce<[string, string], ProviderKeyRow>(
    database,
    `SELECT ${columns} FROM provider_keys WHERE account_id = ? AND provider_id = ?`,
  );
  const selectAccount = prepareOnce<[string], ProviderKeyRow>(
    database,
    `SELECT ${columns} FROM provider_keys WHERE account_id = ? ORDER BY provider_id`,
  );
  // RETURNING reads back created_at, which a replacement keeps.
  const upsert = prepareOnce<
    [string, string, string, Buffer, Buffer, Buffer, string, string, string],
    ProviderKeyRow
  >(
    database,
    `INSERT INTO provider_keys (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (account_id, provider_id) DO UPDATE SET
       master_key_id = excluded.master_key_id,
       iv = excluded.iv,
       ciphertext = excluded.ciphertext,
       tag = excluded.tag,
       display_suffix = excluded.display_suffix,
       updated_at = excluded.updated_at
     RETURNING ${columns}`,
  );
  const deleteOne = prepareOnce<[string, string], unknown>(
    database,
    'DELETE FROM provider_keys WHERE account_id = ? AND provider_id = ?',
  );

  return {
    async put({ accountId, providerId, sealed, displaySuffix }) {
      const now = new Date().toISOString();
      const row = upsert().get(
        accountId,
        providerId,
        sealed.masterKeyId,
        Buffer.from(sealed.iv),
        Buffer.from(sealed.ciphertext),
        Buffer.from(sealed.tag),
        displaySuffix,
        now,
        now,
      );
      return toRecord(row!);
    },
    async find(accountId, providerId) {
      const row = selectOne().get(accountId, providerId);
      return row === undefined ? undefined : toRecord(row);
    },
    async list(accountId) {
      return selectAccount().all(accountId).map(toRecord);
    },
    async delete(accountId, providerId) {
      return deleteOne().run(accountId, providerId).changes > 0;
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
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
