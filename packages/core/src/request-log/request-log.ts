/**
 * Writes one `RequestRecord` per request: the executors hand each request to `track`, which records it when it is
 * known how it ended (a complete answer or a failure at once, a stream at its end, after its settlement).
 */
import type { Principal } from '../auth/principal.js';
import type { CreditLedger } from '../credits/credit-ledger.js';
import type { ExecutionRoute, StreamCompletion } from '../execution/execution-types.js';
import { type KernelLogger, silentLogger } from '../kernel/logger.js';
import type { NanoUsd } from '../pricing/nano-usd.js';
import type { BillingMode } from '../provider-keys/provider-key-source.js';
import type { RequestRecord, RequestRecordRepository } from '../store/request-record-repository.js';
import { isoTimestamp } from '../time/iso-timestamp.js';
import { ChargeTap } from './charge-tap.js';
import { type RequestFailureStatus, requestStatusOf } from './request-status.js';
import { unitsOf } from './units-of.js';

/** Who made a request and what for, as the executor knows it before routing. */
export interface TrackedRequest {
  readonly requestId: string;
  readonly principal: Principal;
  /** The task, or how to find it once the route is known (a native call learns it from the mapping). */
  readonly task: string | ((route: ExecutionRoute) => string);
  /** The model as the caller named it, kept when the request fails before a route exists. */
  readonly model: string | undefined;
  /** The organization billed (`X-HF-Bill-To`), when not the caller's own account. */
  readonly billedToOrganizationId?: string | undefined;
}

/** What `track` needs of an executor's result: its route, and usage and cost now or at the stream's end. */
type TrackableResult = (
  | {
      readonly kind: 'complete';
      readonly route: ExecutionRoute;
      readonly usage: StreamCompletion['usage'];
      readonly costNanoUsd: NanoUsd | undefined;
      readonly providerCost?: 'pending';
    }
  | {
      readonly kind: 'stream';
      readonly route: ExecutionRoute;
      readonly completion: Promise<StreamCompletion>;
    }
) & { readonly billing?: BillingMode };

/** A request refused before an executor took it (the body did not parse, the model field is missing...). */
export interface RefusedRequest {
  readonly requestId: string;
  readonly principal: Principal;
  readonly task: string;
  readonly model: string | undefined;
  readonly error: unknown;
  readonly billedToOrganizationId?: string | undefined;
  /** What the client was answered, when the host maps errors itself (a framework's validation error, say). */
  readonly answered?: RequestFailureStatus;
  /** `Date.now()` when the request arrived. */
  readonly startedAt: number;
}

export interface RequestLogOptions {
  readonly repository: RequestRecordRepository;
  readonly logger?: KernelLogger;
  readonly now?: () => Date;
}

export class RequestLog {
  private readonly logger: KernelLogger;
  private readonly now: () => Date;
  private readonly taps = new Set<ChargeTap>();

  constructor(private readonly options: RequestLogOptions) {
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? (() => new Date());
  }

  /**
   * The credit ledger an executor should use so the log sees each request's charge as the ledger reported it.
   *
   * @example
   * new TaskExecutor({ ...deps, credits: requestLog.watch(credits), requestLog });
   */
  watch(credits: CreditLedger): CreditLedger {
    const tap = new ChargeTap(credits);
    this.taps.add(tap);
    return tap;
  }

