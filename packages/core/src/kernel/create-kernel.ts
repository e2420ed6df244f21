/**
 * Builds the kernel: a tsyringe container holding the registry, catalog, router, pricing, credits and executor,
 * each behind an explicit token. Plugins must be registered before `await kernel.start()`, which freezes provider
 * settings, seeds the store's catalog with the plugins' maps and loads it.
 */
import './reflect-metadata.js';
import type { ProviderPluginV1 } from '@tollgate/provider-spec';
import { createUpstreamDispatcher } from '@tollgate/provider-utils';
import {
  type DependencyContainer,
  type InjectionToken,
  instanceCachingFactory,
  container as rootContainer,
} from 'tsyringe';
import { InferenceProviderSettingsService } from '../account-settings/inference-provider-settings-service.js';
import { Authenticator } from '../auth/authenticator.js';
import { TokenService } from '../auth/token-service.js';
import { BillToResolver } from '../billing/bill-to-resolver.js';
import type { BillingTiers } from '../billing/billing-tiers.js';
import { CatalogAudiences } from '../catalog/catalog-audiences.js';
import { StoreModelCatalog } from '../catalog/store-model-catalog.js';
import type { CreditHoldPlanOptions } from '../credits/credit-hold-plan.js';
import type { CreditLedger } from '../credits/credit-ledger.js';
import { LedgerReconciler, type LedgerReconcilerOptions } from '../credits/ledger-reconciler.js';
import { NoChargeCreditLedger } from '../credits/no-charge-credit-ledger.js';
import { StoreCreditLedger } from '../credits/store-credit-ledger.js';
import { LingeringStreams } from '../execution/charged-stream.js';
import {
  combineObservers,
  type ExecutionObserver,
  noopExecutionObserver,
} from '../execution/execution-observer.js';
import type { FailoverOptions } from '../execution/failover-options.js';
import { type ExecutionBillingOptions, TaskExecutor } from '../execution/task-executor.js';
import type { UpstreamCallOptions } from '../execution/upstream-call-options.js';
import { UpstreamTargets } from '../execution/upstream-targets.js';
import { NativeCallExecutor } from '../native/native-call-executor.js';
import { OrganizationAccessService } from '../organizations/organization-access.js';
import { ProviderOrganizations } from '../organizations/provider-organizations.js';
import { StorePerformanceView } from '../performance/store-performance-view.js';
import { TrafficPerformanceRecorder } from '../performance/traffic-performance-recorder.js';
import { ValidationProber, type ValidationProberOptions } from '../performance/validation-prober.js';
import { type CostFactor, DEFAULT_ESTIMATED_COST_FACTOR, parseCostFactor } from '../pricing/cost-factor.js';
import { RateTablePricingService, withCostFactor } from '../pricing/pricing-service.js';
import { billingApiOf } from '../provider-costs/provider-billing-api-of.js';
import { ProviderCostDeferral } from '../provider-costs/provider-cost-deferral.js';
import {
  ProviderCostReconciler,
  type ProviderCostReconcilerOptions,
} from '../provider-costs/provider-cost-reconciler.js';
import { masterKeysFromEnv } from '../provider-keys/master-key.js';
import { ProviderKeyCipher } from '../provider-keys/provider-key-cipher.js';
import { ProviderKeyVault } from '../provider-keys/provider-key-vault.js';
import { ProviderRegistry } from '../registry/provider-registry.js';
import { RequestLog } from '../request-log/request-log.js';
import { type CircuitBreakerOptions, CircuitBreakers } from '../routing/circuit-breakers.js';
import { DefaultRouter } from '../routing/default-router.js';
import type { ProvidersConfig } from '../settings/provider-config.js';
import {
  type ProviderRuntimeSettings,
  resolveProviderRuntimeSettings,
} from '../settings/provider-runtime-settings.js';
import type { Store } from '../store/store.js';
import { createInMemoryInferenceProviderSettingsRepository } from '../store/testing/in-memory-inference-provider-settings-repository.js';
import { createInMemoryPerformanceRepository } from '../store/testing/in-memory-performance-repository.js';
import { createInMemoryProviderKeyRepository } from '../store/testing/in-memory-provider-key-repository.js';
import { coreTokens } from './core-tokens.js';
import { type KernelLogger, silentLogger } from './logger.js';

