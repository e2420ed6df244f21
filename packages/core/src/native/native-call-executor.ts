/**
 * Serves a provider's own API at `/{provider}/...`, as Hugging Face's router does: the plugin's native route
 * names the model (checked against the mapping) or the queued work it follows up, builds the call, and
 * meters the answer; this executor authorises, forwards with the provider key, prices and settles.
 */
import {
  type CallContextV1,
  type NativeRequestV1,
  type NativeRouteArgsV1,
  type NativeRouteV1,
  type ProviderPluginV1,
  RoutingError,
  type UsageV1,
} from '@tollgate/provider-spec';
import { callUpstream, openUpstreamStream } from '@tollgate/provider-utils';
import type { InferenceProviderSettingsSource } from '../account-settings/inference-provider-settings-service.js';
import { providerDisabledError } from '../account-settings/provider-disabled-error.js';
import { settingsAccountOf } from '../account-settings/settings-account.js';
import type { Principal } from '../auth/principal.js';
import { CatalogAudience } from '../catalog/catalog-audience.js';
import type { CatalogAudiences } from '../catalog/catalog-audiences.js';
import type { ModelCatalog } from '../catalog/model-catalog.js';
import {
  type CreditHoldPlan,
  type CreditHoldPlanOptions,
  planBoundedHold,
} from '../credits/credit-hold-plan.js';
import type { CreditHold, CreditLedger } from '../credits/credit-ledger.js';
import { NoChargeCreditLedger } from '../credits/no-charge-credit-ledger.js';
import {
  asksForStreamUsage,
  chargedStreamUsage,
  chatStreamLimit,
  DEFAULT_DISCONNECT_GRACE_MS,
  type HeldLimits,
  type LingeringStreams,
  LingeringUpstreamSignal,
} from '../execution/charged-stream.js';
import type { ExecutionObserver } from '../execution/execution-observer.js';
import type { ExecutionRoute, StreamCompletion } from '../execution/execution-types.js';
import { meteredStream } from '../execution/metered-stream.js';
import { DEFAULT_CHECKPOINT_INTERVAL_MS, streamCheckpoints } from '../execution/stream-checkpoints.js';
import { pipeStream, type StreamPipelineState } from '../execution/stream-pipeline.js';
import type { UpstreamCallOptions } from '../execution/upstream-call-options.js';
import { UpstreamTargets } from '../execution/upstream-targets.js';
import { type KernelLogger, silentLogger } from '../kernel/logger.js';
import { type CostFactor, DEFAULT_ESTIMATED_COST_FACTOR } from '../pricing/cost-factor.js';
import { type PricingService, withCostFactor } from '../pricing/pricing-service.js';
import type { ProviderCostDeferral } from '../provider-costs/provider-cost-deferral.js';
import { settleOrDefer } from '../provider-costs/settle-or-defer.js';
import type { BillingMode, ProviderKeySource } from '../provider-keys/provider-key-source.js';
import type { ProviderRegistry } from '../registry/provider-registry.js';
import type { RequestLog } from '../request-log/request-log.js';
import type { ProviderRuntimeSettings } from '../settings/provider-runtime-settings.js';
import type { NativeCallRequest, NativeCallResult } from './native-call-types.js';
import { type NativeOperation, NativeOperationBook } from './native-operation-book.js';
import { NativeRouteTable } from './native-route-table.js';

