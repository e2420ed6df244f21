/** What the native-route executor takes and gives back. */
import type { NativeBodyV1, NativeRequestV1, UpstreamResponseV1, UsageV1 } from '@tollgate/provider-spec';
import type { Principal } from '../auth/principal.js';
import type { BilledOrganization } from '../billing/billed-account.js';
import type { ExecutionRoute, StreamCompletion, StreamItem } from '../execution/execution-types.js';
import type { NanoUsd } from '../pricing/nano-usd.js';
import type { BillingMode } from '../provider-keys/provider-key-source.js';

export interface NativeCallRequest {
  readonly providerId: string;
  readonly method: NativeRequestV1['method'];
  /** After `/{providerId}`, starting with `/`, without the query string. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** The client headers the host forwards (never its credentials), lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: NativeBodyV1;
  readonly principal: Principal;
  /** The organization paying for the request (`X-HF-Bill-To`, checked by `BillToResolver`); the caller when absent. */
  readonly billTo?: BilledOrganization;
  readonly requestId: string;
  readonly signal: AbortSignal;
}

export interface CompletedNativeCall {
  readonly kind: 'complete';
  readonly route: ExecutionRoute;
  /** The provider's answer: parsed JSON, or bytes for a `bytes` answer. */
  readonly response: UpstreamResponseV1;
  readonly bodyKind: 'json' | 'bytes';
  /** What this answer was billed for; empty when it completed nothing billable (a queue submission, a status). */
  readonly usage: UsageV1;
  readonly costNanoUsd: NanoUsd | undefined;
  /** `custom-key`: called with the caller's own key, so the provider bills the cost and the ledger nothing. */
  readonly billing: BillingMode;
  /** `pending`: the provider reports the true cost later (decision 0021); `costNanoUsd` is the placeholder. */
  readonly providerCost?: 'pending';
}

export interface StreamingNativeCall {
  readonly kind: 'stream';
  readonly route: ExecutionRoute;
  readonly billing: BillingMode;
  /** `pending`: the provider reports the true cost later (decision 0021). */
  readonly providerCost?: 'pending';
  /** The chunks of one upstream read come as one batch. */
  readonly batches: AsyncIterable<readonly StreamItem[]>;
  readonly completion: Promise<StreamCompletion>;
}

export type NativeCallResult = CompletedNativeCall | StreamingNativeCall;
