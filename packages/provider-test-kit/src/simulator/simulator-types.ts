/** The public shapes of the provider simulator: its options, its handle, faults and recorded calls. */
import type { ProviderProfile } from '../profiles/provider-profile.js';
import type { SimulatedBillingApi, SimulatedBillingApiOptions } from './billing-book.js';
import type { SimulatorMediaStore } from './media-store.js';

export interface SimulatorLatency {
  /** Delay before the first token, in milliseconds (streams send headers at once, then wait). */
  readonly firstTokenMs?: number;
  /** Pace of tokens after the first; unset or 0 means as fast as possible. */
  readonly tokensPerSecond?: number;
}

export interface SimulatorOptions {
  /** Port to listen on; default 0 (ephemeral). The host is always 127.0.0.1. */
  readonly port?: number;
  /** Profiles to serve, by id; default every profile the kit has (and every one in `profiles`). */
  readonly providers?: readonly string[];
  /** Profiles besides the kit's own (a test's own provider); one with a kit profile's id replaces it. */
  readonly profiles?: readonly ProviderProfile[];
  /** Expected key per provider; default `sim-<id>-key`. An empty string turns the key check off. */
  readonly apiKeys?: Readonly<Record<string, string>>;
  readonly latency?: SimulatorLatency;
  /** Provider model ids to serve besides the profile's own catalog (e.g. every id a plugin maps). */
  readonly models?: Readonly<Record<string, readonly string[]>>;
  /**
   * Providers that expose a billing API (Hugging Face's provider billing API), by id: each of their responses then
   * carries a request id header, and their chat answers are priced for the billing endpoint.
   */
  readonly billingApi?: Readonly<Record<string, SimulatedBillingApiOptions>>;
  readonly logger?: (line: string) => void;
}

export type SimulatedFault =
  | {
      readonly kind: 'status';
      readonly status: number;
      /** Defaults to the provider's own error body for that status. */
      readonly body?: unknown;
      readonly headers?: Readonly<Record<string, string>>;
      readonly times?: number;
    }
  /** Accept the request and never answer, until the client gives up. */
  | { readonly kind: 'timeout'; readonly times?: number }
  /** Destroy the socket before any response. */
  | { readonly kind: 'reset'; readonly times?: number }
  /** Send `afterChunks` stream chunks (or part of a JSON or binary body), then destroy the socket. */
  | { readonly kind: 'truncate'; readonly afterChunks: number; readonly times?: number }
  /** Answer 200 with a body that is not what the API promises. */
  | { readonly kind: 'garbage'; readonly times?: number }
  /** Send `afterChunks` stream chunks (or part of a JSON or binary body), then go silent. */
  | { readonly kind: 'stall'; readonly afterChunks: number; readonly times?: number }
  /**
   * For queued APIs: the request is served normally, but a job it creates ends in the provider's failed state
   * with `message` (or the profile's own failure text). Like every fault it is used up by the next `times`
   * requests to the provider, so inject it just before the request that submits the job.
   */
  | { readonly kind: 'job-failure'; readonly message?: string; readonly times?: number };

/** How a recorded call ended, as far as the simulator could see. */
export type RecordedCallOutcome =
  /** Still being answered (or held open by a `timeout` or `stall` fault). */
  | 'pending'
  /** The whole response was written. */
  | 'completed'
  /** The client closed the connection before the response was complete. */
  | 'client-closed'
  /** The simulator cut the connection on purpose (`reset`, `truncate`, or `close()`). */
  | 'server-closed';

export interface RecordedCall {
  /** The provider the call went to; `__media` for a fetch of simulator-served media. */
  readonly providerId: string;
  readonly method: string;
  /** The path after the provider prefix, query string included (`/openai/v1/chat/completions`). */
  readonly path: string;
  /** Request headers, names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed JSON body; the raw text when it is not JSON; undefined when empty. */
  readonly body: unknown;
  /** The body's bytes as received (uploads and multipart forms are checked here, not in `body`). */
  readonly rawBody: Buffer;
  /** The status the simulator answered with; undefined when it never answered. */
  readonly status: number | undefined;
  readonly outcome: RecordedCallOutcome;
  /** The fault applied to this call, if one was. */
  readonly fault: SimulatedFault['kind'] | undefined;
}

export interface ProviderSimulator {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** `${url}/${providerId}`: the base URL to give the plugin for that provider. */
  baseUrlFor(providerId: string): string;
  apiKeyFor(providerId: string): string;
  /** Applies to the next `times` requests to that provider (default: until cleared). */
  injectFault(providerId: string, fault: SimulatedFault): void;
  clearFaults(providerId?: string): void;
  setLatency(providerId: string, latency: SimulatorLatency): void;
  /** The billing API of a provider given one in `SimulatorOptions.billingApi`; throws for another. */
  billingApi(providerId: string): SimulatedBillingApi;
  /** Media the simulator serves at `${url}/__media/...` (e.g. an input image a test passes by URL). */
  readonly media: SimulatorMediaStore;
  /** Every request received, in arrival order. */
  readonly calls: readonly RecordedCall[];
  resetCalls(): void;
  /** Stops the server and destroys every open socket. */
  close(): Promise<void>;
}
