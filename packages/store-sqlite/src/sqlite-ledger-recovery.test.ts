import type { Store } from '@tollgate/core';
import {
  type CrashPropertyStores,
  describeLedgerCrashProperties,
  describeLedgerRecoveryRepositoryConformance,
} from '@tollgate/core/testing';
import { afterEach, beforeEach, describe } from 'vitest';
import { createSqliteStore } from './create-sqlite-store.js';

describe('sqlite: ledger recovery and the ledger under crashes', () => {
  let store: Store;
  beforeEach(async () => {
    store = createSqliteStore({ filename: ':memory:' });
    await store.migrate();
  });
  afterEach(async () => {
    await store.close();
  });
  const stores = (): CrashPropertyStores & Required<Pick<Store, 'ledgerRecovery'>> => {
    if (store.ledgerRecovery === undefined) throw new Error('The SQLite store has no ledger recovery.');
    return { ledger: store.ledger, ledgerRecovery: store.ledgerRecovery };
  };

  describeLedgerRecoveryRepositoryConformance(stores);
  describeLedgerCrashProperties('sqlite', stores, { numRuns: 60 });
});
