/**
 * What a charged stream needs beyond the pipeline, shared by routed and native streams: the limit that ends it at
 * its hold, the usage it is billed for however it ended, and an upstream signal that outlives the client for a
 * while so the provider's usage can still be read.
 */
import type { UsageV1 } from '@tollgate/provider-spec';
import type { NanoUsd } from '../pricing/nano-usd.js';
import { chatStreamEnd } from './chat-stream-end.js';
import type { StreamItem } from './execution-types.js';
import type { StreamOutputLimit, StreamPipelineState } from './stream-pipeline.js';

export const DEFAULT_DISCONNECT_GRACE_MS = 5_000;

/** What a charged request's hold was planned for. */
export interface HeldLimits {
  /** The worst case of every unit but output tokens; undefined when the request could not be bounded. */
  readonly baseUsage: UsageV1 | undefined;
  /** Output tokens the hold pays for in all; undefined when output is not capped. */
  readonly maxOutputTokens: number | undefined;
  readonly sequences: number;
}

/** A stream cut at its limit produced the output its hold pays for, on the worst case of its input. */
function usageAtLimit(limits: HeldLimits): UsageV1 {
  // Object.assign, not a leading spread: see credit-hold-plan.ts's withOutput.
  return Object.assign({}, limits.baseUsage, { outputTokens: limits.maxOutputTokens });
}

/**
 * A chat stream's limit: a role chunk and a finish chunk per sequence and the usage chunk carry no output token,
 * so past `maxOutputTokens` plus those the provider ignored its cap; the stream then ends with `finish_reason:
 * 'length'` (and its usage and cost when the client asked for usage). Undefined when output is not capped.
 */
export function chatStreamLimit({
  limits,
  includeUsage,
  chargeFor,
}: {
  readonly limits: HeldLimits | undefined;
  readonly includeUsage: boolean;
  /** What `usage` costs the caller, as `usage.cost` reports it. */
  readonly chargeFor: (usage: UsageV1) => NanoUsd;
}): StreamOutputLimit | undefined {
  if (limits?.maxOutputTokens === undefined) return undefined;
  const { maxOutputTokens, sequences } = limits;
  return {
    maxChunks: maxOutputTokens + 2 * sequences + 1,
    end: (lastEmitted): readonly StreamItem[] => {
      const metered = usageAtLimit(limits);
      return chatStreamEnd({
        lastEmitted,
        sequences,
        usage: includeUsage ? { metered, costNanoUsd: chargeFor(metered) } : undefined,
      });
    },
  };
}

/** Whether a chat body asked for usage in its stream. */
export function asksForStreamUsage(body: unknown): boolean {
  return (
    (body as { stream_options?: { include_usage?: unknown } | null } | null)?.stream_options
      ?.include_usage === true
  );
}

/**
 * What a stream is billed for: the provider's usage (an explicit zero included); at the limit, the hold's worth
 * (with the provider's input count if it sent one); without any usage from the provider (it was cut off, or never
 * says), the input's worst case and the chunks emitted as output tokens. Uncharged streams: the provider's usage.
 */
export function chargedStreamUsage(state: StreamPipelineState, limits: HeldLimits | undefined): UsageV1 {
  if (limits === undefined) return state.usage;
  if (state.limitReached) {
    return {
      ...usageAtLimit(limits),
      ...(state.usage.inputTokens !== undefined ? { inputTokens: state.usage.inputTokens } : {}),
    };
  }
  if (Object.keys(state.usage).length > 0 || limits.baseUsage === undefined) return state.usage;
  const emitted = Math.max(0, (state.emittedChunks ?? 0) - 2 * limits.sequences);
  return Object.assign({}, limits.baseUsage, {
    outputTokens: (limits.baseUsage.outputTokens ?? 0) + emitted,
  });
}

/**
 * What a charged JSON answer is billed for: the provider's usage (an explicit zero included); when it reports none,
 * the input's worst case and, for capped output, the answer's UTF-8 bytes as output tokens (never more tokens than
 * bytes), at most the cap.
 *
 * @example
 * chargedAnswerUsage({}, { choices: [...] }, limits); // { inputTokens: 112, outputTokens: 57 }
 */
export function chargedAnswerUsage(usage: UsageV1, output: unknown, limits: HeldLimits | undefined): UsageV1 {
  if (limits?.baseUsage === undefined || Object.keys(usage).length > 0) return usage;
  if (limits.maxOutputTokens === undefined) return limits.baseUsage;
  const bytes = Buffer.byteLength(JSON.stringify(output) ?? '', 'utf8');
  return Object.assign({}, limits.baseUsage, {
    outputTokens: (limits.baseUsage.outputTokens ?? 0) + Math.min(bytes, limits.maxOutputTokens),
  });
}

/**
 * The signal of a charged stream's upstream call: aborted with the client's before the stream began, and
 * `graceMs` after the client left once it had begun, so the provider's usage can still arrive.
 *
 * @example
 * const upstream = new LingeringUpstreamSignal(request.signal, 5_000);
 * openUpstreamStream({ ...transport, signal: upstream.signal });
 * upstream.began();
 */
export class LingeringUpstreamSignal {
  private readonly controller = new AbortController();
  private started = false;
  private readonly onClientGone = () => this.clientGone();

  constructor(
    private readonly client: AbortSignal,
    private readonly graceMs: number,
    /** Where it is registered while it may linger, so a shutting-down gateway can end it at once. */
    private readonly streams?: LingeringStreams,
  ) {
    if (client.aborted) this.controller.abort(client.reason);
    else client.addEventListener('abort', this.onClientGone, { once: true });
    streams?.add(this);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The stream reached the client: from now on a client leaving gives the provider `graceMs` to finish. */
  began(): void {
    this.started = true;
  }

  /** The client left (or stopped reading). */
  clientGone(): void {
    if (!this.started || this.streams?.closed === true) {
      this.controller.abort(this.client.reason);
      return;
    }
    setTimeout(() => this.controller.abort(this.client.reason), this.graceMs).unref();
  }

  /** The stream is over: stop listening to the client. */
  dispose(): void {
    this.client.removeEventListener('abort', this.onClientGone);
    this.streams?.delete(this);
  }

  /** Ends the upstream call now (the gateway is shutting down). */
  abort(): void {
    this.controller.abort(new Error('The gateway is shutting down.'));
  }

  /** For `meteredStream`'s `onAbandon`: read on, discarding what comes, until the end or the grace ran out. */
  readonly readOn = async (rest: AsyncIterator<readonly StreamItem[]>): Promise<void> => {
    if (!this.client.aborted) this.clientGone();
    while (!(await rest.next()).done) {
      // Nobody reads these chunks any more; the pipeline still meters them.
    }
  };
}

/**
 * The charged streams of a kernel that may still be reading after their clients left; `close()` ends them all (the
 * gateway is shutting down, and its connections must not wait out a grace period).
 */
export class LingeringStreams {
  private readonly active = new Set<LingeringUpstreamSignal>();
  private isClosed = false;

  get closed(): boolean {
    return this.isClosed;
  }

  add(stream: LingeringUpstreamSignal): void {
    if (this.isClosed) stream.abort();
    else this.active.add(stream);
  }

  delete(stream: LingeringUpstreamSignal): void {
    this.active.delete(stream);
  }

  close(): void {
    this.isClosed = true;
    for (const stream of this.active) stream.abort();
    this.active.clear();
  }
}
