/** What the executor takes and gives back. */
import type { TaskId, UsageV1 } from '@tollgate/provider-spec';
import type { Principal } from '../auth/principal.js';
import type { BilledOrganization } from '../billing/billed-account.js';
import type { NanoUsd } from '../pricing/nano-usd.js';
import type { BillingMode } from '../provider-keys/provider-key-source.js';

export interface ExecutionRequest {
  readonly task: TaskId;
  /** The caller's model reference, suffix included (`openai/gpt-oss-120b:groq`). */
  readonly model: string;
  /** The caller's request in the task's public shape. */
  readonly input: unknown;
  readonly principal: Principal;
  /** The organization paying for the request (`X-HF-Bill-To`, checked by `BillToResolver`); the caller when absent. */
  readonly billTo?: BilledOrganization;
  readonly requestId: string;
  /** Aborted when the client goes away; the upstream call is aborted with it. */
  readonly signal: AbortSignal;
}

export interface ExecutionRoute {
  readonly providerId: string;
  readonly hfModelId: string;
  readonly providerModelId: string;
}

export interface CompletedExecution {
  readonly kind: 'complete';
  readonly route: ExecutionRoute;
  readonly output: unknown;
  readonly usage: UsageV1;
  /** Undefined when the model has no published rate. */
  readonly costNanoUsd: NanoUsd | undefined;
  /** `custom-key`: called with the caller's own key, so the provider bills the cost and the ledger nothing. */
  readonly billing: BillingMode;
  /** What the account was charged (the cost, up to the hold); undefined when billing is off. */
  readonly chargedNanoUsd?: NanoUsd;
  /**
   * `pending`: the provider reports the true cost later (decision 0021); `costNanoUsd` and `chargedNanoUsd` are the
   * metered placeholder, and the ledger charges the provider's cost once known.
   */
  readonly providerCost?: 'pending';
}

export type StreamItem =
  | { readonly type: 'chunk'; readonly data: unknown }
  | {
      readonly type: 'error';
      readonly error: { readonly message: string; readonly type: string; readonly code: string };
    };

export type StreamOutcome = 'completed' | 'client_aborted' | 'upstream_failed';

export interface StreamCompletion {
  readonly outcome: StreamOutcome;
  readonly usage: UsageV1;
  readonly costNanoUsd: NanoUsd | undefined;
  /** What the account was charged (the cost, up to the hold); undefined when billing is off. */
  readonly chargedNanoUsd?: NanoUsd;
  /** `pending`: the cost is a placeholder until the provider reports its own (decision 0021). */
  readonly providerCost?: 'pending';
}

export interface StreamingExecution {
  readonly kind: 'stream';
  readonly route: ExecutionRoute;
  readonly billing: BillingMode;
  /** `pending`: the provider reports the true cost later; the stream's `usage.cost` is a placeholder. */
  readonly providerCost?: 'pending';
  /**
   * Chunks in the public shape, as the upstream produces them: the chunks of one upstream read come as one
   * batch, so they can leave in one write. Stop iterating to abort the upstream call.
   */
  readonly batches: AsyncIterable<readonly StreamItem[]>;
  /** Settles after the stream ended, was abandoned, or failed. Never rejects. */
  readonly completion: Promise<StreamCompletion>;
}

export type ExecutionResult = CompletedExecution | StreamingExecution;