export interface NativeCallExecutorDependencies {
  readonly registry: ProviderRegistry;
  readonly catalog: ModelCatalog;
  readonly pricing: PricingService;
  readonly credits: CreditLedger;
  readonly settings: ReadonlyMap<string, ProviderRuntimeSettings>;
  readonly observer: ExecutionObserver;
  readonly callOptions: UpstreamCallOptions;
  readonly operations?: NativeOperationBook;
  /** Accounts' routing settings: a provider the account disabled is refused here too (403). */
  readonly accountSettings?: InferenceProviderSettingsSource;
  /** Whose staging mappings a caller may use; without it, live mappings only. */
  readonly audiences?: Pick<CatalogAudiences, 'forPrincipal'>;
  /** Callers' own provider keys; a provider they have one for is called with it and bills nothing here. */
  readonly providerKeys?: ProviderKeySource;
  /**
   * Set when `credits` charges: a route that bounds its request (`boundUsage`) holds that worst case and has its
   * output capped to what the hold pays for; others hold the ledger's default.
   */
  readonly billing?: CreditHoldPlanOptions & {
    readonly disconnectGraceMs?: number;
    /** A provider not integrated with billing is charged its rate-card cost times this (decision 0022); 1.25. */
    readonly estimatedCostFactor?: CostFactor;
    /** At most how often a charged stream checkpoints its cost; default 2000 ms, 0 never (decision 0020). */
    readonly checkpointIntervalMs?: number;
  };
  /** Where charged streams register while they may outlive their clients. */
  readonly lingeringStreams?: LingeringStreams;
  /** Records every call once it ended (decision 0017); without it nothing is recorded. */
  readonly requestLog?: Pick<RequestLog, 'track'>;
  /** Start routes of providers with a billing API are settled later at the cost they report (decision 0021). */
  readonly providerCosts?: ProviderCostDeferral;
  /** Where a failed stream checkpoint is reported; default silent. */
  readonly logger?: KernelLogger;
}

/** Who pays for a call: the gateway's key against credits, or the caller's own key, billed by the provider. */
interface Payer {
  readonly apiKey: string | undefined;
  readonly credits: CreditLedger;
  readonly billing: BillingMode;
  /** The rate card, times the estimated cost factor when `billing` is `estimated`. */
  readonly pricing: PricingService;
}

const providerBilled: CreditLedger = new NoChargeCreditLedger();

/** Who is billed for a call, and at which model's rates. */
interface BillingTarget {
  readonly route: ExecutionRoute;
  readonly task: string;
  /** Set for a follow-up: the queued work it reads. */
  readonly operation: NativeOperation | undefined;
}

const hasUsage = (usage: UsageV1 | undefined): usage is UsageV1 =>
  usage !== undefined && Object.values(usage).some((value) => value !== undefined && value !== 0);

export class NativeCallExecutor {
  private readonly tables = new Map<string, NativeRouteTable>();
  private readonly targets: UpstreamTargets;
  private readonly operations: NativeOperationBook;
  private readonly estimatedPricing: PricingService;

  constructor(private readonly deps: NativeCallExecutorDependencies) {
    this.estimatedPricing = withCostFactor(
      deps.pricing,
      deps.billing?.estimatedCostFactor ?? DEFAULT_ESTIMATED_COST_FACTOR,
    );
    this.operations = deps.operations ?? new NativeOperationBook();
    this.targets = new UpstreamTargets(deps.settings, deps.callOptions);
  }

  /** Whether `providerId` has native routes at all (the host answers 404 for the others). */
  serves(providerId: string): boolean {
    const plugin = this.deps.registry.get(providerId);
    return plugin !== undefined && (plugin.nativeRoutes?.length ?? 0) > 0;
  }

  /**
   * @example
   * const result = await native.execute({ providerId: 'groq', method: 'POST', path: '/openai/v1/chat/completions',
   *   query: {}, headers: {}, body: { kind: 'json', value: body }, principal, requestId, signal });
   */
  async execute(call: NativeCallRequest): Promise<NativeCallResult> {
    const { requestLog } = this.deps;
    if (!requestLog) return this.route(call);
    return requestLog.track(
      {
        requestId: call.requestId,
        principal: call.principal,
        // The mapping names the task; a call refused before one was found keeps the provider's native path.
        task: (route) => this.taskOf(route) ?? 'native',
        model: undefined,
        billedToOrganizationId: call.billTo?.id,
      },
      () => this.route(call),
    );
  }

