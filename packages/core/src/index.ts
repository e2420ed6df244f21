/** @tollgate/core: the kernel every Tollgate host (server, CLI, embedding app) runs. */
export {
  DEFAULT_INFERENCE_PROVIDER_SETTINGS,
  type InferenceProviderSettings,
  MAX_PROVIDERS_PER_SETTING,
  normalizeInferenceProviderSettings,
} from './account-settings/inference-provider-settings.js';
export {
  DEFAULT_SETTINGS_CACHE_TTL_MS,
  InferenceProviderSettingsService,
  type InferenceProviderSettingsServiceOptions,
  type InferenceProviderSettingsSource,
} from './account-settings/inference-provider-settings-service.js';
export { settingsAccountOf } from './account-settings/settings-account.js';
export {
  ACCESS_TOKEN_PREFIX,
  displayPrefixOf,
  generateAccessToken,
  hashAccessToken,
} from './auth/access-token.js';
export { Authenticator, type AuthenticatorOptions } from './auth/authenticator.js';
export type { Principal } from './auth/principal.js';
export {
  assertMayCallInferenceProviders,
  checkTokenPermissions,
  INFERENCE_PERMISSION,
  isTokenPermission,
  TOKEN_PERMISSIONS,
  type TokenPermission,
} from './auth/token-permission.js';
export { type IssuedToken, TokenService } from './auth/token-service.js';
export { assertValidUserName } from './auth/user-name.js';
export { BILL_TO_HEADER, BillToResolver, type BillToResolverOptions } from './billing/bill-to-resolver.js';
export { type BilledAccount, type BilledOrganization, billedAccountOf } from './billing/billed-account.js';
export { allowanceOf, type BillingAccount, type BillingAllowance } from './billing/billing-account.js';
export { billingPeriodOf, isBillingPeriod } from './billing/billing-period.js';
export {
  type BillingTier,
  type BillingTierId,
  type BillingTiers,
  DEFAULT_BILLING_TIERS,
  ORGANIZATION_PLANS,
  type OrganizationPlan,
  resolveBillingTiers,
  USER_TIERS,
  type UserTier,
} from './billing/billing-tiers.js';
export { checkOrganizationBillingTerms } from './billing/check-organization-billing-terms.js';
export { CatalogAudience } from './catalog/catalog-audience.js';
export { CatalogAudiences, type CatalogAudiencesOptions } from './catalog/catalog-audiences.js';
export type { CatalogEntry } from './catalog/catalog-entry.js';
export { CatalogSnapshot } from './catalog/catalog-snapshot.js';
export type { ModelCatalog } from './catalog/model-catalog.js';
export {
  type CatalogSeedReport,
  DEFAULT_CATALOG_REFRESH_INTERVAL_MS,
  StoreModelCatalog,
  type StoreModelCatalogOptions,
} from './catalog/store-model-catalog.js';
export {
  type CreditHoldPlan,
  type CreditHoldPlanOptions,
  DEFAULT_MAX_OUTPUT_TOKENS,
  DEFAULT_MINIMUM_OUTPUT_TOKENS,
  type LimitedRequest,
  planBoundedHold,
  planCreditHold,
} from './credits/credit-hold-plan.js';
export type { CreditHold, CreditLedger, HoldRequest, Settlement } from './credits/credit-ledger.js';
export {
  EstimatedProviderBlockedError,
  estimatedProviderBlockedMessage,
} from './credits/estimated-provider-blocked-error.js';
export {
  type AccountPosition,
  amountToHold,
  availableCredit,
  availableIncludedCredit,
  type ChargeSplit,
  chargeFor,
  type HoldSettlement,
  ledgerBalance,
  settleHold,
  splitCharge,
} from './credits/ledger-arithmetic.js';
export {
  DEFAULT_LEDGER_RECONCILER_SCHEDULE,
  INTERRUPTED_BY_CRASH,
  LEDGER_RECONCILER_LEASE,
  type LedgerReconcileReport,
  LedgerReconciler,
  type LedgerReconcilerDependencies,
  type LedgerReconcilerOptions,
} from './credits/ledger-reconciler.js';
export { NoChargeCreditLedger } from './credits/no-charge-credit-ledger.js';
export {
  DEFAULT_UNBOUNDED_HOLD_NANO_USD,
  insufficientCreditMessage,
  organizationInsufficientCreditMessage,
  StoreCreditLedger,
  type StoreCreditLedgerOptions,
} from './credits/store-credit-ledger.js';
export { type LedgerViolation, type LedgerViolationCode, verifyLedger } from './credits/verify-ledger.js';
export {
  createDirectProviderClient,
  type DirectCallRequest,
  type DirectProviderClient,
  type DirectProviderClientOptions,
} from './direct/direct-provider-client.js';
export {
  combineObservers,
  type ExecutionObserver,
  noopExecutionObserver,
  type UpstreamCallReport,
} from './execution/execution-observer.js';
export type {
  CompletedExecution,
  ExecutionRequest,
  ExecutionResult,
  ExecutionRoute,
  StreamCompletion,
  StreamItem,
  StreamingExecution,
  StreamOutcome,
} from './execution/execution-types.js';
export {
  DEFAULT_FAILOVER_DEADLINE_MS,
  DEFAULT_FAILOVER_MAX_ATTEMPTS,
  type FailoverOptions,
} from './execution/failover-options.js';
export { isProviderFault } from './execution/provider-fault.js';
export { TaskExecutor, type TaskExecutorDependencies } from './execution/task-executor.js';
export type { UpstreamCallOptions } from './execution/upstream-call-options.js';
export { coreTokens } from './kernel/core-tokens.js';
export {
  createKernel,
  type Kernel,
  type KernelBillingOptions,
  type KernelOptions,
} from './kernel/create-kernel.js';
export { type KernelLogger, silentLogger } from './kernel/logger.js';
export { type DiscoverPluginsOptions, discoverPlugins } from './loader/discover-plugins.js';
export type {
  LoadedPluginPackage,
  PluginDiscoveryReport,
  SkippedPluginPackage,
} from './loader/plugin-discovery-report.js';
export { DEFAULT_PLUGIN_NAME_PATTERNS, type PluginPackageField } from './loader/plugin-package-field.js';
export { NativeCallExecutor, type NativeCallExecutorDependencies } from './native/native-call-executor.js';
export type {
  CompletedNativeCall,
  NativeCallRequest,
  NativeCallResult,
  StreamingNativeCall,
} from './native/native-call-types.js';
export { type NativeOperation, NativeOperationBook } from './native/native-operation-book.js';
export { type NativeRouteMatch, NativeRouteTable } from './native/native-route-table.js';
export {
  assertMayAdministerOrganization,
  assertMayViewOrganization,
} from './organizations/assert-may-administer-organization.js';
export { assertMayManageMappings } from './organizations/assert-may-manage-mappings.js';
export {
  DEFAULT_ORGANIZATION_ACCESS_TTL_MS,
  NO_ORGANIZATION_ACCESS,
  type OrganizationAccess,
  OrganizationAccessService,
  type OrganizationAccessServiceOptions,
} from './organizations/organization-access.js';
export { assertValidOrganizationName } from './organizations/organization-name.js';
export {
  DEFAULT_PROVIDER_ORGANIZATIONS,
  ProviderOrganizations,
} from './organizations/provider-organizations.js';
export {
  type ChatProbeArgs,
  type ChatProbeLimits,
  type ChatProbeVerdict,
  probeChatMapping,
} from './performance/chat-probe.js';
export {
  type MeasuredHealth,
  type MeasuredPerformance,
  type PerformanceView,
  unmeasuredPerformance,
} from './performance/measured-performance.js';
export {
  EWMA_ALPHA,
  EWMA_HALF_LIFE_SAMPLES,
  ewmaBatchWeight,
  ewmaContribution,
  mergeMovingAverage,
} from './performance/moving-average.js';
export {
  DEFAULT_PERFORMANCE_REFRESH_INTERVAL_MS,
  measuredPerformanceOf,
  StorePerformanceView,
  type StorePerformanceViewOptions,
} from './performance/store-performance-view.js';
export {
  DEFAULT_PERFORMANCE_FLUSH_INTERVAL_MS,
  TrafficPerformanceRecorder,
  type TrafficPerformanceRecorderOptions,
} from './performance/traffic-performance-recorder.js';
export {
  sampleOf,
  type TrafficSample,
  TrafficSampleAggregator,
} from './performance/traffic-sample-aggregator.js';
export {
  DEFAULT_PROBE_SCHEDULE,
  ValidationProber,
  type ValidationProberDependencies,
  type ValidationProberOptions,
} from './performance/validation-prober.js';
export {
  computeCost,
  computeParsedCost,
  type ParsedRateCard,
  parseRateCard,
} from './pricing/compute-cost.js';
export {
  applyCostFactor,
  type CostFactor,
  DEFAULT_ESTIMATED_COST_FACTOR,
  formatCostFactor,
  parseCostFactor,
} from './pricing/cost-factor.js';
export { type NanoUsd, nanoToUsd, usdToNano } from './pricing/nano-usd.js';
export { type PricingService, RateTablePricingService, withCostFactor } from './pricing/pricing-service.js';
export { usdNumber, withUsageCost } from './pricing/usage-cost.js';
export { type FetchProviderCostsArgs, fetchProviderCosts } from './provider-costs/fetch-provider-costs.js';
export { type ParsedProviderCosts, parseProviderCosts } from './provider-costs/parse-provider-costs.js';
export { billingApiOf } from './provider-costs/provider-billing-api-of.js';
export {
  type DeferArgs,
  ProviderCostDeferral,
  type ProviderCostDeferralOptions,
} from './provider-costs/provider-cost-deferral.js';
export {
  DEFAULT_PROVIDER_COST_SCHEDULE,
  PROVIDER_COST_RECONCILER_LEASE,
  type ProviderBillingTarget,
  ProviderCostReconciler,
  type ProviderCostReconcilerDependencies,
  type ProviderCostReconcilerOptions,
  type ProviderCostReport,
} from './provider-costs/provider-cost-reconciler.js';
export {
  MASTER_KEY_ENV_VAR,
  type MasterKey,
  type MasterKeys,
  masterKeysFromEnv,
  PREVIOUS_MASTER_KEYS_ENV_VAR,
  parseMasterKey,
} from './provider-keys/master-key.js';
export { MasterKeyError } from './provider-keys/master-key-error.js';
export { providerKeyAccountsOf } from './provider-keys/provider-key-accounts.js';
export { ProviderKeyCipher } from './provider-keys/provider-key-cipher.js';
export {
  type BillingMode,
  noProviderKeys,
  type ProviderKeySource,
} from './provider-keys/provider-key-source.js';
export {
  displaySuffixOf,
  type ProviderKeySummary,
  ProviderKeyVault,
  type ProviderKeyVaultOptions,
} from './provider-keys/provider-key-vault.js';
export { ProviderRegistry, type RegisteredProvider } from './registry/provider-registry.js';
export { ChargeTap } from './request-log/charge-tap.js';
export {
  type RefusedRequest,
  RequestLog,
  type RequestLogOptions,
  type TrackedRequest,
} from './request-log/request-log.js';
export { type RequestFailureStatus, requestStatusOf } from './request-log/request-status.js';
export {
  type CircuitBreakerOptions,
  CircuitBreakers,
  type CircuitState,
  type CircuitTicket,
  type CircuitTransition,
  DEFAULT_CIRCUIT_COOL_DOWN_MS,
  DEFAULT_CIRCUIT_FAILURE_THRESHOLD,
} from './routing/circuit-breakers.js';
export { CircuitOpenError } from './routing/circuit-open-error.js';
export { DefaultRouter } from './routing/default-router.js';
export {
  type ModelReference,
  parseModelReference,
  ROUTING_POLICIES,
  type RoutingPolicy,
} from './routing/parse-model-reference.js';
export type { RouteCandidate, RoutePlan, RouteRequest, Router } from './routing/router.js';
export { baseUrlEnvVar } from './settings/base-url-env-var.js';
export type { ConfiguredModelMapping, ProviderConfig, ProvidersConfig } from './settings/provider-config.js';
export {
  type ProviderRuntimeSettings,
  resolveProviderRuntimeSettings,
} from './settings/provider-runtime-settings.js';
export type {
  BillingAccountRepository,
  OrganizationBillingRecord,
  UserBillingRecord,
} from './store/billing-account-repository.js';
export type {
  CatalogMappingFilter,
  CatalogMappingInput,
  CatalogMappingOrigin,
  CatalogMappingRecord,
  CatalogMappingStatus,
  CatalogRepository,
  CatalogUpsertOptions,
  CatalogUpsertOutcome,
  CatalogUpsertResult,
  SingleModelMappingRecord,
  TagFilterMappingRecord,
} from './store/catalog-repository.js';
export type {
  InferenceProviderSettingsRecord,
  InferenceProviderSettingsRepository,
} from './store/inference-provider-settings-repository.js';
export type {
  CheckpointedRequest,
  LeaseClaim,
  LedgerCheckpoint,
  LedgerRecoveryRepository,
} from './store/ledger-recovery-repository.js';
export type {
  GrantInput,
  HoldKey,
  LedgerAccountBalanceRow,
  LedgerBalance,
  LedgerEntry,
  LedgerEntryKind,
  LedgerHold,
  LedgerPeriodBalanceRow,
  LedgerRepository,
  LedgerSnapshot,
  ReleaseResult,
  ReserveInput,
  ReserveResult,
  SettleResult,
  UserReserveInput,
  UserReserveResult,
  UserTierAllowances,
} from './store/ledger-repository.js';
export {
  type MembershipOutcome,
  ORGANIZATION_ROLES,
  type OrganizationMembershipRecord,
  type OrganizationRecord,
  type OrganizationRepository,
  type OrganizationRole,
} from './store/organization-repository.js';
export type {
  MovingAverageContribution,
  PerformanceKey,
  PerformanceRecord,
  PerformanceRepository,
  PerformanceSampleBatch,
  ProbeClaim,
  ProbeResult,
} from './store/performance-repository.js';
export {
  catalogMappingMatches,
  type PreparedCatalogMapping,
  type PreparedCatalogMappingWrite,
  prepareCatalogMapping,
} from './store/prepare-catalog-mapping.js';
export type { PendingProviderCost, ProviderCostRepository } from './store/provider-cost-repository.js';
export type {
  ProviderKeyInput,
  ProviderKeyRecord,
  ProviderKeyRepository,
  SealedProviderKey,
} from './store/provider-key-repository.js';
export {
  NO_UNITS,
  type ProviderCostState,
  type RequestRecord,
  type RequestRecordQuery,
  type RequestRecordRepository,
  type RequestRecordRepricing,
  type RequestUnits,
} from './store/request-record-repository.js';
export type { Store } from './store/store.js';
export type { TokenRecord, TokenRepository } from './store/token-repository.js';
export type { UserRecord, UserRepository } from './store/user-repository.js';
export { canonicalIsoTimestamp, isoTimestamp } from './time/iso-timestamp.js';
export {
  periodBounds,
  type UsageBreakdownRow,
  type UsageReconciliation,
  type UsageSummary,
  UsageSummaryService,
  type UsageSummaryServiceOptions,
} from './usage/usage-summary.js';
export {
  type MoneyDocument,
  money,
  type UsageDocumentOptions,
  type UsageRowDocument,
  type UsageSummaryDocument,
  usageRecordsCsv,
  usageSummaryDocument,
} from './usage/usage-summary-document.js';
