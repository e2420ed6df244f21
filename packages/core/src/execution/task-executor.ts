/**
 * Runs one task request end to end: route, reserve credit, map the request, call the provider, map the answer,
 * meter, price and settle. Plugins stay pure; all I/O happens here.
 *
 * Under an automatic policy a provider fault (connection error, timeout, 429, 5xx, broken answer) that happens
 * before anything reached the client moves the request to the router's next candidate, within
 * `failover.maxAttempts` and `failover.deadlineMs`; each attempt holds credit for its own provider and gives the
 * hold back when it fails. Nothing reaches the client before `execute` returns: a JSON answer is returned whole,
 * and a stream is returned only once its first batch arrived, so a provider that answers 200 and dies before its
 * first chunk is replaced too. After that, a failure ends the stream with an error event, never with another
 * provider's text. A pinned provider (`model:provider`) is tried once. Candidates whose circuit breaker is open are
 * skipped; when none is left the request fails fast with `CircuitOpenError`.
 */
import {
  type CallContextV1,
  GatewayError,
  InputError,
  type ProviderPluginV1,
  type SyncTaskHandlerV1,
  type TaskHandlerV1,
  type TaskResultV1,
  UpstreamApiError,
  type UsageV1,
} from '@tollgate/provider-spec';
import { callUpstream, openUpstreamStream } from '@tollgate/provider-utils';
import type { InferenceProviderSettings } from '../account-settings/inference-provider-settings.js';
import type { InferenceProviderSettingsSource } from '../account-settings/inference-provider-settings-service.js';
import { settingsAccountOf } from '../account-settings/settings-account.js';
import type { CatalogAudiences } from '../catalog/catalog-audiences.js';
import type { CatalogEntry } from '../catalog/catalog-entry.js';
import { type CreditHoldPlanOptions, planCreditHold } from '../credits/credit-hold-plan.js';
import type { CreditHold, CreditLedger } from '../credits/credit-ledger.js';
import { EstimatedProviderBlockedError } from '../credits/estimated-provider-blocked-error.js';
import { NoChargeCreditLedger } from '../credits/no-charge-credit-ledger.js';
import { type KernelLogger, silentLogger } from '../kernel/logger.js';
import { type CostFactor, DEFAULT_ESTIMATED_COST_FACTOR } from '../pricing/cost-factor.js';
import { type PricingService, withCostFactor } from '../pricing/pricing-service.js';
import { withUsageCost } from '../pricing/usage-cost.js';
import type { ProviderCostDeferral } from '../provider-costs/provider-cost-deferral.js';
import { settleOrDefer } from '../provider-costs/settle-or-defer.js';
import type { BillingMode, ProviderKeySource } from '../provider-keys/provider-key-source.js';
import type { ProviderRegistry } from '../registry/provider-registry.js';
import type { RequestLog } from '../request-log/request-log.js';
import { CircuitBreakers, type CircuitTicket } from '../routing/circuit-breakers.js';
import { CircuitOpenError } from '../routing/circuit-open-error.js';
import type { RoutePlan, Router } from '../routing/router.js';
import type { ProviderRuntimeSettings } from '../settings/provider-runtime-settings.js';
import {
  asksForStreamUsage,
  chargedAnswerUsage,
  chargedStreamUsage,
  chatStreamLimit,
  DEFAULT_DISCONNECT_GRACE_MS,
  type HeldLimits,
  type LingeringStreams,
  LingeringUpstreamSignal,
} from './charged-stream.js';
import type { ExecutionObserver } from './execution-observer.js';
import type {
  ExecutionRequest,
  ExecutionResult,
  ExecutionRoute,
  StreamCompletion,
  StreamItem,
  StreamingExecution,
} from './execution-types.js';
import { type FailedAttempt, failoverError } from './failover-error.js';
import { type FailoverOptions, resolveFailoverOptions } from './failover-options.js';
import { meteredStream } from './metered-stream.js';
import { prependBatch } from './prepend-batch.js';
import { isProviderAnswer, isProviderFault } from './provider-fault.js';
import { pollQueuedOperation } from './queued-operation-poller.js';
import { DEFAULT_CHECKPOINT_INTERVAL_MS, streamCheckpoints } from './stream-checkpoints.js';
import { pipeStream, type StreamPipelineState } from './stream-pipeline.js';
import type { UpstreamCallOptions } from './upstream-call-options.js';
import { UpstreamTargets } from './upstream-targets.js';

