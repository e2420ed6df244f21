/**
 * A provider's own API served through the gateway, as Hugging Face's router serves it at
 * `/{provider}/{provider's path}`: the client sends the provider's format with the provider's model id, the host
 * authenticates the caller, checks the model is mapped, swaps in the provider key, forwards, and meters the
 * answer with these functions. Like task handlers they are pure; the host does the I/O.
 */
import type { CallContextV1 } from './call-context-v1.js';
import type { StreamChunkResultV1, UsageBoundV1 } from './task-handler-v1.js';
import type { TaskId } from './task-id.js';
import type { UpstreamRequestV1 } from './upstream-request-v1.js';
import type { StreamEventV1, UpstreamResponseV1 } from './upstream-response-v1.js';
import type { UsageV1 } from './usage-v1.js';

export type NativeBodyV1 =
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'bytes'; readonly value: Uint8Array; readonly contentType: string }
  | { readonly kind: 'none' };

/** The client's request to `/{provider}{path}`, as the host received it. */
export interface NativeRequestV1 {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** After the provider prefix, starting with `/`, without the query string. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** What the route's pattern captured: `:name` segments, and `*` for the rest of the path. */
  readonly params: Readonly<Record<string, string>>;
  /** Lower-cased names; the client's credentials are never among them. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: NativeBodyV1;
}

export interface NativeRouteArgsV1 {
  readonly request: NativeRequestV1;
  readonly context: CallContextV1;
}

/** What one answer of a native route is billed for. */
export interface NativeMeteringV1 {
  /** The billable usage of work this answer completes; absent when nothing is billable yet (queued, a status poll). */
  readonly usage?: UsageV1;
  /** The id of queued work this answer started, by which its follow-up requests name it. */
  readonly operationId?: string;
}

export interface NativeRouteV1 {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /**
   * The path after the provider prefix. Literal segments, `:name` for one segment, and a final `*` for the
   * rest (one segment or more). Routes are tried in the order the plugin lists them.
   */
  readonly path: string;
  /**
   * The task the route serves. Absent: the task of the model's mapping, for providers that serve every model
   * at one path whatever its task (hf-inference's `/models/{id}`).
   */
  readonly task?: TaskId;
  /**
   * `start`: names a provider model (checked against the model mapping) and starts billable work.
   * `follow-up`: reads the state or result of work a `start` began (a queue's status or result), named by
   * `operationOf`; only the caller who started the work may follow it up.
   */
  readonly role: 'start' | 'follow-up';
  /** For `start`: the provider model id the request addresses, from its path or body. */
  readonly modelOf?: (request: NativeRequestV1) => string | undefined;
  /** For `follow-up`: the operation id the request names (a path segment or query parameter). */
  readonly operationOf?: (request: NativeRequestV1) => string | undefined;
  /**
   * The call to make: usually the request as it came, with changes the provider needs (stream usage, ...).
   * `context` names the mapping the request resolved to (for a follow-up, the one its start resolved to).
   */
  readonly mapRequest: (args: NativeRouteArgsV1) => UpstreamRequestV1;
  /** For JSON and bytes answers: what the answer is billed for. */
  readonly meterResponse?: (
    args: NativeRouteArgsV1 & { readonly response: UpstreamResponseV1 },
  ) => NativeMeteringV1;
  /**
   * For event-stream answers: each event as the client receives it (`emit`; a string is sent verbatim),
   * the usage it reports, and the end of the stream.
   */
  readonly mapStreamEvent?: (
    args: NativeRouteArgsV1 & { readonly event: StreamEventV1 },
  ) => StreamChunkResultV1;
  /** For `start`: the request's worst-case usage, for the credit hold (as `SyncTaskHandlerV1#boundUsage`). */
  readonly boundUsage?: (args: { readonly request: NativeRequestV1 }) => UsageBoundV1 | undefined;
  /** For `start`: the request with its output-token cap set (as `SyncTaskHandlerV1#limitOutputTokens`). */
  readonly limitOutputTokens?: (args: {
    readonly request: NativeRequestV1;
    readonly maxOutputTokens: number;
  }) => NativeRequestV1;
}
