import { runSharedStoreConformance, runStoreConformance } from '@tollgate/core/testing';
import { createPostgresStore } from './create-postgres-store.js';
import { describeWithPostgres, findTestPostgres, useTestSchemas } from './testing.js';

const postgres = await findTestPostgres();

describeWithPostgres(postgres, 'postgres', (connectionString) => {
  const schemas = useTestSchemas(connectionString);
  runStoreConformance('postgres schema', () => schemas.createStore());
  runSharedStoreConformance('postgres schema', () => {
    const schema = schemas.reserveSchema();
    return { open: () => createPostgresStore({ connectionString, schema }) };
  });
});