export interface TaskExecutorDependencies {
  readonly registry: ProviderRegistry;
  readonly router: Router;
  readonly pricing: PricingService;
  readonly credits: CreditLedger;
  readonly settings: ReadonlyMap<string, ProviderRuntimeSettings>;
  readonly observer: ExecutionObserver;
  readonly callOptions: UpstreamCallOptions;
  /** Accounts' routing settings; without it every account routes with the defaults. */
  readonly accountSettings?: InferenceProviderSettingsSource;
  /** Whose staging mappings a caller may use; without it every caller routes to live mappings only. */
  readonly audiences?: Pick<CatalogAudiences, 'forPrincipal'>;
  /** Callers' own provider keys; a provider they have one for is called with it and bills nothing here. */
  readonly providerKeys?: ProviderKeySource;
  /** Default: breakers with default thresholds, private to this executor. */
  readonly breakers?: CircuitBreakers;
  readonly failover?: FailoverOptions;
  readonly logger?: KernelLogger;
  /**
   * Set when `credits` charges: each attempt then holds its worst case (priced from the handler's `boundUsage`),
   * lowers the output cap to what the hold pays for, and reports what was charged. Absent: nothing is estimated
   * and requests go upstream as they came.
   */
  readonly billing?: ExecutionBillingOptions;
  /** Where charged streams register while they may outlive their clients; the kernel closes it on dispose. */
  readonly lingeringStreams?: LingeringStreams;
  /** Records every request once it ended (decision 0017); without it nothing is recorded. */
  readonly requestLog?: Pick<RequestLog, 'track'>;
  /**
   * Set when providers with a billing API are settled later at the cost they report (decision 0021): a charged
   * request to one keeps its hold open and is shown its metered cost as a placeholder.
   */
  readonly providerCosts?: ProviderCostDeferral;
}

export interface ExecutionBillingOptions extends CreditHoldPlanOptions {
  /**
   * How long a stream whose client went away is still read for the provider's usage before it is closed and
   * metered by what was emitted; default 5000 ms.
   */
  readonly disconnectGraceMs?: number;
  /**
   * At most how often a charged stream writes the cost it has reached (`CreditLedger.checkpoint`), so that a crash
   * charges a long stream that much instead of nothing; default 2000 ms, 0 writes none.
   */
  readonly checkpointIntervalMs?: number;
  /**
   * What a provider not integrated with billing (`billing: 'estimated'`) is charged: its rate-card cost times this,
   * held and settled alike (decision 0022); default 1.25.
   */
  readonly estimatedCostFactor?: CostFactor;
}

/** Everything one upstream call needs once routing and the credit hold are done. */
interface PreparedCall {
  readonly plugin: ProviderPluginV1;
  readonly request: ExecutionRequest;
  /** The request's input as sent: the caller's, with its output cap lowered to what the hold pays for. */
  readonly input: unknown;
  readonly context: CallContextV1;
  readonly route: ExecutionRoute;
  readonly hold: CreditHold;
  readonly ticket: CircuitTicket;
  /** The caller's own key for this provider, when the request is billed by the provider (custom key). */
  readonly apiKey: string | undefined;
  /** Who holds and charges this attempt: the gateway's ledger, or nobody for a custom-key request. */
  readonly credits: CreditLedger;
  readonly billing: BillingMode;
  /** What prices this attempt: the rate card, times the estimated cost factor for an `estimated` attempt. */
  readonly pricing: PricingService;
  /** Set when the attempt is charged. */
  readonly limits: HeldLimits | undefined;
}

