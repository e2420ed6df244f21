/** Hooks for metrics and logs around every upstream call; the server plugs Prometheus in here. */
import type { TaskId, UsageV1 } from '@tollgate/provider-spec';

export interface UpstreamCallReport {
  readonly providerId: string;
  readonly hfModelId: string;
  /** The provider's own model id, when the call was for a catalog mapping (live performance is kept by it). */
  readonly providerModelId?: string;
  readonly task: TaskId;
  readonly streaming: boolean;
  readonly outcome: 'ok' | 'error' | 'client_aborted';
  /** The provider's HTTP status when it answered. */
  readonly upstreamStatus?: number;
  /** `http`, `timeout`, `connection`, `aborted`, `output` or `stream` when the call failed. */
  readonly errorKind?: string;
  readonly durationMs: number;
  /** For a failed call of a routed request: which provider of the request it was (1 for the first tried). */
  readonly attempt?: number;
  /** For a failed call: true when the request moved on to another provider (failover), false when it ended. */
  readonly failedOver?: boolean;
  /** Time until the first streamed chunk, for streams. */
  readonly firstChunkMs?: number;
  readonly usage?: UsageV1;
}

export interface ExecutionObserver {
  upstreamCallFinished(report: UpstreamCallReport): void;
}

export const noopExecutionObserver: ExecutionObserver = { upstreamCallFinished() {} };

/**
 * One observer that tells each of `observers`, in order.
 *
 * @example combineObservers(prometheusObserver, performanceRecorder)
 */
export function combineObservers(...observers: readonly ExecutionObserver[]): ExecutionObserver {
  return {
    upstreamCallFinished(report) {
      for (const observer of observers) observer.upstreamCallFinished(report);
    },
  };
}