  private taskOf(route: ExecutionRoute): string | undefined {
    return this.deps.catalog
      .entriesForProviderModel(route.providerId, route.providerModelId)
      .find((entry) => entry.hfModelId === route.hfModelId)?.task;
  }

  private async route(call: NativeCallRequest): Promise<NativeCallResult> {
    const plugin = this.deps.registry.get(call.providerId);
    if (!plugin) {
      throw new RoutingError({
        message: `The provider '${call.providerId}' is not a valid provider.`,
        status: 404,
        code: 'unknown_provider',
        param: 'provider',
      });
    }
    const match = this.table(plugin).match(call.method, call.path);
    if (!match) {
      throw new RoutingError({
        message: `Provider '${plugin.id}' has no route ${call.method} ${call.path} on this gateway.`,
        status: 404,
        code: 'unknown_url',
        param: 'path',
      });
    }
    let request: NativeRequestV1 = {
      method: call.method,
      path: call.path,
      query: call.query,
      params: match.params,
      headers: call.headers,
      body: call.body,
    };
    const audience = (await this.deps.audiences?.forPrincipal(call.principal)) ?? CatalogAudience.public;
    const billing = this.billingTarget(plugin, match.route, request, call.principal, audience);
    const apiKey = (await this.deps.providerKeys?.keysFor(call.principal, call.billTo))?.get(plugin.id);
    const estimated =
      plugin.billing === 'estimated' && this.deps.billing !== undefined && this.deps.credits.charges === true;
    const payer: Payer =
      apiKey !== undefined
        ? { apiKey, credits: providerBilled, billing: 'custom-key', pricing: this.deps.pricing }
        : estimated
          ? { apiKey, credits: this.deps.credits, billing: 'estimated', pricing: this.estimatedPricing }
          : { apiKey, credits: this.deps.credits, billing: 'routed', pricing: this.deps.pricing };
    // The caller's own key stands in for a missing gateway key.
    if (apiKey === undefined) this.assertAvailable(plugin.id);
    else this.assertEnabled(plugin.id);
    // Naming the provider in the path is no way around the account's settings.
    const settings = await this.deps.accountSettings?.forAccount(
      settingsAccountOf(call.principal, call.billTo),
    );
    if (settings?.disabledProviders.includes(plugin.id)) throw providerDisabledError(plugin.id);
    const plan = this.holdPlan(match.route, request, billing, payer);
    const hold = await payer.credits.hold({
      requestId: call.requestId,
      principal: call.principal,
      ...(call.billTo ? { billTo: call.billTo } : {}),
      providerId: plugin.id,
      providerModelId: billing.route.providerModelId,
      maxCostNanoUsd: plan?.maxCostNanoUsd,
      ...(plan?.minCostNanoUsd !== undefined ? { minCostNanoUsd: plan.minCostNanoUsd } : {}),
      ...(payer.billing === 'estimated' ? { includedCreditsOnly: true } : {}),
      hfModelId: billing.route.hfModelId,
      task: billing.task,
      billingMode: payer.billing,
    });
    let limits: HeldLimits | undefined;
    try {
      if (plan !== undefined) {
        const limited = plan.limit(hold.reservedNanoUsd);
        request = limited.input as NativeRequestV1;
        limits = {
          baseUsage: plan.baseUsage,
          maxOutputTokens: limited.maxOutputTokens,
          sequences: limited.sequences,
        };
      }
      const context: CallContextV1 = { requestId: call.requestId, ...billing.route };
      const upstreamRequest = match.route.mapRequest({ request, context });
      if (upstreamRequest.expect === 'sse')
        return await this.stream(
          plugin,
          match.route,
          { request, context },
          call,
          billing,
          hold,
          upstreamRequest,
          payer,
          limits,
        );
      return await this.complete(
        plugin,
        match.route,
        { request, context },
        call,
        billing,
        hold,
        upstreamRequest,
        payer,
      );
    } catch (error) {
      await payer.credits.release(hold);
      throw error;
    }
  }