/** A custom-key request is billed by the provider: nothing is held or charged, the cost is still computed. */
const providerBilled: CreditLedger = new NoChargeCreditLedger();
const noKeys: ReadonlyMap<string, string> = new Map();

/** How one attempt ended: with an answer to return, or with a failure the loop decides about. */
type AttemptOutcome =
  | { readonly ok: true; readonly result: ExecutionResult }
  | {
      readonly ok: false;
      readonly error: unknown;
      readonly route: ExecutionRoute;
      readonly streaming: boolean;
      readonly started: number;
      /** False when it failed before a provider was called (no handler, no credit): no upstream call to report. */
      readonly called: boolean;
    };

export class TaskExecutor {
  private readonly targets: UpstreamTargets;
  private readonly breakers: CircuitBreakers;
  private readonly failover: Required<FailoverOptions>;
  private readonly logger: KernelLogger;
  private readonly estimatedPricing: PricingService;

  constructor(private readonly deps: TaskExecutorDependencies) {
    this.estimatedPricing = withCostFactor(
      deps.pricing,
      deps.billing?.estimatedCostFactor ?? DEFAULT_ESTIMATED_COST_FACTOR,
    );
    this.targets = new UpstreamTargets(deps.settings, deps.callOptions);
    this.breakers = deps.breakers ?? new CircuitBreakers();
    this.failover = resolveFailoverOptions(deps.failover);
    this.logger = deps.logger ?? silentLogger;
  }

  /**
   * @example
   * const result = await executor.execute({ task: 'conversational', model: 'openai/gpt-oss-120b:groq',
   *   input: { messages: [{ role: 'user', content: 'Hi' }] }, principal, requestId, signal });
   */
  async execute(request: ExecutionRequest): Promise<ExecutionResult> {
    const { requestLog } = this.deps;
    if (!requestLog) return this.route(request);
    const { requestId, principal, task, model, billTo } = request;
    return requestLog.track({ requestId, principal, task, model, billedToOrganizationId: billTo?.id }, () =>
      this.route(request),
    );
  }

  private async route(request: ExecutionRequest): Promise<ExecutionResult> {
    const settings = await this.settingsFor(request);
    const audience = await this.deps.audiences?.forPrincipal(request.principal);
    const ownKeys = (await this.deps.providerKeys?.keysFor(request.principal, request.billTo)) ?? noKeys;
    const plan = this.deps.router.plan({
      model: request.model,
      task: request.task,
      principal: request.principal,
      settings,
      ...(audience ? { audience } : {}),
      ...(ownKeys.size > 0 ? { ownKeyProviders: new Set(ownKeys.keys()) } : {}),
    });
    const limit = plan.pinned ? 1 : this.failover.maxAttempts;
    const failures: FailedAttempt[] = [];
    const skipped: CatalogEntry[] = [];
    // The last failure is reported once it is known whether the request moved on from it.
    let unreported: Extract<AttemptOutcome, { ok: false }> | undefined;
    let firstStarted: number | undefined;
    // A provider not integrated with billing that the account's included credits no longer pay for: skipped for the
    // next candidate, and the answer if no other provider serves the request.
    let blocked: EstimatedProviderBlockedError | undefined;
    for (const { entry } of plan.candidates) {
      if (failures.length >= limit) break;
      if (firstStarted !== undefined && Date.now() - firstStarted >= this.failover.deadlineMs) break;
      const ticket = this.breakers.admit(entry.providerId, entry.providerModelId);
      if (!ticket) {
        skipped.push(entry);
        continue;
      }
      if (unreported) this.reportFailure(request, unreported, failures.length, true);
      unreported = undefined;
      firstStarted ??= Date.now();
      const outcome = await this.attempt(request, plan, entry, ticket, failures.length + 1, ownKeys);
      if (outcome.ok) return outcome.result;
      if (!plan.pinned && outcome.error instanceof EstimatedProviderBlockedError) {
        blocked ??= outcome.error;
        continue;
      }
      const canMoveOn = !plan.pinned && isProviderFault(outcome.error) && !request.signal.aborted;
      if (!canMoveOn) {
        this.reportFailure(request, outcome, failures.length + 1, false);
        throw failures.length > 0
          ? failoverError([...failures, { providerId: entry.providerId, error: outcome.error }], [])
          : outcome.error;
      }
      failures.push({ providerId: entry.providerId, error: outcome.error });
      unreported = outcome;
      this.logger.warn(
        {
          requestId: request.requestId,
          provider: entry.providerId,
          model: plan.hfModelId,
          attempt: failures.length,
          code: GatewayError.isInstance(outcome.error) ? outcome.error.code : undefined,
          err: outcome.error,
        },
        'Provider failed before answering; trying the next candidate',
      );
    }
    if (unreported) this.reportFailure(request, unreported, failures.length, false);
    if (failures.length === 0) throw blocked ?? this.circuitOpen(plan, skipped);
    throw failoverError(
      failures,
      skipped.map((entry) => entry.providerId),
    );
  }

