/** One request on the lean inference path: the raw request and response, its id, headers and client-abort signal. */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

export interface InferenceExchange {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  /** Minted by the gateway: the id the ledger and the request records know the request by. */
  readonly requestId: string;
  /** The client's own `x-request-id`, when sane: logged beside the gateway's, never billed by. */
  readonly clientRequestId?: string;
  /** Headers every answer to this request carries (request id, sandbox mark, provider once known). */
  readonly headers: OutgoingHttpHeaders;
  /**
   * Aborted when the response closes before it was completely written (the client went away). The connection's
   * signal, shared with the requests before and after this one on it (http/client-abort-signal.ts).
   */
  readonly signal: AbortSignal;
}
