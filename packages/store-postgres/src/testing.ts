/** @tollgate/store-postgres/testing: find the test database, and give each test its own schema (vitest). */
export { describeWithPostgres } from './testing/describe-with-postgres.js';
export {
  DEFAULT_TEST_DATABASE_URL,
  findTestPostgres,
  isContinuousIntegration,
  TEST_DATABASE_URL_VARIABLE,
  type TestPostgres,
} from './testing/find-test-postgres.js';
export {
  dropTestSchemas,
  randomTestSchemaName,
  type TestSchemas,
  useTestSchemas,
  withSearchPath,
} from './testing/test-schemas.js';
