import type { Store } from '@tollgate/core';
import {
  describeProviderCostRepositoryConformance,
  describeRequestRecordRepricingConformance,
} from '@tollgate/core/testing';
import { afterEach, beforeEach, describe } from 'vitest';
import { createSqliteStore } from './create-sqlite-store.js';

describe('sqlite: provider-reported costs', () => {
  let store: Store;
  beforeEach(async () => {
    store = createSqliteStore({ filename: ':memory:' });
    await store.migrate();
  });
  afterEach(async () => {
    await store.close();
  });

  describeProviderCostRepositoryConformance(() => {
    if (store.providerCosts === undefined) throw new Error('The SQLite store has no provider costs.');
    return store.providerCosts;
  });
  describeRequestRecordRepricingConformance(() => store.requests);
});