  /** The worst case of a charged start, priced at the rate card; undefined when nothing is estimated. */
  private holdPlan(
    route: NativeRouteV1,
    request: NativeRequestV1,
    billing: BillingTarget,
    payer: Payer,
  ): CreditHoldPlan | undefined {
    if (this.deps.billing === undefined || payer.credits.charges !== true || route.role !== 'start') {
      return undefined;
    }
    const limitOutputTokens = route.limitOutputTokens;
    return planBoundedHold({
      bound: route.boundUsage?.({ request }),
      input: request,
      ...(limitOutputTokens
        ? { limitOutput: (maxOutputTokens: number) => limitOutputTokens({ request, maxOutputTokens }) }
        : {}),
      pricing: payer.pricing,
      providerId: billing.route.providerId,
      providerModelId: billing.route.providerModelId,
      options: this.deps.billing,
    });
  }

  private billingTarget(
    plugin: ProviderPluginV1,
    route: NativeRouteV1,
    request: NativeRequestV1,
    principal: Principal,
    audience: CatalogAudience,
  ): BillingTarget {
    if (route.role === 'follow-up') {
      const operationId = route.operationOf?.(request);
      const operation = operationId === undefined ? undefined : this.operations.find(plugin.id, operationId);
      // Someone else's work is reported as unknown, so request ids cannot be probed.
      if (!operation || operation.userId !== principal.userId) {
        throw new RoutingError({
          message: `Request '${operationId ?? ''}' was not started through this gateway by you, or has expired.`,
          status: 404,
          code: 'unknown_request',
          param: 'request_id',
        });
      }
      return {
        route: {
          providerId: plugin.id,
          hfModelId: operation.hfModelId,
          providerModelId: operation.providerModelId,
        },
        task: operation.task,
        operation,
      };
    }
    const providerModelId = route.modelOf?.(request);
    // One provider model may serve several Hub models (a partner's staging fine-tune beside the live base model):
    // a live mapping names the model billed, else a staging one the caller may test.
    const entries =
      providerModelId === undefined
        ? []
        : this.deps.catalog.entriesForProviderModel(plugin.id, providerModelId, route.task);
    const entry =
      entries.find((candidate) => candidate.status === 'live') ??
      entries.find((candidate) => audience.canUse(candidate));
    if (entry === undefined) {
      throw new RoutingError({
        message:
          providerModelId === undefined
            ? `The request to provider ${plugin.id} names no model.`
            : `Model not supported by provider ${plugin.id}: '${providerModelId}' is not mapped${route.task ? ` for task '${route.task}'` : ''}.`,
      });
    }
    return {
      route: { providerId: plugin.id, hfModelId: entry.hfModelId, providerModelId: entry.providerModelId },
      task: entry.task,
      operation: undefined,
    };
  }

  private assertEnabled(providerId: string): void {
    const settings = this.deps.settings.get(providerId);
    const reason = !settings
      ? 'it is not configured'
      : !settings.enabled
        ? 'it is disabled on this gateway'
        : undefined;
    if (reason) {
      throw new RoutingError({
        message: `Provider '${providerId}' cannot be used: ${reason}.`,
        code: 'provider_unavailable',
      });
    }
  }

  private assertAvailable(providerId: string): void {
    const settings = this.deps.settings.get(providerId);
    const reason = !settings
      ? 'it is not configured'
      : !settings.enabled
        ? 'it is disabled on this gateway'
        : settings.unavailableReason;
    if (reason) {
      throw new RoutingError({
        message: `Provider '${providerId}' cannot be used: ${reason}.`,
        code: 'provider_unavailable',
      });
    }
  }

