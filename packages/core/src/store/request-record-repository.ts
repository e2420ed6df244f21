/**
 * One row per request the gateway served or refused after authenticating it: who was billed, where it went, what
 * it used, what it cost and what was charged. Records explain the ledger (by model, provider, day, member); the
 * ledger stays the truth for money (decision 0017).
 *
 * The contract below is what `runStoreConformance` checks; a store implements it exactly.
 */
import type { NanoUsd } from '../pricing/nano-usd.js';
import type { BillingMode } from '../provider-keys/provider-key-source.js';

/** Metered units, as `UsageV1` counts them; zero when not metered. */
export interface RequestUnits {
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Input tokens served from the provider's prompt cache (a subset of `inputTokens`). */
  readonly cachedInputTokens: number;
  readonly images: number;
  /** Thousandths of a megapixel. */
  readonly milliMegapixels: number;
  readonly computeMilliseconds: number;
  readonly audioMilliseconds: number;
  readonly videoMilliseconds: number;
}

export interface RequestRecord {
  /** The gateway's request id (`x-request-id`); one record per id. */
  readonly requestId: string;
  /** The billing account, as the ledger names it: a user's id, or an organization's id when billed to one. */
  readonly accountId: string;
  /** The user whose token made the request. */
  readonly userId: string;
  readonly tokenId: string;
  /** The organization billed (`X-HF-Bill-To`), when not the user's own account. */
  readonly billedToOrganizationId: string | undefined;
  /** Undefined when the request failed before a provider was chosen. */
  readonly providerId: string | undefined;
  /** The Hub model id; the model as the caller named it when routing failed. */
  readonly hfModelId: string | undefined;
  readonly providerModelId: string | undefined;
  readonly task: string;
  readonly units: RequestUnits;
  /** What the usage cost at the provider's rates; undefined when the model has no published rate. */
  readonly costNanoUsd: NanoUsd | undefined;
  /** What the ledger charged the account for it (zero when nothing was charged). */
  readonly chargedNanoUsd: NanoUsd;
  readonly billingMode: BillingMode;
  /** `ok`, `client_aborted`, `upstream_failed`, or the error code the client received (e.g. `insufficient_credit`). */
  readonly status: string;
  /** The HTTP status the client received (200 for a stream that began). */
  readonly httpStatus: number;
  /** From the executor taking the request to its answer (a stream: to its end). */
  readonly latencyMs: number;
  readonly streamed: boolean;
  /** ISO-8601 UTC, with milliseconds. */
  readonly createdAt: string;
  /**
   * For a provider that reports its cost later (decision 0021): `pending` while `costNanoUsd` is the metered
   * placeholder, `reported` once it is the provider's cost, `unbilled` when the provider never priced it and nothing
   * was charged. Absent: the metered cost is final.
   */
  readonly providerCost?: ProviderCostState;
}

export type ProviderCostState = 'pending' | 'reported' | 'unbilled';

/** What the provider cost reconciler writes over a record once the provider's cost is known (or never will be). */
export interface RequestRecordRepricing {
  readonly costNanoUsd: NanoUsd;
  readonly chargedNanoUsd: NanoUsd;
  readonly providerCost: Exclude<ProviderCostState, 'pending'>;
}

export interface RequestRecordQuery {
  readonly accountId: string;
  /** Inclusive ISO-8601 UTC lower bound of `createdAt`. */
  readonly from: string;
  /** Exclusive ISO-8601 UTC upper bound of `createdAt`. */
  readonly to: string;
}

export interface RequestRecordRepository {
  /** Stores the record; a second record of the same request id changes nothing and answers `existing`. */
  record(record: RequestRecord): Promise<'recorded' | 'existing'>;
  find(requestId: string): Promise<RequestRecord | undefined>;
  /** The account's records created in [from, to), oldest first (ties by request id). */
  listForAccount(query: RequestRecordQuery): Promise<readonly RequestRecord[]>;
  /**
   * Replaces a record's cost, charge and provider cost state; false when no record of the request exists. Optional:
   * a store without it keeps the placeholder in its records (the ledger still has the right charge).
   */
  reprice?(requestId: string, repricing: RequestRecordRepricing): Promise<boolean>;
}

/** Units with every count zero. */
export const NO_UNITS: RequestUnits = Object.freeze({
  inputTokens: 0,
  outputTokens: 0,
  cachedInputTokens: 0,
  images: 0,
  milliMegapixels: 0,
  computeMilliseconds: 0,
  audioMilliseconds: 0,
  videoMilliseconds: 0,
});