export interface KernelOptions {
  readonly store: Store;
  /** Plugins an embedding app registers itself (discovered plugins are added by the host with `registry.add`). */
  readonly plugins?: readonly ProviderPluginV1[];
  readonly providers?: ProvidersConfig;
  /** Where provider keys and base-URL overrides are read from; defaults to `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly logger?: KernelLogger;
  readonly observer?: ExecutionObserver;
  readonly upstream?: UpstreamCallOptions;
  readonly catalog?: {
    /**
     * How often to ask the store whether another instance changed the catalog (one small read); default 3000 ms,
     * 0 turns polling off (a single instance sees its own writes at once either way).
     */
    readonly refreshIntervalMs?: number;
  };
  /** Failover, circuit breakers and how long accounts' routing settings are cached. */
  readonly routing?: {
    readonly failover?: FailoverOptions;
    readonly circuitBreaker?: Omit<CircuitBreakerOptions, 'onTransition'>;
    /** Default 5000 ms: another instance's settings change is routed here within this long. */
    readonly settingsCacheTtlMs?: number;
  };
  /** Live performance: real traffic's speed, the store-backed view routing reads, and the validation prober. */
  readonly performance?: {
    /** How often this instance merges what traffic showed into the store; default 5000 ms. */
    readonly flushIntervalMs?: number;
    /** How often to ask the store whether figures changed; default 3000 ms, 0 turns polling off. */
    readonly refreshIntervalMs?: number;
    /** The validation prober's schedule; it runs only when `enabled` is true. */
    readonly prober?: ValidationProberOptions & { readonly enabled?: boolean };
  };
  /**
   * Credits: on by default when the store has a ledger (every routed request then holds its worst case, is capped
   * to what the account can pay, and is charged rate x usage); `enabled: false` serves everything without
   * charging (embedders, benchmarks' baselines).
   */
  readonly billing?: KernelBillingOptions;
  /** Replace any service: register values for `coreTokens` here; they win over the defaults. */
  readonly configure?: (container: DependencyContainer) => void;
  /** Build inside this container instead of a fresh child of tsyringe's global one. */
  readonly parentContainer?: DependencyContainer;
}

export interface KernelBillingOptions extends CreditHoldPlanOptions {
  /** Default true (when the store has a ledger and billing accounts). */
  readonly enabled?: boolean;
  /** The tiers' included credits and pay-as-you-go terms; default Hugging Face's. */
  readonly tiers?: BillingTiers;
  /** What a request whose worst case cannot be bounded holds; default $0.01 (or what is left). */
  readonly unboundedHoldNanoUsd?: bigint;
  /**
   * A provider not integrated with billing (`billing: 'estimated'`) is charged its rate-card cost times this, and
   * only included credits pay for it (decision 0022): an exact decimal (`"1.25"`) or a ratio (`"5/4"`), at least 1;
   * default 1.25.
   */
  readonly estimatedCostFactor?: string | CostFactor;
  /** How long an abandoned stream is read on for the provider's usage; default 5000 ms. */
  readonly disconnectGraceMs?: number;
  /**
   * At most how often a charged stream checkpoints the cost it has reached, for the crash reconciler (decision
   * 0020); default 2000 ms, 0 never. Only long streams write: one that ends within the interval writes nothing.
   */
  readonly checkpointIntervalMs?: number;
  /**
   * The crash reconciler's schedule (decision 0020): it runs at start and then periodically when the store has
   * `ledgerRecovery`, and closes holds older than `graceMs` that a crashed instance left open.
   */
  readonly reconciler?: LedgerReconcilerOptions & { readonly enabled?: boolean };
  /**
   * Providers with a billing API (decision 0021): their requests are charged the cost they report later, by a
   * reconciler that runs every `intervalMs` (default 60 s) when the store has `providerCosts` and `ledgerRecovery`.
   * `enabled: false` charges them their metered cost at once instead.
   */
  readonly providerCosts?: ProviderCostReconcilerOptions & {
    readonly enabled?: boolean;
    /** Unpriced this long after it ended, a request is not charged; default 30 minutes. */
    readonly deadlineMs?: number;
  };
}

