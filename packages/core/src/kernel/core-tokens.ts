/**
 * The kernel's injection tokens. Every service is registered and resolved by an explicit token, never by
 * emitted constructor types, so hosts can replace any of them by registering a value for the token.
 */
import type { InjectionToken } from 'tsyringe';
import type { InferenceProviderSettingsService } from '../account-settings/inference-provider-settings-service.js';
import type { Authenticator } from '../auth/authenticator.js';
import type { TokenService } from '../auth/token-service.js';
import type { BillToResolver } from '../billing/bill-to-resolver.js';
import type { CatalogAudiences } from '../catalog/catalog-audiences.js';
import type { StoreModelCatalog } from '../catalog/store-model-catalog.js';
import type { CreditLedger } from '../credits/credit-ledger.js';
import type { ExecutionObserver } from '../execution/execution-observer.js';
import type { TaskExecutor } from '../execution/task-executor.js';
import type { UpstreamCallOptions } from '../execution/upstream-call-options.js';
import type { NativeCallExecutor } from '../native/native-call-executor.js';
import type { OrganizationAccessService } from '../organizations/organization-access.js';
import type { ProviderOrganizations } from '../organizations/provider-organizations.js';
import type { PerformanceView } from '../performance/measured-performance.js';
import type { TrafficPerformanceRecorder } from '../performance/traffic-performance-recorder.js';
import type { ValidationProber } from '../performance/validation-prober.js';
import type { PricingService } from '../pricing/pricing-service.js';
import type { ProviderKeyVault } from '../provider-keys/provider-key-vault.js';
import type { ProviderRegistry } from '../registry/provider-registry.js';
import type { RequestLog } from '../request-log/request-log.js';
import type { CircuitBreakers } from '../routing/circuit-breakers.js';
import type { Router } from '../routing/router.js';
import type { ProvidersConfig } from '../settings/provider-config.js';
import type { ProviderRuntimeSettings } from '../settings/provider-runtime-settings.js';
import type { Store } from '../store/store.js';
import type { KernelLogger } from './logger.js';

const token = <T>(id: string): InjectionToken<T> => Symbol.for(`tollgate.core.${id}`);

export const coreTokens = {
  logger: token<KernelLogger>('logger'),
  env: token<Readonly<Record<string, string | undefined>>>('env'),
  providersConfig: token<ProvidersConfig>('providers-config'),
  store: token<Store>('store'),
  registry: token<ProviderRegistry>('registry'),
  providerSettings: token<ReadonlyMap<string, ProviderRuntimeSettings>>('provider-settings'),
  catalog: token<StoreModelCatalog>('catalog'),
  pricing: token<PricingService>('pricing'),
  /**
   * What a routed request is charged: `pricing`, times the estimate factor for providers not integrated with billing
   * when billing charges (decision 0022). `:cheapest` ranks by it and `/v1/models` lists it.
   */
  chargedPricing: token<PricingService>('charged-pricing'),
  credits: token<CreditLedger>('credits'),
  router: token<Router>('router'),
  /** Measured speed and health per (provider, provider model); routing policies read it. */
  performance: token<PerformanceView>('performance'),
  /** Aggregates real traffic's speed in memory and merges it into the store now and then. */
  performanceRecorder: token<TrafficPerformanceRecorder>('performance-recorder'),
  /** Probes live chat mappings on a schedule; started only when the kernel's options enable it. */
  validationProber: token<ValidationProber>('validation-prober'),
  /** Accounts' routing settings, cached for the hot path. */
  inferenceProviderSettings: token<InferenceProviderSettingsService>('inference-provider-settings'),
  /** Per (provider, provider model) circuit breakers of this instance. */
  circuitBreakers: token<CircuitBreakers>('circuit-breakers'),
  observer: token<ExecutionObserver>('observer'),
  upstreamCallOptions: token<UpstreamCallOptions>('upstream-call-options'),
  executor: token<TaskExecutor>('executor'),
  nativeExecutor: token<NativeCallExecutor>('native-executor'),
  authenticator: token<Authenticator>('authenticator'),
  /** Provider id -> the Hub organization whose members act for it. */
  providerOrganizations: token<ProviderOrganizations>('provider-organizations'),
  /** Users' admin flag and organization roles, cached briefly. */
  organizationAccess: token<OrganizationAccessService>('organization-access'),
  /** Whose staging mappings a caller may see and route to. */
  catalogAudiences: token<CatalogAudiences>('catalog-audiences'),
  tokenService: token<TokenService>('token-service'),
  /** Checks `X-HF-Bill-To`: the organization a member bills a request to. */
  billTo: token<BillToResolver>('bill-to'),
  /** Users' and organizations' own provider keys, sealed under the master key; executors route with them. */
  providerKeys: token<ProviderKeyVault>('provider-keys'),
  /** Records every request (decision 0017); undefined when the store keeps no request records. */
  requestLog: token<RequestLog | undefined>('request-log'),
} as const;
