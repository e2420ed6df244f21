import { runStoreConformance } from '@tollgate/core/testing';
import { describeWithPostgres, findTestPostgres, useTestSchemas } from './testing.js';

const postgres = await findTestPostgres();

describeWithPostgres(postgres, 'postgres', (connectionString) => {
  const schemas = useTestSchemas(connectionString);
  runStoreConformance('postgres schema', () => schemas.createStore());
});
