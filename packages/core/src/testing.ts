/** @tollgate/core/testing: conformance suites that implementations of core's interfaces run in their own tests. */

export { createInMemoryCatalogRepository } from './store/testing/in-memory-catalog-repository.js';
export { createInMemoryInferenceProviderSettingsRepository } from './store/testing/in-memory-inference-provider-settings-repository.js';
export { createInMemoryLedgerRecoveryRepository } from './store/testing/in-memory-ledger-recovery-repository.js';
export { createInMemoryLedgerRepository } from './store/testing/in-memory-ledger-repository.js';
export { createInMemoryPerformanceRepository } from './store/testing/in-memory-performance-repository.js';
export { createInMemoryProviderCostRepository } from './store/testing/in-memory-provider-cost-repository.js';
export { createInMemoryProviderKeyRepository } from './store/testing/in-memory-provider-key-repository.js';
export { createInMemoryRequestRecordRepository } from './store/testing/in-memory-request-record-repository.js';
export {
  type CrashPropertyStores,
  describeLedgerCrashProperties,
  type LedgerCrashPropertyOptions,
} from './store/testing/ledger-crash-properties.js';
export { describeLedgerRecoveryRepositoryConformance } from './store/testing/ledger-recovery-repository-conformance.js';
export {
  runSpendingRace,
  type SpendingRaceOptions,
  type SpendingRaceReport,
} from './store/testing/ledger-spending-race.js';
export {
  describeProviderCostRepositoryConformance,
  describeRequestRecordRepricingConformance,
} from './store/testing/provider-cost-repository-conformance.js';
export {
  runSharedStoreConformance,
  type StoreLocation,
} from './store/testing/run-shared-store-conformance.js';
export { runStoreConformance } from './store/testing/run-store-conformance.js';