  private async settingsFor(request: ExecutionRequest): Promise<InferenceProviderSettings | undefined> {
    return this.deps.accountSettings?.forAccount(settingsAccountOf(request.principal, request.billTo));
  }

  /** One provider: hold credit for it, call it, and give the hold back if it fails. Never throws. */
  private async attempt(
    request: ExecutionRequest,
    plan: RoutePlan,
    entry: CatalogEntry,
    ticket: CircuitTicket,
    attempt: number,
    ownKeys: ReadonlyMap<string, string>,
  ): Promise<AttemptOutcome> {
    const plugin = this.deps.registry.get(entry.providerId)!;
    const route: ExecutionRoute = {
      providerId: plugin.id,
      hfModelId: plan.hfModelId,
      providerModelId: entry.providerModelId,
    };
    const started = Date.now();
    const handler = plugin.tasks[request.task];
    const streaming =
      handler?.kind === 'sync' &&
      handler.mapStreamChunk !== undefined &&
      handler.isStreaming?.(request.input) === true;
    const apiKey = ownKeys.get(plugin.id);
    const credits = apiKey === undefined ? this.deps.credits : providerBilled;
    const charged = this.deps.billing !== undefined && credits.charges === true;
    const billing: BillingMode =
      apiKey !== undefined
        ? 'custom-key'
        : charged && plugin.billing === 'estimated'
          ? 'estimated'
          : 'routed';
    const pricing = billing === 'estimated' ? this.estimatedPricing : this.deps.pricing;
    let hold: CreditHold | undefined;
    try {
      if (!handler) {
        throw new InputError({
          message: `Provider '${plugin.id}' does not serve task '${request.task}'.`,
          code: 'unsupported_task',
        });
      }
      const plan = !charged
        ? undefined
        : planCreditHold({
            handler,
            task: request.task,
            input: request.input,
            pricing,
            providerId: route.providerId,
            providerModelId: route.providerModelId,
            options: this.deps.billing,
          });
      hold = await credits.hold({
        requestId: request.requestId,
        principal: request.principal,
        ...(request.billTo ? { billTo: request.billTo } : {}),
        providerId: route.providerId,
        providerModelId: route.providerModelId,
        maxCostNanoUsd: plan?.maxCostNanoUsd,
        ...(plan?.minCostNanoUsd !== undefined ? { minCostNanoUsd: plan.minCostNanoUsd } : {}),
        attempt,
        ...(billing === 'estimated' ? { includedCreditsOnly: true } : {}),
        hfModelId: route.hfModelId,
        task: request.task,
        billingMode: billing,
      });
      const limited = plan?.limit(hold.reservedNanoUsd);
      const input = limited === undefined ? request.input : limited.input;
      const context: CallContextV1 = { requestId: request.requestId, ...route };
      const prepared: PreparedCall = {
        plugin,
        request,
        input,
        context,
        route,
        hold,
        ticket,
        apiKey,
        credits,
        billing,
        pricing,
        limits:
          limited === undefined
            ? undefined
            : {
                baseUsage: plan?.baseUsage,
                maxOutputTokens: limited.maxOutputTokens,
                sequences: limited.sequences,
              },
      };
      const result =
        streaming && handler.kind === 'sync'
          ? await this.stream(handler, prepared)
          : await this.complete(handler, prepared);
      return { ok: true, result };
    } catch (error) {
      if (hold) await credits.release(hold);
      if (isProviderFault(error)) this.breakers.failed(ticket, route.providerId, route.providerModelId);
      else if (isProviderAnswer(error)) this.breakers.succeeded(ticket);
      else this.breakers.abandoned(ticket);
      return { ok: false, error, route, streaming, started, called: hold !== undefined };
    }
  }

