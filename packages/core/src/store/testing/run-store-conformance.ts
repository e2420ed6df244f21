/** The conformance suite every `Store` implementation runs in its own tests. */
import { afterEach, beforeEach, describe } from 'vitest';
import type { Store } from '../store.js';
import { describeBillingAccountRepositoryConformance } from './billing-account-repository-conformance.js';
import { describeCatalogRepositoryConformance } from './catalog-repository-conformance.js';
import { describeCatalogRevisionConformance } from './catalog-revision-conformance.js';
import { describeInferenceProviderSettingsRepositoryConformance } from './inference-provider-settings-repository-conformance.js';
import { describeLedgerRepositoryConformance } from './ledger-repository-conformance.js';
import { describeLedgerUserTierConformance } from './ledger-user-tier-conformance.js';
import { describeOrganizationRepositoryConformance } from './organization-repository-conformance.js';
import { describePerformanceRepositoryConformance } from './performance-repository-conformance.js';
import { describeProviderKeyRepositoryConformance } from './provider-key-repository-conformance.js';
import { describeRequestRecordRepositoryConformance } from './request-record-repository-conformance.js';
import { describeStoreLifecycleConformance } from './store-lifecycle-conformance.js';
import { describeTokenRepositoryConformance } from './token-repository-conformance.js';
import { describeUserRepositoryConformance } from './user-repository-conformance.js';

/**
 * Registers (with vitest's `describe`/`it`) the scenarios that pin down the `Store` contract. Each
 * scenario gets a fresh store from `createStore`, migrated, and closed afterwards; so `createStore` must
 * return a new, empty store on every call (a new `:memory:` database, a new file, a new schema...).
 *
 * @example
 * // my-store.conformance.test.ts
 * import { runStoreConformance } from '@tollgate/core/testing';
 * runStoreConformance('sqlite :memory:', async () => createSqliteStore({ filename: ':memory:' }));
 */
export function runStoreConformance(name: string, createStore: () => Promise<Store>): void {
  describe(`${name}: store conformance`, () => {
    let store: Store | undefined;

    beforeEach(async () => {
      store = await createStore();
      await store.migrate();
    });

    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    const current = (): Store => {
      if (store === undefined) throw new Error('The store under test is only available inside a test.');
      return store;
    };

    describeUserRepositoryConformance(current);
    describeTokenRepositoryConformance(current);
    describeOrganizationRepositoryConformance(current);
    describeCatalogRepositoryConformance(() => current().catalog);
    describeCatalogRevisionConformance(() => current().catalog);
    describePerformanceRepositoryConformance(() => current().performance);
    describeInferenceProviderSettingsRepositoryConformance(() => current().inferenceProviderSettings);
    describeBillingAccountRepositoryConformance(current);
    describeLedgerRepositoryConformance(() => current().ledger);
    describeLedgerUserTierConformance(current);
    describeStoreLifecycleConformance(current, createStore);
    describeProviderKeyRepositoryConformance(() => current().providerKeys);
    describeRequestRecordRepositoryConformance(() => current().requests);
  });
}
