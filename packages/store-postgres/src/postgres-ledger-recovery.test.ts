import type { Store } from '@tollgate/core';
import {
  type CrashPropertyStores,
  describeLedgerCrashProperties,
  describeLedgerRecoveryRepositoryConformance,
} from '@tollgate/core/testing';
import { afterEach, beforeEach } from 'vitest';
import { describeWithPostgres, findTestPostgres, useTestSchemas } from './testing.js';

const postgres = await findTestPostgres();

describeWithPostgres(
  postgres,
  'postgres: ledger recovery and the ledger under crashes',
  (connectionString) => {
    const schemas = useTestSchemas(connectionString);
    let store: Store;
    beforeEach(async () => {
      store = await schemas.createStore();
      await store.migrate();
    });
    afterEach(async () => {
      await store.close();
    });
    const stores = (): CrashPropertyStores & Required<Pick<Store, 'ledgerRecovery'>> => {
      if (store.ledgerRecovery === undefined) throw new Error('The PostgreSQL store has no ledger recovery.');
      return { ledger: store.ledger, ledgerRecovery: store.ledgerRecovery };
    };

    describeLedgerRecoveryRepositoryConformance(stores);
    describeLedgerCrashProperties('postgres', stores, { numRuns: 15 });
  },
);
