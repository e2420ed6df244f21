/** The embedded SQLite implementation of the kernel's `Store`. */
import type { Store } from '@tollgate/core';
import { migrateSqliteDatabase } from './migrate-sqlite-database.js';
import { openSqliteDatabase } from './open-sqlite-database.js';
import { prepareOnce } from './prepare-once.js';
import { createSqliteBillingAccountRepository } from './sqlite-billing-account-repository.js';
import { createSqliteCatalogRepository } from './sqlite-catalog-repository.js';
import { createSqliteInferenceProviderSettingsRepository } from './sqlite-inference-provider-settings-repository.js';
import { createSqliteLedgerRecoveryRepository } from './sqlite-ledger-recovery-repository.js';
import { createSqliteLedgerRepository } from './sqlite-ledger-repository.js';
import { createSqliteOrganizationRepository } from './sqlite-organization-repository.js';
import { createSqlitePerformanceRepository } from './sqlite-performance-repository.js';
import { createSqliteProviderCostRepository } from './sqlite-provider-cost-repository.js';
import { createSqliteProviderKeyRepository } from './sqlite-provider-key-repository.js';
import { createSqliteRequestRecordRepository } from './sqlite-request-record-repository.js';
import { createSqliteTokenRepository } from './sqlite-token-repository.js';
import { createSqliteUserRepository } from './sqlite-user-repository.js';

export interface SqliteStoreOptions {
  /** A database file path (created if missing), or `':memory:'` for a private in-memory database. */
  readonly filename: string;
}

/**
 * Opens a SQLite-backed `Store` (WAL mode, foreign keys on, 5 s busy timeout). Call `migrate()` before
 * first use; it is cheap when the schema is already current.
 *
 * @example
 * const store = createSqliteStore({ filename: ':memory:' });
 * await store.migrate();
 * const alice = await store.users.create({ name: 'alice' });
 */
export function createSqliteStore({ filename }: SqliteStoreOptions): Store {
  const database = openSqliteDatabase(filename);
  const selectOne = prepareOnce<[], number>(database, 'SELECT 1');
  return {
    description: `sqlite:${filename}`,
    users: createSqliteUserRepository(database),
    tokens: createSqliteTokenRepository(database),
    organizations: createSqliteOrganizationRepository(database),
    catalog: createSqliteCatalogRepository(database),
    performance: createSqlitePerformanceRepository(database),
    inferenceProviderSettings: createSqliteInferenceProviderSettingsRepository(database),
    billingAccounts: createSqliteBillingAccountRepository(database),
    ledger: createSqliteLedgerRepository(database),
    ledgerRecovery: createSqliteLedgerRecoveryRepository(database),
    providerCosts: createSqliteProviderCostRepository(database),
    providerKeys: createSqliteProviderKeyRepository(database),
    requests: createSqliteRequestRecordRepository(database),
    async migrate() {
      migrateSqliteDatabase(database);
    },
    async ping() {
      if (!database.open) return false;
      try {
        return selectOne().pluck().get() === 1;
      } catch {
        return false;
      }
    },
    async close() {
      if (database.open) database.close();
    },
  };
}