  private circuitOpen(plan: RoutePlan, skipped: readonly CatalogEntry[]): CircuitOpenError {
    const retryInMs = Math.min(
      ...skipped.map((entry) => this.breakers.retryInMs(entry.providerId, entry.providerModelId)),
    );
    const seconds = Math.max(1, Math.ceil(retryInMs / 1000));
    const threshold =
      this.breakers.failureThreshold === 1 ? 'once' : `${this.breakers.failureThreshold} times`;
    if (skipped.length === 1) {
      const [entry] = skipped as [CatalogEntry];
      return new CircuitOpenError({
        message: `Provider '${entry.providerId}' is failing for model '${plan.hfModelId}': it failed ${threshold} in a row, so the gateway stopped calling it and tries it again in ${seconds} s.${plan.pinned ? ' Choose another provider, or retry later.' : ''}`,
        providerId: entry.providerId,
        retryInMs,
      });
    }
    return new CircuitOpenError({
      message: `Every provider of model '${plan.hfModelId}' is failing (${skipped.map((entry) => entry.providerId).join(', ')}): each failed ${threshold} in a row, so the gateway stopped calling them; the first is tried again in ${seconds} s.`,
      providerId: undefined,
      retryInMs,
    });
  }

  private async complete(
    handler: TaskHandlerV1,
    {
      plugin,
      request,
      input,
      context,
      route,
      hold,
      ticket,
      apiKey,
      credits,
      billing,
      pricing,
      limits,
    }: PreparedCall,
  ): Promise<ExecutionResult> {
    const started = Date.now();
    const { signal } = request;
    // The provider's request id, for a provider that prices requests later, is in the answer's headers.
    let headers: Readonly<Record<string, string>> | undefined;
    let result: TaskResultV1;
    if (handler.kind === 'queued') {
      result = await pollQueuedOperation({
        handler,
        input,
        context,
        target: this.targets.target(plugin, apiKey),
        signal,
        options: this.deps.callOptions,
      });
    } else {
      const response = await callUpstream(
        this.targets.call(plugin, handler.mapRequest({ input, context }), signal, apiKey),
      );
      headers = response.headers;
      result = handler.mapResponse({ input, context, response });
    }
    this.breakers.succeeded(ticket);
    const usage = chargedAnswerUsage(result.usage, result.output, limits);
    const costNanoUsd = pricing.costOf(route.providerId, route.providerModelId, usage);
    const { settlement, providerCost } = await settleOrDefer({
      deferral: this.deps.providerCosts,
      plugin,
      hold,
      credits,
      costNanoUsd: costNanoUsd ?? 0n,
      headers,
    });
    this.report(request, route, false, started, { outcome: 'ok', usage });
    return {
      kind: 'complete',
      route,
      output: result.output,
      usage,
      costNanoUsd,
      billing,
      ...(this.deps.billing ? { chargedNanoUsd: settlement.chargedNanoUsd } : {}),
      ...(providerCost ? { providerCost } : {}),
    };
  }