  private async complete(
    plugin: ProviderPluginV1,
    route: NativeRouteV1,
    args: NativeRouteArgsV1,
    call: NativeCallRequest,
    billing: BillingTarget,
    hold: CreditHold,
    upstreamRequest: ReturnType<NativeRouteV1['mapRequest']>,
    { apiKey, credits, billing: billingMode, pricing }: Payer,
  ): Promise<NativeCallResult> {
    const started = Date.now();
    const report = (outcome: 'ok' | 'error', usage?: UsageV1, errorKind?: string) =>
      this.deps.observer.upstreamCallFinished({
        providerId: plugin.id,
        hfModelId: billing.route.hfModelId,
        providerModelId: billing.route.providerModelId,
        task: billing.task,
        streaming: false,
        durationMs: Date.now() - started,
        outcome,
        ...(usage ? { usage } : {}),
        ...(errorKind ? { errorKind } : {}),
      });
    let response: Awaited<ReturnType<typeof callUpstream>>;
    try {
      response = await callUpstream(this.targets.call(plugin, upstreamRequest, call.signal, apiKey));
    } catch (error) {
      report('error', undefined, (error as { reason?: string }).reason ?? 'http');
      throw error;
    }
    const metering = route.meterResponse?.({ ...args, response }) ?? {};
    // Queued work is billed once, on the first answer that reports it done.
    const billable = hasUsage(metering.usage) && !billing.operation?.billed ? metering.usage : undefined;
    if (billable && billing.operation) billing.operation.billed = true;
    const usage = billable ?? {};
    // A start that already finished (a synchronous answer) is billed now; its follow-ups must not bill again.
    if (metering.operationId !== undefined && route.role === 'start') {
      this.operations.add({
        providerId: plugin.id,
        operationId: metering.operationId,
        userId: call.principal.userId,
        task: billing.task,
        hfModelId: billing.route.hfModelId,
        providerModelId: billing.route.providerModelId,
        requestId: call.requestId,
      }).billed = billable !== undefined;
    }
    const costNanoUsd = billable
      ? pricing.costOf(plugin.id, billing.route.providerModelId, billable)
      : undefined;
    // Only a start answered whole is asked about: a queued job's submission and polls are not what is billed.
    const { providerCost } = await settleOrDefer({
      deferral: this.deps.providerCosts,
      plugin,
      hold,
      credits,
      costNanoUsd: costNanoUsd ?? 0n,
      headers: route.role === 'start' && metering.operationId === undefined ? response.headers : undefined,
    });
    report('ok', usage);
    return {
      kind: 'complete',
      route: billing.route,
      response,
      bodyKind: upstreamRequest.expect === 'bytes' ? 'bytes' : 'json',
      usage,
      costNanoUsd,
      billing: billingMode,
      ...(providerCost ? { providerCost } : {}),
    };
  }