  /**
   * Runs the request and records how it ended; the result and any error pass through unchanged. A stream's
   * `completion` resolves once its record is written.
   *
   * @example
   * return requestLog.track({ requestId, principal, task, model }, () => this.route(request));
   */
  async track<Result extends TrackableResult>(
    request: TrackedRequest,
    run: () => Promise<Result>,
  ): Promise<Result> {
    const startedAt = Date.now();
    let result: Result;
    try {
      result = await run();
    } catch (error) {
      const route = routeOfError(error);
      await this.write(request, startedAt, route, {
        ...requestStatusOf(error),
        usage: undefined,
        costNanoUsd: undefined,
        streamed: false,
      });
      throw error;
    }
    const billing = result.billing;
    if (result.kind === 'complete') {
      await this.write(request, startedAt, result.route, {
        billing,
        status: 'ok',
        httpStatus: 200,
        usage: result.usage,
        costNanoUsd: result.costNanoUsd,
        streamed: false,
        providerCost: result.providerCost,
      });
      return result;
    }
    const completion = result.completion.then(async (ended) => {
      await this.write(request, startedAt, result.route, {
        billing,
        status: ended.outcome === 'completed' ? 'ok' : ended.outcome,
        httpStatus: 200,
        usage: ended.usage,
        costNanoUsd: ended.costNanoUsd,
        streamed: true,
        providerCost: ended.providerCost,
      });
      return ended;
    });
    return { ...result, completion };
  }

  /**
   * Records a request that failed before an executor took it.
   *
   * @example
   * await requestLog.refused({ requestId, principal, task: 'conversational', model: undefined, error, startedAt });
   */
  async refused(request: RefusedRequest): Promise<void> {
    await this.write(request, request.startedAt, undefined, {
      ...(request.answered ?? requestStatusOf(request.error)),
      usage: undefined,
      costNanoUsd: undefined,
      streamed: false,
    });
  }

  private async write(
    request: TrackedRequest,
    startedAt: number,
    route: Partial<ExecutionRoute> | undefined,
    outcome: {
      readonly billing?: BillingMode | undefined;
      readonly status: string;
      readonly httpStatus: number;
      readonly usage: StreamCompletion['usage'] | undefined;
      readonly costNanoUsd: NanoUsd | undefined;
      readonly streamed: boolean;
      readonly providerCost?: 'pending' | undefined;
    },
  ): Promise<void> {
    const { principal } = request;
    const task =
      typeof request.task === 'string'
        ? request.task
        : route?.providerId !== undefined && route.providerModelId !== undefined
          ? request.task(route as ExecutionRoute)
          : 'unknown';
    const record: RequestRecord = {
      requestId: request.requestId,
      accountId: request.billedToOrganizationId ?? principal.userId,
      userId: principal.userId,
      tokenId: principal.tokenId,
      billedToOrganizationId: request.billedToOrganizationId,
      providerId: route?.providerId,
      hfModelId: route?.hfModelId ?? request.model,
      providerModelId: route?.providerModelId,
      task,
      units: unitsOf(outcome.usage),
      costNanoUsd: outcome.costNanoUsd,
      chargedNanoUsd: this.chargeOf(request.requestId),
      // A failure before a provider was called paid nothing either way; it is recorded as routed.
      billingMode: outcome.billing ?? 'routed',
      status: outcome.status,
      httpStatus: outcome.httpStatus,
      latencyMs: Math.max(0, Date.now() - startedAt),
      streamed: outcome.streamed,
      createdAt: isoTimestamp(this.now().getTime()),
      ...(outcome.providerCost ? { providerCost: outcome.providerCost } : {}),
    };
    try {
      await this.options.repository.record(record);
    } catch (error) {
      // The ledger already has the money; the whole record goes to the log so that it can be replayed by hand.
      this.logger.error(
        { err: error, requestRecord: loggable(record) },
        'Could not write the request record; the charge is in the ledger, the breakdown is missing',
      );
    }
  }

  private chargeOf(requestId: string): NanoUsd {
    let charged = 0n;
    for (const tap of this.taps) charged += tap.take(requestId);
    return charged;
  }
}

/** A provider failure names its provider; nothing else about the route is known after a failed request. */
function routeOfError(error: unknown): Partial<ExecutionRoute> | undefined {
  const providerId = (error as { providerId?: unknown } | null)?.providerId;
  return typeof providerId === 'string' ? { providerId } : undefined;
}

/** Loggers serialise JSON, which has no bigint. */
function loggable(record: RequestRecord): Record<string, unknown> {
  return {
    ...record,
    costNanoUsd: record.costNanoUsd?.toString(),
    chargedNanoUsd: record.chargedNanoUsd.toString(),
  };
}