  private async stream(
    handler: SyncTaskHandlerV1,
    {
      plugin,
      request,
      input,
      context,
      route,
      hold,
      ticket,
      apiKey,
      credits,
      billing,
      pricing,
      limits,
    }: PreparedCall,
  ): Promise<StreamingExecution> {
    const started = Date.now();
    const { signal } = request;
    // A charged stream outlives its client for a while, to read the provider's usage.
    const lingering =
      limits === undefined
        ? undefined
        : new LingeringUpstreamSignal(signal, this.disconnectGraceMs, this.deps.lingeringStreams);
    const state: StreamPipelineState = {
      usage: {},
      outcome: 'client_aborted',
      firstChunkAt: undefined,
      errorKind: undefined,
    };
    const charge = (usage: UsageV1) => this.chargeFor(route, hold, credits, pricing, usage);
    const checkpoints = streamCheckpoints({
      credits,
      hold,
      limits,
      intervalMs: this.deps.billing?.checkpointIntervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS,
      startedAt: started,
      costSoFar: () => charge(chargedStreamUsage(state, limits)),
      logger: this.logger,
    });
    let pipeline: AsyncGenerator<readonly StreamItem[]>;
    let first: IteratorResult<readonly StreamItem[]>;
    let headers: Readonly<Record<string, string>>;
    try {
      const upstream = await openUpstreamStream(
        this.targets.call(
          plugin,
          handler.mapRequest({ input, context }),
          lingering?.signal ?? signal,
          apiKey,
        ),
      );
      headers = upstream.headers;
      const mapChunk = handler.mapStreamChunk!;
      pipeline = pipeStream(
        upstream.eventBatches,
        (event) => {
          const result = mapChunk({ input, event, context });
          // A chunk that gives the client usage (it asked for it) also says what the request costs.
          if (result.usage === undefined || result.emit === undefined) return result;
          return { ...result, emit: withUsageCost(result.emit, charge(result.usage)) };
        },
        route.providerId,
        state,
        request.task === 'conversational'
          ? chatStreamLimit({ limits, includeUsage: asksForStreamUsage(input), chargeFor: charge })
          : undefined,
        checkpoints?.afterRead,
      );
      // Read the first batch before anything is sent: until a chunk arrived, a failed provider can still be replaced.
      first = await pipeline.next();
    } catch (error) {
      lingering?.dispose();
      throw error;
    }
    const firstBatch = first.done ? undefined : first.value;
    if (firstBatch?.some((item) => item.type === 'chunk') !== true) {
      if (state.outcome === 'upstream_failed' && isProviderFault(state.failure)) {
        lingering?.dispose();
        await pipeline.return(undefined);
        throw state.failure;
      }
      if (first.done && state.outcome === 'client_aborted') {
        lingering?.dispose();
        throw new UpstreamApiError({
          message: 'The client closed the connection before the stream began.',
          providerId: route.providerId,
          reason: 'aborted',
        });
      }
    }
    lingering?.began();
    this.breakers.succeeded(ticket);
    const finish = async (): Promise<StreamCompletion> => {
      lingering?.dispose();
      // The client may have left while the provider finished: the stream was abandoned all the same.
      const outcome = signal.aborted && !state.limitReached ? 'client_aborted' : state.outcome;
      const usage = chargedStreamUsage(state, limits);
      if (state.outcome === 'upstream_failed' && isProviderFault(state.failure)) {
        this.breakers.failed(ticket, route.providerId, route.providerModelId);
      }
      const costNanoUsd = pricing.costOf(route.providerId, route.providerModelId, usage);
      let chargedNanoUsd: bigint | undefined;
      let providerCost: 'pending' | undefined;
      try {
        const settled = await settleOrDefer({
          deferral: this.deps.providerCosts,
          plugin,
          hold,
          credits,
          costNanoUsd: costNanoUsd ?? 0n,
          headers,
        });
        chargedNanoUsd = settled.settlement.chargedNanoUsd;
        providerCost = settled.providerCost;
      } finally {
        this.report(request, route, true, started, {
          outcome: outcome === 'completed' ? 'ok' : outcome === 'client_aborted' ? 'client_aborted' : 'error',
          usage,
          ...(state.errorKind ? { errorKind: state.errorKind } : {}),
          ...(state.firstChunkAt ? { firstChunkMs: state.firstChunkAt - started } : {}),
        });
      }
      return {
        outcome,
        usage,
        costNanoUsd,
        ...(this.deps.billing ? { chargedNanoUsd } : {}),
        ...(providerCost ? { providerCost } : {}),
      };
    };
    const awaitsProviderCost =
      credits.charges === true &&
      this.deps.providerCosts?.handles(plugin) === true &&
      this.deps.providerCosts.providerRequestIdOf(plugin, headers) !== undefined;
    return {
      kind: 'stream',
      route,
      billing,
      ...(awaitsProviderCost ? { providerCost: 'pending' as const } : {}),
      ...meteredStream(
        prependBatch(firstBatch, pipeline),
        finish,
        lingering?.readOn,
        () => state.outcome !== 'client_aborted',
      ),
    };
  }