export interface Kernel {
  readonly container: DependencyContainer;
  readonly registry: ProviderRegistry;
  readonly store: Store;
  /** Resolve a service by token, after `start()`. */
  resolve<T>(token: InjectionToken<T>): T;
  readonly executor: TaskExecutor;
  /** Serves providers' own APIs at `/{provider}/...` (native routes). */
  readonly native: NativeCallExecutor;
  /** The store-backed catalog: synchronous reads from its snapshot, writes that refresh it. */
  readonly catalog: StoreModelCatalog;
  readonly authenticator: Authenticator;
  readonly tokens: TokenService;
  /** Checks `X-HF-Bill-To` headers: which organization pays for a member's request. */
  readonly billTo: BillToResolver;
  /** Accounts' inference provider settings (default policy, provider order, disabled providers). */
  readonly inferenceProviderSettings: InferenceProviderSettingsService;
  /** Users' and organizations' own provider keys (sealed under `TOLLGATE_MASTER_KEY` from `env`). */
  readonly providerKeys: ProviderKeyVault;
  providerSettings(): ReadonlyMap<string, ProviderRuntimeSettings>;
  /**
   * Freezes the plugin set: resolves provider settings, seeds the store's catalog and loads its first snapshot.
   * Rejects when the store cannot be seeded or read. Idempotent.
   */
  start(): Promise<void>;
  /** Stops the catalog's polling and disposes the container; the store stays open (its owner closes it). */
  dispose(): Promise<void>;
}

/**
 * @example
 * const kernel = createKernel({ store, plugins: [groqPlugin] });
 * await kernel.start();
 * const result = await kernel.executor.execute({ task: 'conversational', model: 'openai/gpt-oss-120b:groq', ... });
 */
/** The host's observer, plus the recorder that turns traffic into measured performance. */
function measuredObserver(c: DependencyContainer): ExecutionObserver {
  return combineObservers(c.resolve(coreTokens.observer), c.resolve(coreTokens.performanceRecorder));
}

/** The credit ledger an executor uses: seen by the request log, when there is one, so records carry the charge. */
function recordedCredits(c: DependencyContainer): CreditLedger {
  const credits = c.resolve(coreTokens.credits);
  return c.resolve(coreTokens.requestLog)?.watch(credits) ?? credits;
}

function requestLogOf(c: DependencyContainer): { readonly requestLog?: RequestLog } {
  const requestLog = c.resolve(coreTokens.requestLog);
  return requestLog ? { requestLog } : {};
}

