import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSharedStoreConformance, runStoreConformance } from '@tollgate/core/testing';
import { afterAll, beforeAll } from 'vitest';
import { createSqliteStore } from './create-sqlite-store.js';

runStoreConformance('sqlite :memory:', async () => createSqliteStore({ filename: ':memory:' }));

let directory = '';
let storeCount = 0;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'tollgate-store-sqlite-conformance-'));
});
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

runStoreConformance('sqlite file', async () => {
  storeCount += 1;
  return createSqliteStore({ filename: join(directory, `store-${storeCount}.db`) });
});

runSharedStoreConformance('sqlite file', () => {
  storeCount += 1;
  const filename = join(directory, `shared-${storeCount}.db`);
  return { open: () => createSqliteStore({ filename }) };
});