  private get disconnectGraceMs(): number {
    return this.deps.billing?.disconnectGraceMs ?? DEFAULT_DISCONNECT_GRACE_MS;
  }

  /**
   * What `usage` costs the caller, as `usage.cost` reports it: with billing on, the charge (rate x usage up to the
   * hold; nothing for a custom-key request); with billing off, rate x usage.
   */
  private chargeFor(
    route: ExecutionRoute,
    hold: CreditHold,
    credits: CreditLedger,
    pricing: PricingService,
    usage: UsageV1,
  ): bigint {
    const cost = pricing.costOf(route.providerId, route.providerModelId, usage) ?? 0n;
    if (this.deps.billing === undefined) return cost;
    if (credits.charges !== true) return 0n;
    return cost > hold.reservedNanoUsd ? hold.reservedNanoUsd : cost;
  }

  private report(
    request: ExecutionRequest,
    route: ExecutionRoute,
    streaming: boolean,
    started: number,
    details: {
      outcome: 'ok' | 'error' | 'client_aborted';
      usage?: UsageV1;
      errorKind?: string;
      upstreamStatus?: number;
      firstChunkMs?: number;
      attempt?: number;
      failedOver?: boolean;
    },
  ): void {
    this.deps.observer.upstreamCallFinished({
      providerId: route.providerId,
      hfModelId: route.hfModelId,
      providerModelId: route.providerModelId,
      task: request.task,
      streaming,
      durationMs: Date.now() - started,
      ...details,
    });
  }

  private reportFailure(
    request: ExecutionRequest,
    { error, route, streaming, started, called }: Extract<AttemptOutcome, { ok: false }>,
    attempt: number,
    failedOver: boolean,
  ): void {
    if (!called) return;
    const failover = { attempt, failedOver };
    if (UpstreamApiError.isInstance(error)) {
      this.report(request, route, streaming, started, {
        outcome: error.reason === 'aborted' ? 'client_aborted' : 'error',
        errorKind: error.reason,
        ...(error.upstreamStatus !== undefined ? { upstreamStatus: error.upstreamStatus } : {}),
        ...failover,
      });
    } else {
      this.report(request, route, streaming, started, {
        outcome: 'error',
        errorKind: GatewayError.isInstance(error) ? 'output' : 'internal',
        ...failover,
      });
    }
  }
}