export function createKernel(options: KernelOptions): Kernel {
  const container = (options.parentContainer ?? rootContainer).createChildContainer();
  const registry = new ProviderRegistry();
  for (const plugin of options.plugins ?? []) registry.add(plugin, 'embedded');

  container.register(coreTokens.logger, { useValue: options.logger ?? silentLogger });
  container.register(coreTokens.env, { useValue: options.env ?? process.env });
  container.register(coreTokens.providersConfig, { useValue: options.providers ?? {} });
  container.register(coreTokens.store, { useValue: options.store });
  container.register(coreTokens.registry, { useValue: registry });
  container.register(coreTokens.observer, { useValue: options.observer ?? noopExecutionObserver });
  // A test's catalog-only store has no performance repository: figures then live in memory.
  const performanceRepository = options.store.performance ?? createInMemoryPerformanceRepository();
  container.register(coreTokens.performance, {
    useFactory: instanceCachingFactory(
      (c) =>
        new StorePerformanceView({
          repository: performanceRepository,
          logger: c.resolve(coreTokens.logger),
          ...(options.performance?.refreshIntervalMs !== undefined
            ? { refreshIntervalMs: options.performance.refreshIntervalMs }
            : {}),
        }),
    ),
  });
  container.register(coreTokens.performanceRecorder, {
    useFactory: instanceCachingFactory((c) => {
      const view = c.resolve(coreTokens.performance);
      return new TrafficPerformanceRecorder({
        repository: performanceRepository,
        logger: c.resolve(coreTokens.logger),
        ...(options.performance?.flushIntervalMs !== undefined
          ? { flushIntervalMs: options.performance.flushIntervalMs }
          : {}),
        ...(view instanceof StorePerformanceView ? { onFlushed: () => view.refresh() } : {}),
      });
    }),
  });
  container.register(coreTokens.validationProber, {
    useFactory: instanceCachingFactory((c) => {
      const view = c.resolve(coreTokens.performance);
      const { enabled: _enabled, ...schedule } = options.performance?.prober ?? {};
      return new ValidationProber(
        {
          repository: performanceRepository,
          catalog: c.resolve(coreTokens.catalog),
          registry: c.resolve(coreTokens.registry),
          settings: c.resolve(coreTokens.providerSettings),
          targets: new UpstreamTargets(
            c.resolve(coreTokens.providerSettings),
            c.resolve(coreTokens.upstreamCallOptions),
          ),
          ...(view instanceof StorePerformanceView ? { view } : {}),
          logger: c.resolve(coreTokens.logger),
        },
        schedule,
      );
    }),
  });
  // The kernel owns its provider connections unless the host brings a pool: undici's global dispatcher is
  // shared with Node's built-in fetch, whose bundled undici may be of another major that cannot run our calls.
  const ownDispatcher = options.upstream?.dispatcher ? undefined : createUpstreamDispatcher();
  container.register(coreTokens.upstreamCallOptions, {
    useValue: ownDispatcher ? { ...options.upstream, dispatcher: ownDispatcher } : (options.upstream ?? {}),
  });
  container.register(coreTokens.providerSettings, {
    useFactory: instanceCachingFactory((c) => {
      const providers = c.resolve(coreTokens.providersConfig);
      const env = c.resolve(coreTokens.env);
      return new Map(
        registry
          .list()
          .map(({ plugin }) => [plugin.id, resolveProviderRuntimeSettings(plugin, providers, env)]),
      );
    }),
  });
  container.register(coreTokens.catalog, {
    useFactory: instanceCachingFactory(
      (c) =>
        new StoreModelCatalog({
          repository: c.resolve(coreTokens.store).catalog,
          registry: c.resolve(coreTokens.registry),
          providers: c.resolve(coreTokens.providersConfig),
          logger: c.resolve(coreTokens.logger),
          ...(options.catalog?.refreshIntervalMs !== undefined
            ? { refreshIntervalMs: options.catalog.refreshIntervalMs }
            : {}),
        }),
    ),
  });
  container.register(coreTokens.pricing, {
    useFactory: instanceCachingFactory(
      (c) =>
        new RateTablePricingService(c.resolve(coreTokens.registry), c.resolve(coreTokens.providersConfig)),
    ),
  });
  const { ledger, billingAccounts } = options.store;
  // A test's catalog-only store has no ledger: nothing can be charged then.
  const charging =
    options.billing?.enabled !== false && ledger !== undefined && billingAccounts !== undefined;
  container.register(coreTokens.credits, {
    useFactory: instanceCachingFactory(() =>
      charging
        ? new StoreCreditLedger({
            ledger,
            billingAccounts,
            ...(options.store.ledgerRecovery ? { recovery: options.store.ledgerRecovery } : {}),
            ...(options.billing?.tiers ? { tiers: options.billing.tiers } : {}),
            ...(options.billing?.unboundedHoldNanoUsd !== undefined
              ? { unboundedHoldNanoUsd: options.billing.unboundedHoldNanoUsd }
              : {}),
          })
        : new NoChargeCreditLedger(),
    ),
  });
  const { enabled: reconcilerEnabled, ...reconcilerSchedule } = options.billing?.reconciler ?? {};
  const recovery = options.store.ledgerRecovery;
  const {
    enabled: providerCostsEnabled,
    deadlineMs: providerCostDeadlineMs,
    ...providerCostSchedule
  } = options.billing?.providerCosts ?? {};
  // Provider-reported costs need the pending rows and a lease; without either, metered costs are final.
  const pendingCosts =
    charging && recovery !== undefined && providerCostsEnabled !== false
      ? options.store.providerCosts
      : undefined;
  const billingApis = (c: DependencyContainer) => {
    const providers = c.resolve(coreTokens.providersConfig);
    return new Map(
      registry.list().flatMap(({ plugin }) => {
        const billingApi = billingApiOf(plugin, providers);
        return billingApi ? [[plugin.id, billingApi] as const] : [];
      }),
    );
  };
  let deferral: ProviderCostDeferral | undefined;
  const providerCostDeferral = (c: DependencyContainer): ProviderCostDeferral | undefined => {
    if (pendingCosts === undefined) return undefined;
    deferral ??= new ProviderCostDeferral({
      repository: pendingCosts,
      billingApis: billingApis(c),
      logger: c.resolve(coreTokens.logger),
      ...(providerCostDeadlineMs !== undefined ? { deadlineMs: providerCostDeadlineMs } : {}),
    });
    return deferral;
  };
  let reconciler: LedgerReconciler | undefined;
  let providerCostReconciler: ProviderCostReconciler | undefined;
  const startReconciler = (): void => {
    if (!charging || recovery === undefined) return;
    if (reconcilerEnabled !== false) {
      reconciler = new LedgerReconciler(
        {
          ledger,
          recovery,
          ...(options.store.providerCosts ? { providerCosts: options.store.providerCosts } : {}),
          requests: options.store.requests,
          logger: container.resolve(coreTokens.logger),
        },
        reconcilerSchedule,
      );
      reconciler.start();
    }
    const apis = billingApis(container);
    if (pendingCosts === undefined || apis.size === 0) return;
    const targets = new UpstreamTargets(
      container.resolve(coreTokens.providerSettings),
      container.resolve(coreTokens.upstreamCallOptions),
    );
    const requests = options.store.requests;
    providerCostReconciler = new ProviderCostReconciler(
      {
        ledger,
        providerCosts: pendingCosts,
        ...(requests ? { requests } : {}),
        leases: recovery,
        billingTargetOf: (providerId) => {
          const plugin = registry.get(providerId);
          const billingApi = apis.get(providerId);
          return plugin && billingApi ? { target: targets.target(plugin), billingApi } : undefined;
        },
        callOptions: container.resolve(coreTokens.upstreamCallOptions),
        logger: container.resolve(coreTokens.logger),
      },
      providerCostSchedule,
    );
    providerCostReconciler.start();
  };
  // Charged streams read on after their clients left; disposing the kernel ends them at once.
  const lingeringStreams = new LingeringStreams();
  const configuredFactor = options.billing?.estimatedCostFactor;
  const estimatedCostFactor =
    configuredFactor === undefined
      ? DEFAULT_ESTIMATED_COST_FACTOR
      : typeof configuredFactor === 'string'
        ? parseCostFactor(configuredFactor)
        : parseCostFactor(`${configuredFactor.numerator}/${configuredFactor.denominator}`);
  const billingPlan: ExecutionBillingOptions = {
    estimatedCostFactor,
    ...(options.billing?.disconnectGraceMs !== undefined
      ? { disconnectGraceMs: options.billing.disconnectGraceMs }
      : {}),
    ...(options.billing?.defaultMaxOutputTokens !== undefined
      ? { defaultMaxOutputTokens: options.billing.defaultMaxOutputTokens }
      : {}),
    ...(options.billing?.minimumOutputTokens !== undefined
      ? { minimumOutputTokens: options.billing.minimumOutputTokens }
      : {}),
    ...(options.billing?.checkpointIntervalMs !== undefined
      ? { checkpointIntervalMs: options.billing.checkpointIntervalMs }
      : {}),
  };
  container.register(coreTokens.chargedPricing, {
    useFactory: instanceCachingFactory((c) => {
      const registry = c.resolve(coreTokens.registry);
      const pricing = c.resolve(coreTokens.pricing);
      return charging
        ? withCostFactor(
            pricing,
            estimatedCostFactor,
            (providerId) => registry.get(providerId)?.billing === 'estimated',
          )
        : pricing;
    }),
  });
  container.register(coreTokens.router, {
    useFactory: instanceCachingFactory(
      (c) =>
        new DefaultRouter(
          c.resolve(coreTokens.registry),
          c.resolve(coreTokens.catalog),
          // `:cheapest` ranks a provider not integrated with billing by what it is charged: rate x the factor.
          c.resolve(coreTokens.chargedPricing),
          c.resolve(coreTokens.providerSettings),
          c.resolve(coreTokens.performance),
        ),
    ),
  });
  container.register(coreTokens.inferenceProviderSettings, {
    useFactory: instanceCachingFactory(
      (c) =>
        new InferenceProviderSettingsService({
          // A test's catalog-only store has no settings repository: every account routes with the defaults then.
          repository:
            c.resolve(coreTokens.store).inferenceProviderSettings ??
            createInMemoryInferenceProviderSettingsRepository(),
          logger: c.resolve(coreTokens.logger),
          ...(options.routing?.settingsCacheTtlMs !== undefined
            ? { cacheTtlMs: options.routing.settingsCacheTtlMs }
            : {}),
        }),
    ),
  });
  container.register(coreTokens.circuitBreakers, {
    useFactory: instanceCachingFactory((c) => {
      const logger = c.resolve(coreTokens.logger);
      return new CircuitBreakers({
        ...options.routing?.circuitBreaker,
        onTransition: (transition) =>
          (transition.to === 'open' ? logger.warn : logger.info).call(
            logger,
            {
              provider: transition.providerId,
              providerModel: transition.providerModelId,
              from: transition.from,
              to: transition.to,
              consecutiveFailures: transition.consecutiveFailures,
            },
            transition.to === 'open'
              ? 'Circuit opened: the provider model is skipped until its cool-down ends'
              : `Circuit ${transition.to}`,
          ),
      });
    }),
  });
  container.register(coreTokens.providerOrganizations, {
    useFactory: instanceCachingFactory(
      (c) => new ProviderOrganizations(c.resolve(coreTokens.providersConfig)),
    ),
  });
  container.register(coreTokens.organizationAccess, {
    useFactory: instanceCachingFactory((c) => {
      const store = c.resolve(coreTokens.store);
      // A test's catalog-only store has no organizations: nobody is a member of anything then.
      return new OrganizationAccessService({ users: store.users, organizations: store.organizations });
    }),
  });
  container.register(coreTokens.catalogAudiences, {
    useFactory: instanceCachingFactory((c) => {
      const catalog = c.resolve(coreTokens.catalog);
      return new CatalogAudiences({
        access: c.resolve(coreTokens.organizationAccess),
        organizations: c.resolve(coreTokens.providerOrganizations),
        providerIds: () => registry.list().map(({ plugin }) => plugin.id),
        hasStagingMappings: () => catalog.hasStagingEntries(),
      });
    }),
  });
  container.register(coreTokens.requestLog, {
    useFactory: instanceCachingFactory((c) => {
      // A test's catalog-only store keeps no request records: nothing is recorded then.
      const repository = c.resolve(coreTokens.store).requests;
      return repository && new RequestLog({ repository, logger: c.resolve(coreTokens.logger) });
    }),
  });
  container.register(coreTokens.executor, {
    useFactory: instanceCachingFactory((c) => {
      const credits = recordedCredits(c);
      return new TaskExecutor({
        registry: c.resolve(coreTokens.registry),
        router: c.resolve(coreTokens.router),
        pricing: c.resolve(coreTokens.pricing),
        credits,
        ...(credits.charges === true ? { billing: billingPlan, lingeringStreams } : {}),
        settings: c.resolve(coreTokens.providerSettings),
        observer: measuredObserver(c),
        callOptions: c.resolve(coreTokens.upstreamCallOptions),
        accountSettings: c.resolve(coreTokens.inferenceProviderSettings),
        audiences: c.resolve(coreTokens.catalogAudiences),
        providerKeys: c.resolve(coreTokens.providerKeys),
        breakers: c.resolve(coreTokens.circuitBreakers),
        ...(options.routing?.failover ? { failover: options.routing.failover } : {}),
        logger: c.resolve(coreTokens.logger),
        ...requestLogOf(c),
        ...(credits.charges === true && providerCostDeferral(c)
          ? { providerCosts: providerCostDeferral(c) }
          : {}),
      });
    }),
  });
  container.register(coreTokens.nativeExecutor, {
    useFactory: instanceCachingFactory(
      (c) =>
        new NativeCallExecutor({
          registry: c.resolve(coreTokens.registry),
          catalog: c.resolve(coreTokens.catalog),
          pricing: c.resolve(coreTokens.pricing),
          credits: recordedCredits(c),
          ...(c.resolve(coreTokens.credits).charges === true
            ? { billing: billingPlan, lingeringStreams }
            : {}),
          settings: c.resolve(coreTokens.providerSettings),
          observer: measuredObserver(c),
          callOptions: c.resolve(coreTokens.upstreamCallOptions),
          accountSettings: c.resolve(coreTokens.inferenceProviderSettings),
          audiences: c.resolve(coreTokens.catalogAudiences),
          providerKeys: c.resolve(coreTokens.providerKeys),
          logger: c.resolve(coreTokens.logger),
          ...requestLogOf(c),
          ...(c.resolve(coreTokens.credits).charges === true && providerCostDeferral(c)
            ? { providerCosts: providerCostDeferral(c) }
            : {}),
        }),
    ),
  });
  container.register(coreTokens.authenticator, {
    useFactory: instanceCachingFactory((c) => new Authenticator(c.resolve(coreTokens.store).tokens)),
  });
  container.register(coreTokens.tokenService, {
    useFactory: instanceCachingFactory((c) => new TokenService(c.resolve(coreTokens.store).tokens)),
  });
  container.register(coreTokens.billTo, {
    useFactory: instanceCachingFactory((c) => {
      const store = c.resolve(coreTokens.store);
      return new BillToResolver({
        organizations: store.organizations,
        billingAccounts: store.billingAccounts,
        access: c.resolve(coreTokens.organizationAccess),
      });
    }),
  });
  container.register(coreTokens.providerKeys, {
    useFactory: instanceCachingFactory(
      (c) =>
        new ProviderKeyVault({
          // A test's catalog-only store has no provider keys: nobody routes with their own key then.
          repository: c.resolve(coreTokens.store).providerKeys ?? createInMemoryProviderKeyRepository(),
          // A missing master key fails only when a key is set or opened; an invalid one fails here, at start.
          cipher: new ProviderKeyCipher(masterKeysFromEnv(c.resolve(coreTokens.env))),
          ...(options.routing?.settingsCacheTtlMs !== undefined
            ? { cacheTtlMs: options.routing.settingsCacheTtlMs }
            : {}),
        }),
    ),
  });
  options.configure?.(container);

  let started = false;
  let starting: Promise<void> | undefined;
  const resolve = <T>(token: InjectionToken<T>): T => {
    if (!started)
      throw new Error('Call `await kernel.start()` after registering plugins and before serving requests.');
    return container.resolve<T>(token);
  };
  return {
    container,
    registry,
    store: options.store,
    resolve,
    get executor() {
      return resolve(coreTokens.executor);
    },
    get native() {
      return resolve(coreTokens.nativeExecutor);
    },
    get catalog() {
      return resolve(coreTokens.catalog);
    },
    get authenticator() {
      return resolve(coreTokens.authenticator);
    },
    get tokens() {
      return resolve(coreTokens.tokenService);
    },
    get billTo() {
      return resolve(coreTokens.billTo);
    },
    get inferenceProviderSettings() {
      return resolve(coreTokens.inferenceProviderSettings);
    },
    get providerKeys() {
      return resolve(coreTokens.providerKeys);
    },
    providerSettings() {
      return resolve(coreTokens.providerSettings);
    },
    start() {
      starting ??= (async () => {
        await container.resolve(coreTokens.catalog).start();
        const view = container.resolve(coreTokens.performance);
        if (view instanceof StorePerformanceView) await view.start();
        container.resolve(coreTokens.performanceRecorder).start();
        if (options.performance?.prober?.enabled === true)
          container.resolve(coreTokens.validationProber).start();
        container.resolve(coreTokens.executor);
        startReconciler();
        started = true;
      })();
      return starting;
    },
    async dispose() {
      // Streams still reading after their clients left end now; their settlements follow as their reads fail.
      lingeringStreams.close();
      // Only a started kernel has a catalog that polls; resolving one now would create it.
      if (starting) {
        // Probes and traffic figures first: their last writes go to the store before anything closes.
        await container.resolve(coreTokens.validationProber).stop();
        await reconciler?.stop();
        await providerCostReconciler?.stop();
        await container.resolve(coreTokens.performanceRecorder).close();
        const view = container.resolve(coreTokens.performance);
        if (view instanceof StorePerformanceView) await view.close();
        await container.resolve(coreTokens.catalog).close();
      }
      await container.dispose();
      await ownDispatcher?.close();
    },
  };
}
