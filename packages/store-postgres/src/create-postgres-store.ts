/** The PostgreSQL implementation of the kernel's `Store`, for many gateway instances sharing one database. */
import type { Store } from '@tollgate/core';
import { describePostgresConnection } from './describe-postgres-connection.js';
import { migratePostgresDatabase } from './migrate-postgres-database.js';
import { openPostgresPool } from './open-postgres-pool.js';
import { createPostgresBillingAccountRepository } from './postgres-billing-account-repository.js';
import { createPostgresCatalogRepository } from './postgres-catalog-repository.js';
import { createPostgresInferenceProviderSettingsRepository } from './postgres-inference-provider-settings-repository.js';
import { createPostgresLedgerRecoveryRepository } from './postgres-ledger-recovery-repository.js';
import { createPostgresLedgerRepository } from './postgres-ledger-repository.js';
import { createPostgresOrganizationRepository } from './postgres-organization-repository.js';
import { createPostgresPerformanceRepository } from './postgres-performance-repository.js';
import { createPostgresProviderCostRepository } from './postgres-provider-cost-repository.js';
import { createPostgresProviderKeyRepository } from './postgres-provider-key-repository.js';
import { createPostgresRequestRecordRepository } from './postgres-request-record-repository.js';
import { createPostgresTokenRepository } from './postgres-token-repository.js';
import { createPostgresUserRepository } from './postgres-user-repository.js';

export interface PostgresStoreOptions {
  /** A `postgres://` or `postgresql://` URL, e.g. `postgres://tollgate:secret@db.internal:5432/tollgate`. */
  readonly connectionString: string;
  /**
   * Keep every table in this schema (created by `migrate()` when missing) instead of the connection's default
   * `search_path`; lets several deployments, or tests, share one database. A plain lower-case identifier.
   */
  readonly schema?: string;
}

/**
 * Opens a PostgreSQL-backed `Store` on a node-postgres pool (connections are opened on first use). Call
 * `migrate()` before first use; it is cheap when the schema is already current, and safe when several
 * instances call it at once.
 *
 * @example
 * const store = createPostgresStore({ connectionString: process.env.TOLLGATE_DATABASE_URL ?? '' });
 * await store.migrate();
 * const alice = await store.users.create({ name: 'alice' });
 */
export function createPostgresStore({ connectionString, schema }: PostgresStoreOptions): Store {
  const pool = openPostgresPool({ connectionString, schema });
  const description = describePostgresConnection(connectionString, schema);
  let closed = false;
  return {
    description,
    users: createPostgresUserRepository(pool),
    tokens: createPostgresTokenRepository(pool),
    organizations: createPostgresOrganizationRepository(pool),
    catalog: createPostgresCatalogRepository(pool),
    performance: createPostgresPerformanceRepository(pool),
    inferenceProviderSettings: createPostgresInferenceProviderSettingsRepository(pool),
    billingAccounts: createPostgresBillingAccountRepository(pool),
    ledger: createPostgresLedgerRepository(pool),
    ledgerRecovery: createPostgresLedgerRecoveryRepository(pool),
    providerCosts: createPostgresProviderCostRepository(pool),
    providerKeys: createPostgresProviderKeyRepository(pool),
    requests: createPostgresRequestRecordRepository(pool),
    async migrate() {
      try {
        await migratePostgresDatabase(pool, { schema });
      } catch (error) {
        // The first thing a gateway does with its store: say which database failed (node-postgres does not).
        throw new Error(`The PostgreSQL store at ${description} cannot be migrated: ${messageOf(error)}`, {
          cause: error,
        });
      }
    },
    async ping() {
      if (closed) return false;
      try {
        const { rows } = await pool.query<{ one: number }>('SELECT 1 AS one');
        return rows[0]?.one === 1;
      } catch {
        return false;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
