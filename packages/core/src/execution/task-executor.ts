/**
 * Runs one task request end to end: route, reserve credit, map the request, call the provider, map the answer,
 * meter, price and settle. Plugins stay pure; all I/O happens here.
 */
import {
  type CallContextV1,
  GatewayError,
  InputError,
  type ProviderPluginV1,
  type SyncTaskHandlerV1,
  type TaskHandlerV1,
  UpstreamApiError,
  type UsageV1,
} from '@tollgate/provider-spec';
import { callUpstream, openUpstreamStream } from '@tollgate/provider-utils';
import type { CreditHold, CreditLedger } from '../credits/credit-ledger.js';
import type { PricingService } from '../pricing/pricing-service.js';
import type { ProviderRegistry } from '../registry/provider-registry.js';
import type { Router } from '../routing/router.js';
import type { ProviderRuntimeSettings } from '../settings/provider-runtime-settings.js';
import type { ExecutionObserver } from './execution-observer.js';
import type {
  ExecutionRequest,
  ExecutionResult,
  ExecutionRoute,
  StreamCompletion,
} from './execution-types.js';
import { meteredStream } from './metered-stream.js';
import { pollQueuedOperation } from './queued-operation-poller.js';
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
}

/** Everything one upstream call needs once routing and the credit hold are done. */
interface PreparedCall {
  readonly plugin: ProviderPluginV1;
  readonly request: ExecutionRequest;
  readonly context: CallContextV1;
  readonly route: ExecutionRoute;
  readonly hold: CreditHold;
}

export class TaskExecutor {
  private readonly targets: UpstreamTargets;

  constructor(private readonly deps: TaskExecutorDependencies) {
    this.targets = new UpstreamTargets(deps.settings, deps.callOptions);
  }

  /**
   * @example
   * const result = await executor.execute({ task: 'conversational', model: 'meta-llama/Llama-3.3-70B-Instruct:groq',
   *   input: { messages: [{ role: 'user', content: 'Hi' }] }, principal, requestId, signal });
   */
  async execute(request: ExecutionRequest): Promise<ExecutionResult> {
    const plan = this.deps.router.plan({
      model: request.model,
      task: request.task,
      principal: request.principal,
    });
    const { entry } = plan.candidates[0]!;
    const plugin = this.deps.registry.get(entry.providerId)!;
    const handler = plugin.tasks[request.task];
    if (!handler) {
      throw new InputError({
        message: `Provider '${plugin.id}' does not serve task '${request.task}'.`,
        code: 'unsupported_task',
      });
    }
    const route: ExecutionRoute = {
      providerId: plugin.id,
      hfModelId: plan.hfModelId,
      providerModelId: entry.providerModelId,
    };
    const context: CallContextV1 = { requestId: request.requestId, ...route };
    const hold = await this.deps.credits.hold({
      requestId: request.requestId,
      principal: request.principal,
      providerId: route.providerId,
      providerModelId: route.providerModelId,
      maxCostNanoUsd: undefined,
    });
    const prepared: PreparedCall = { plugin, request, context, route, hold };
    try {
      if (handler.kind === 'sync' && handler.mapStreamChunk && handler.isStreaming?.(request.input)) {
        return await this.stream(handler, prepared);
      }
      return await this.complete(handler, prepared);
    } catch (error) {
      await this.deps.credits.release(hold);
      throw error;
    }
  }

  private async complete(
    handler: TaskHandlerV1,
    { plugin, request, context, route, hold }: PreparedCall,
  ): Promise<ExecutionResult> {
    const started = Date.now();
    const { input, signal } = request;
    try {
      const result =
        handler.kind === 'queued'
          ? await pollQueuedOperation({
              handler,
              input,
              context,
              target: this.targets.target(plugin),
              signal,
              options: this.deps.callOptions,
            })
          : handler.mapResponse({
              input,
              context,
              response: await callUpstream({
                ...this.targets.transport(plugin, signal),
                request: handler.mapRequest({ input, context }),
              }),
            });
      const costNanoUsd = this.deps.pricing.costOf(route.providerId, route.providerModelId, result.usage);
      await this.deps.credits.settle(hold, costNanoUsd ?? 0n);
      this.report(request, route, false, started, { outcome: 'ok', usage: result.usage });
      return { kind: 'complete', route, output: result.output, usage: result.usage, costNanoUsd };
    } catch (error) {
      this.reportFailure(request, route, false, started, error);
      throw error;
    }
  }

  private async stream(
    handler: SyncTaskHandlerV1,
    { plugin, request, context, route, hold }: PreparedCall,
  ): Promise<ExecutionResult> {
    const started = Date.now();
    const { input, signal } = request;
    let upstream: Awaited<ReturnType<typeof openUpstreamStream>>;
    try {
      upstream = await openUpstreamStream({
        ...this.targets.transport(plugin, signal),
        request: handler.mapRequest({ input, context }),
      });
    } catch (error) {
      this.reportFailure(request, route, true, started, error);
      throw error;
    }
    const state: StreamPipelineState = {
      usage: {},
      outcome: 'client_aborted',
      firstChunkAt: undefined,
      errorKind: undefined,
    };
    const finish = async (): Promise<StreamCompletion> => {
      const usage: UsageV1 = state.usage;
      const costNanoUsd = this.deps.pricing.costOf(route.providerId, route.providerModelId, usage);
      try {
        await this.deps.credits.settle(hold, costNanoUsd ?? 0n);
      } finally {
        this.report(request, route, true, started, {
          outcome:
            state.outcome === 'completed'
              ? 'ok'
              : state.outcome === 'client_aborted'
                ? 'client_aborted'
                : 'error',
          usage,
          ...(state.errorKind ? { errorKind: state.errorKind } : {}),
          ...(state.firstChunkAt ? { firstChunkMs: state.firstChunkAt - started } : {}),
        });
      }
      return { outcome: state.outcome, usage, costNanoUsd };
    };
    const mapChunk = handler.mapStreamChunk!;
    const pipeline = pipeStream(
      upstream.eventBatches,
      (event) => mapChunk({ input, event, context }),
      route.providerId,
      state,
    );
    return { kind: 'stream', route, ...meteredStream(pipeline, finish) };
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
    },
  ): void {
    this.deps.observer.upstreamCallFinished({
      providerId: route.providerId,
      hfModelId: route.hfModelId,
      task: request.task,
      streaming,
      durationMs: Date.now() - started,
      ...details,
    });
  }

  private reportFailure(
    request: ExecutionRequest,
    route: ExecutionRoute,
    streaming: boolean,
    started: number,
    error: unknown,
  ): void {
    if (UpstreamApiError.isInstance(error)) {
      this.report(request, route, streaming, started, {
        outcome: error.reason === 'aborted' ? 'client_aborted' : 'error',
        errorKind: error.reason,
        ...(error.upstreamStatus !== undefined ? { upstreamStatus: error.upstreamStatus } : {}),
      });
    } else {
      this.report(request, route, streaming, started, {
        outcome: 'error',
        errorKind: GatewayError.isInstance(error) ? 'output' : 'internal',
      });
    }
  }
}
