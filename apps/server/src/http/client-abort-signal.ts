/**
 * Ties an AbortSignal to the client's connection, so that upstream work stops when the client goes away.
 *
 * One controller serves every request a keep-alive connection carries, in turn, instead of one per request:
 * Node builds each AbortSignal through `new EventTarget()` and a prototype swap, and that was the costliest
 * single step the gateway took per request (docs/decisions/0008). Sharing is sound because a response closes
 * before it is finished only when its connection is gone (Node ends a response early by destroying its socket),
 * so an abort always concerns the requests of that connection and no later one; whoever listens on the signal
 * for one call stops listening when the call ends (the upstream dispatchers, a lingering stream's signal,
 * undici, timers), so a long-lived connection gathers no listeners. Only a pipelining client could see the
 * difference: a request whose answer was sent, but whose bookkeeping has not begun when a later request on the
 * connection is cut off, records the client as gone; what it is charged does not depend on it.
 */
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** The abort reason of every request whose client went away. */
export const CLIENT_CLOSED_MESSAGE = 'The client closed the connection.';

const controllers = new WeakMap<Socket, AbortController>();

/**
 * The controller of a client connection (a response's `socket`): aborted once, when a response on it closes
 * unfinished; a connection whose controller has aborted gets a fresh one (never seen: its socket is gone).
 *
 * @example
 * const controller = connectionAbortController(response.socket);
 * response.once('close', () => response.writableFinished || abortForClosedClient(controller));
 */
export function connectionAbortController(socket: Socket | null): AbortController {
  if (socket === null) return new AbortController();
  let controller = controllers.get(socket);
  if (controller === undefined || controller.signal.aborted) {
    controller = new AbortController();
    controllers.set(socket, controller);
  }
  return controller;
}

/** Aborts with the reason every caller sees when its client went away. */
export function abortForClosedClient(controller: AbortController): void {
  controller.abort(new Error(CLIENT_CLOSED_MESSAGE));
}

/**
 * Aborts when the response closes before it was completely written: the client disconnected, or the server
 * cut the connection (end of the shutdown grace period).
 *
 * @example
 * const signal = clientAbortSignal(reply.raw);
 * await kernel.executor.execute({ ..., signal });
 */
export function clientAbortSignal(response: ServerResponse): AbortSignal {
  const controller = connectionAbortController(response.socket);
  response.once('close', () => {
    if (!response.writableFinished) abortForClosedClient(controller);
  });
  return controller.signal;
}
