/**
 * How one provider serves one task. Every function is pure: it turns data into data, and the host does
 * all I/O (HTTP, polling, deadlines, aborts), so handlers are testable without a network.
 */
import type { CallContextV1 } from './call-context-v1.js';
import type { UpstreamRequestV1 } from './upstream-request-v1.js';
import type { StreamEventV1, UpstreamResponseV1 } from './upstream-response-v1.js';
import type { UsageV1 } from './usage-v1.js';

export interface MapRequestArgsV1<Input = unknown> {
  /** The caller's request in the task's public shape (OpenAI-style for chat). */
  readonly input: Input;
  readonly context: CallContextV1;
}

export interface MapResponseArgsV1<Input = unknown> {
  readonly input: Input;
  readonly response: UpstreamResponseV1;
  readonly context: CallContextV1;
}

export interface TaskResultV1<Output = unknown> {
  /** The answer in the task's public shape. */
  readonly output: Output;
  /** What to meter. Omit a unit the provider did not report rather than guessing it. */
  readonly usage: UsageV1;
}

export interface MapStreamChunkArgsV1<Input = unknown> {
  readonly input: Input;
  readonly event: StreamEventV1;
  readonly context: CallContextV1;
}

export interface StreamChunkResultV1 {
  /**
   * The chunk to send to the client, already in the public shape; absent to send nothing. An object is sent as
   * JSON; a string is sent verbatim as the event's data, which lets a handler pass a provider's chunk through
   * unchanged without serialising it again.
   */
  readonly emit?: unknown;
  /** Usage reported by this chunk, if any; the host keeps the last one. */
  readonly usage?: UsageV1;
  /** True when the upstream signalled the end of the stream (e.g. `[DONE]`). */
  readonly done?: boolean;
  /** An error the upstream reported inside the stream. */
  readonly error?: { readonly message: string; readonly type?: string; readonly code?: string };
}

export interface BoundUsageArgsV1<Input = unknown> {
  readonly input: Input;
}

/**
 * The most a request can be metered for, known before it is sent, so the host can hold that much credit. Every
 * unit is an upper bound of what the provider will meter (e.g. input tokens bounded by the text's UTF-8 bytes).
 */
export interface UsageBoundV1 {
  /** Every metered unit except output tokens, at its worst case. */
  readonly usage: UsageV1;
  /**
   * Present when output tokens are metered and the request can cap them: `requested` is the client's own cap per
   * generated sequence (undefined: none, the host then picks one), `sequences` how many sequences are generated
   * (OpenAI's `n`, default 1). The host lowers the cap with the handler's `limitOutputTokens`.
   */
  readonly outputTokens?: { readonly requested: number | undefined; readonly sequences?: number };
}

export interface LimitOutputTokensArgsV1<Input = unknown> {
  readonly input: Input;
  /** The cap per generated sequence the upstream request must carry. */
  readonly maxOutputTokens: number;
}

/** A task served by one request and one response, optionally streamed. */
export interface SyncTaskHandlerV1<Input = unknown, Output = unknown> {
  readonly kind: 'sync';
  /** Whether the handler can stream (`mapStreamChunk` present and the input asks for it). */
  readonly isStreaming?: (input: Input) => boolean;
  readonly mapRequest: (args: MapRequestArgsV1<Input>) => UpstreamRequestV1;
  readonly mapResponse: (args: MapResponseArgsV1<Input>) => TaskResultV1<Output>;
  readonly mapStreamChunk?: (args: MapStreamChunkArgsV1<Input>) => StreamChunkResultV1;
  /**
   * The worst-case usage of `input`, for the credit hold taken before forwarding; undefined (or absent) when the
   * request cannot be bounded, and the host then holds a default amount.
   */
  readonly boundUsage?: (args: BoundUsageArgsV1<Input>) => UsageBoundV1 | undefined;
  /**
   * `input` with its output-token cap set to `maxOutputTokens` (e.g. chat's `max_tokens`), so the host can limit a
   * request to what the balance pays for. Pure: returns a new input, never changes the one given.
   */
  readonly limitOutputTokens?: (args: LimitOutputTokensArgsV1<Input>) => Input;
}

/** An operation a queued provider accepted, to be polled by the host. */
export interface QueuedOperationV1 {
  readonly id: string;
  /** Provider-specific data `status` needs (e.g. a status URL), kept opaque to the host. */
  readonly state: Readonly<Record<string, unknown>>;
  /** Suggested delay before the first poll, in milliseconds. */
  readonly pollAfterMs?: number;
}

export type QueuedStatusV1<Output = unknown> =
  | {
      readonly state: 'pending';
      readonly pollAfterMs?: number;
      /**
       * The operation to poll from now on, replacing the one the host holds. For providers that report
       * completion at one URL and serve the result at another: fal's queue answers `COMPLETED` on its status
       * URL, and its handler returns the same operation moved to the result URL here. Absent: keep polling the
       * current operation.
       */
      readonly operation?: QueuedOperationV1;
    }
  | { readonly state: 'completed'; readonly result: TaskResultV1<Output> }
  | { readonly state: 'failed'; readonly message: string };

export interface MapStatusRequestArgsV1<Input = unknown> {
  readonly input: Input;
  readonly operation: QueuedOperationV1;
  readonly context: CallContextV1;
}

export interface MapStatusResponseArgsV1<Input = unknown> extends MapResponseArgsV1<Input> {
  readonly operation: QueuedOperationV1;
}

/** A task the provider runs in a queue: submit, then poll until done. The host owns the polling loop. */
export interface QueuedTaskHandlerV1<Input = unknown, Output = unknown> {
  readonly kind: 'queued';
  readonly start: {
    readonly mapRequest: (args: MapRequestArgsV1<Input>) => UpstreamRequestV1;
    /** Either the operation to poll, or, when the provider answered at once, the finished result. */
    readonly mapResponse: (
      args: MapResponseArgsV1<Input>,
    ) => { readonly operation: QueuedOperationV1 } | { readonly result: TaskResultV1<Output> };
  };
  readonly status: {
    readonly mapRequest: (args: MapStatusRequestArgsV1<Input>) => UpstreamRequestV1;
    readonly mapResponse: (args: MapStatusResponseArgsV1<Input>) => QueuedStatusV1<Output>;
  };
  /** As `SyncTaskHandlerV1#boundUsage`. */
  readonly boundUsage?: (args: BoundUsageArgsV1<Input>) => UsageBoundV1 | undefined;
}

// biome-ignore lint/suspicious/noExplicitAny: handlers are stored heterogeneously; each narrows its own input.
export type TaskHandlerV1 = SyncTaskHandlerV1<any, any> | QueuedTaskHandlerV1<any, any>;