  private async stream(
    plugin: ProviderPluginV1,
    route: NativeRouteV1,
    args: NativeRouteArgsV1,
    call: NativeCallRequest,
    billing: BillingTarget,
    hold: CreditHold,
    upstreamRequest: ReturnType<NativeRouteV1['mapRequest']>,
    { apiKey, credits, billing: billingMode, pricing }: Payer,
    limits: HeldLimits | undefined,
  ): Promise<NativeCallResult> {
    const started = Date.now();
    const mapStreamEvent = route.mapStreamEvent;
    if (!mapStreamEvent) {
      throw new TypeError(
        `Native route ${route.method} ${route.path} of ${plugin.id} streams but has no mapStreamEvent`,
      );
    }
    // A charged stream outlives its client for a while, to read the provider's usage.
    const lingering =
      limits === undefined
        ? undefined
        : new LingeringUpstreamSignal(
            call.signal,
            this.deps.billing?.disconnectGraceMs ?? DEFAULT_DISCONNECT_GRACE_MS,
            this.deps.lingeringStreams,
          );
    let upstream: Awaited<ReturnType<typeof openUpstreamStream>>;
    try {
      upstream = await openUpstreamStream(
        this.targets.call(plugin, upstreamRequest, lingering?.signal ?? call.signal, apiKey),
      );
    } catch (error) {
      lingering?.dispose();
      this.deps.observer.upstreamCallFinished({
        providerId: plugin.id,
        hfModelId: billing.route.hfModelId,
        providerModelId: billing.route.providerModelId,
        task: billing.task,
        streaming: true,
        durationMs: Date.now() - started,
        outcome: 'error',
        errorKind: (error as { reason?: string }).reason ?? 'http',
      });
      throw error;
    }
    const state: StreamPipelineState = {
      usage: {},
      outcome: 'client_aborted',
      firstChunkAt: undefined,
      errorKind: undefined,
    };
    lingering?.began();
    const chargeFor = (usage: UsageV1) => {
      const cost = pricing.costOf(plugin.id, billing.route.providerModelId, usage) ?? 0n;
      return cost > hold.reservedNanoUsd ? hold.reservedNanoUsd : cost;
    };
    const finish = async (): Promise<StreamCompletion> => {
      lingering?.dispose();
      // The client may have left while the provider finished: the stream was abandoned all the same.
      const outcome = call.signal.aborted && !state.limitReached ? 'client_aborted' : state.outcome;
      const usage = chargedStreamUsage(state, limits);
      const costNanoUsd = hasUsage(usage)
        ? pricing.costOf(plugin.id, billing.route.providerModelId, usage)
        : undefined;
      let providerCost: 'pending' | undefined;
      try {
        providerCost = (
          await settleOrDefer({
            deferral: this.deps.providerCosts,
            plugin,
            hold,
            credits,
            costNanoUsd: costNanoUsd ?? 0n,
            headers: upstream.headers,
          })
        ).providerCost;
      } finally {
        this.deps.observer.upstreamCallFinished({
          providerId: plugin.id,
          hfModelId: billing.route.hfModelId,
          providerModelId: billing.route.providerModelId,
          task: billing.task,
          streaming: true,
          durationMs: Date.now() - started,
          outcome: outcome === 'completed' ? 'ok' : outcome === 'client_aborted' ? 'client_aborted' : 'error',
          usage,
          ...(state.errorKind ? { errorKind: state.errorKind } : {}),
          ...(state.firstChunkAt ? { firstChunkMs: state.firstChunkAt - started } : {}),
        });
      }
      return { outcome, usage, costNanoUsd, ...(providerCost ? { providerCost } : {}) };
    };
    const pipeline = pipeStream(
      upstream.eventBatches,
      (event) => mapStreamEvent({ ...args, event }),
      plugin.id,
      state,
      billing.task === 'conversational'
        ? chatStreamLimit({
            limits,
            includeUsage: asksForStreamUsage(
              args.request.body.kind === 'json' ? args.request.body.value : undefined,
            ),
            chargeFor,
          })
        : undefined,
      streamCheckpoints({
        credits,
        hold,
        limits,
        intervalMs: this.deps.billing?.checkpointIntervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS,
        startedAt: started,
        costSoFar: () => chargeFor(chargedStreamUsage(state, limits)),
        logger: this.deps.logger ?? silentLogger,
      })?.afterRead,
    );
    const awaitsProviderCost =
      credits.charges === true &&
      this.deps.providerCosts?.handles(plugin) === true &&
      this.deps.providerCosts.providerRequestIdOf(plugin, upstream.headers) !== undefined;
    return {
      kind: 'stream',
      route: billing.route,
      billing: billingMode,
      ...(awaitsProviderCost ? { providerCost: 'pending' as const } : {}),
      ...meteredStream(pipeline, finish, lingering?.readOn, () => state.outcome !== 'client_aborted'),
    };
  }

  private table(plugin: ProviderPluginV1): NativeRouteTable {
    let table = this.tables.get(plugin.id);
    if (!table) {
      table = new NativeRouteTable(plugin.nativeRoutes ?? []);
      this.tables.set(plugin.id, table);
    }
    return table;
  }
}
