/**
 * A simulated provider's billing API (Hugging Face's provider billing API): it prices every chat answer it served
 * from the answer's own token counts, and answers `POST {"requestIds": [...]}` with
 * `{"requests": [{"requestId", "costNanoUsd"}]}`, leaving out ids it does not know or has not priced yet. Knobs let a
 * test delay pricing, never price some ids, answer `{"requests": null}`, fail calls or send a cost as given.
 */
import { randomUUID } from 'node:crypto';

/** Hugging Face sends at most this many ids per call; more is a 400. */
const MAX_REQUEST_IDS = 10_000;

export interface SimulatedBillingApiOptions {
  /** The billing endpoint's path after the provider's base URL; default `/billing/requests`. */
  readonly path?: string;
  /** The response header carrying the request id, on every response; default `inference-id`. */
  readonly requestIdHeader?: string;
  /** What a token costs the provider's customers, in nano-USD. */
  readonly inputNanoUsdPerToken: bigint;
  readonly outputNanoUsdPerToken: bigint;
  /** How long after an answer its cost becomes known; default 0. */
  readonly costDelayMs?: number;
}

/** What a test can do to a simulated billing API while it runs. */
export interface SimulatedBillingApi {
  readonly path: string;
  readonly requestIdHeader: string;
  /** The cost the provider will report for an id it served (before any override). */
  costOf(providerRequestId: string): bigint | undefined;
  /** Every id the provider served and priced or will price, in order. */
  servedIds(): readonly string[];
  setCostDelayMs(ms: number): void;
  /** The provider never prices this id (it is always left out of answers). */
  neverPrice(providerRequestId: string): void;
  /** Answer the id with this `costNanoUsd` as given (a fraction, a negative, a string...) instead of the real one. */
  reportCostAs(providerRequestId: string, costNanoUsd: unknown): void;
  /** The next `times` calls answer `{"requests": null}`. */
  answerNull(times: number): void;
  /** The next `times` calls answer this status with an error body. */
  fail(status: number, times: number): void;
  /** The request id lists received, one per call. */
  readonly calls: readonly (readonly string[])[];
}

export interface BillingAnswer {
  readonly status: number;
  readonly body: unknown;
}

export interface BillingBook extends SimulatedBillingApi {
  /** A fresh id for a response about to be sent. */
  newRequestId(): string;
  /** The answer with this id was served: it is priced from its tokens. */
  served(providerRequestId: string, tokens: { readonly input: number; readonly output: number }): void;
  answer(body: unknown): BillingAnswer;
}

/**
 * @example
 * const book = createBillingBook({ inputNanoUsdPerToken: 1_000n, outputNanoUsdPerToken: 2_000n });
 */
export function createBillingBook(options: SimulatedBillingApiOptions, now = () => Date.now()): BillingBook {
  const priced = new Map<string, { readonly costNanoUsd: bigint; readonly servedAt: number }>();
  const neverPriced = new Set<string>();
  const overrides = new Map<string, unknown>();
  const calls: string[][] = [];
  let costDelayMs = options.costDelayMs ?? 0;
  let nullAnswers = 0;
  let failures: { status: number; times: number } | undefined;
  return {
    path: options.path ?? '/billing/requests',
    requestIdHeader: (options.requestIdHeader ?? 'inference-id').toLowerCase(),
    newRequestId: () => randomUUID(),
    served(providerRequestId, tokens) {
      const costNanoUsd =
        BigInt(tokens.input) * options.inputNanoUsdPerToken +
        BigInt(tokens.output) * options.outputNanoUsdPerToken;
      priced.set(providerRequestId, { costNanoUsd, servedAt: now() });
    },
    costOf: (providerRequestId) => priced.get(providerRequestId)?.costNanoUsd,
    servedIds: () => [...priced.keys()],
    setCostDelayMs(ms) {
      costDelayMs = ms;
    },
    neverPrice(providerRequestId) {
      neverPriced.add(providerRequestId);
    },
    reportCostAs(providerRequestId, costNanoUsd) {
      overrides.set(providerRequestId, costNanoUsd);
    },
    answerNull(times) {
      nullAnswers = times;
    },
    fail(status, times) {
      failures = { status, times };
    },
    calls,
    answer(body) {
      const requestIds = (body as { requestIds?: unknown } | null)?.requestIds;
      if (!Array.isArray(requestIds) || requestIds.some((id) => typeof id !== 'string')) {
        return { status: 400, body: { error: 'Expected a JSON body {"requestIds": [string, ...]}' } };
      }
      if (requestIds.length > MAX_REQUEST_IDS) {
        return { status: 400, body: { error: `At most ${MAX_REQUEST_IDS} requestIds per call` } };
      }
      calls.push([...requestIds]);
      if (failures && failures.times > 0) {
        failures.times -= 1;
        return { status: failures.status, body: { error: 'Billing is unavailable, try again later' } };
      }
      if (nullAnswers > 0) {
        nullAnswers -= 1;
        return { status: 200, body: { requests: null } };
      }
      const known = now() - costDelayMs;
      const requests = [...new Set(requestIds as string[])].flatMap((requestId) => {
        const entry = priced.get(requestId);
        if (entry === undefined || neverPriced.has(requestId) || entry.servedAt > known) return [];
        const cost = overrides.has(requestId) ? overrides.get(requestId) : Number(entry.costNanoUsd);
        return [{ requestId, costNanoUsd: cost }];
      });
      return { status: 200, body: { requests } };
    },
  };
}
