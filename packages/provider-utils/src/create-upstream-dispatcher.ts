/** The connection pool Tollgate uses for provider calls: keep-alive, bounded, quick to give up on connecting. */
import { Agent, type Dispatcher } from 'undici';

export interface UpstreamDispatcherOptions {
  /** Sockets per origin; default 128. */
  readonly connections?: number;
  /** How long an idle socket is kept for reuse; default 30 000 ms (the server's keep-alive hint may lower it). */
  readonly keepAliveTimeoutMs?: number;
  /** How long to wait for a TCP/TLS connection; default 10 000 ms. */
  readonly connectTimeoutMs?: number;
}

/**
 * An undici `Agent` for upstream calls. Header and body timeouts are set per call by `callUpstream`.
 * Close it with `await dispatcher.close()` when the gateway stops.
 *
 * @example
 * const dispatcher = createUpstreamDispatcher({ connections: 64 });
 * await callUpstream({ target, request, dispatcher });
 */
export function createUpstreamDispatcher(options: UpstreamDispatcherOptions = {}): Dispatcher {
  return new Agent({
    connections: options.connections ?? 128,
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 30_000,
    connect: { timeout: options.connectTimeoutMs ?? 10_000 },
  });
}

let shared: Dispatcher | undefined;

/**
 * The pool a call uses when its caller names none: one of `createUpstreamDispatcher`'s, made on first use. Not
 * undici's global dispatcher, which Node's built-in `fetch` may already have set to its own bundled undici, of a
 * major whose dispatch API differs.
 *
 * @example
 * await dispatchBuffered(request, { dispatcher: dispatcher ?? defaultUpstreamDispatcher(), errorBodyLimitBytes });
 */
export function defaultUpstreamDispatcher(): Dispatcher {
  shared ??= createUpstreamDispatcher();
  return shared;
}
