import type { Store } from '@tollgate/core';
import {
  describeProviderCostRepositoryConformance,
  describeRequestRecordRepricingConformance,
} from '@tollgate/core/testing';
import { afterEach, beforeEach } from 'vitest';
import { describeWithPostgres, findTestPostgres, useTestSchemas } from './testing.js';

const postgres = await findTestPostgres();

describeWithPostgres(postgres, 'postgres: provider-reported costs', (connectionString) => {
  const schemas = useTestSchemas(connectionString);
  let store: Store;
  beforeEach(async () => {
    store = await schemas.createStore();
    await store.migrate();
  });
  afterEach(async () => {
    await store.close();
  });

  describeProviderCostRepositoryConformance(() => {
    if (store.providerCosts === undefined) throw new Error('The PostgreSQL store has no provider costs.');
    return store.providerCosts;
  });
  describeRequestRecordRepricingConformance(() => store.requests);
});
