/**
 * What a request holds before it is forwarded, from the handler's worst-case usage priced at the provider's rate
 * card, and how its output is capped once the hold is known: a balance short of the worst case still serves the
 * request with `max_tokens` lowered to what the hold pays for, down to the input's cost plus a small floor.
 */
import type { TaskHandlerV1, TaskId, UsageBoundV1, UsageV1 } from '@tollgate/provider-spec';
import type { NanoUsd } from '../pricing/nano-usd.js';
import type { PricingService } from '../pricing/pricing-service.js';
import { taskUsageBound } from './task-usage-bound.js';

export interface CreditHoldPlanOptions {
  /** The output cap a chat request gets when the client gave none; default 8192 tokens. */
  readonly defaultMaxOutputTokens?: number;
  /** The fewest output tokens worth serving a request for when the balance is low; default 16. */
  readonly minimumOutputTokens?: number;
}

export const DEFAULT_MAX_OUTPUT_TOKENS = 8192;
export const DEFAULT_MINIMUM_OUTPUT_TOKENS = 16;

/** A request's worst case, and what to send once the hold is known. */
export interface CreditHoldPlan {
  /** Undefined when the request cannot be bounded: the ledger then holds its default. */
  readonly maxCostNanoUsd: NanoUsd | undefined;
  /** Undefined for all-or-nothing. */
  readonly minCostNanoUsd: NanoUsd | undefined;
  /** The worst case of every unit but output tokens (undefined when unbounded). */
  readonly baseUsage: UsageV1 | undefined;
  /** The input to send and the output-token cap it carries, for a hold of `reservedNanoUsd`. */
  limit(reservedNanoUsd: NanoUsd): LimitedRequest;
}

export interface LimitedRequest {
  readonly input: unknown;
  /** Output tokens the request may produce in all (cap per sequence x sequences); undefined: not capped here. */
  readonly maxOutputTokens: number | undefined;
  /** Sequences generated (OpenAI's `n`). */
  readonly sequences: number;
}

// Object.assign, not `{ ...usage, outputTokens }`: on Node 20 a leading spread followed by a new key gives every
// such object a map of its own, and each read of it in pricing then misses its inline cache (decision 0008).
const withOutput = (usage: UsageV1, outputTokens: number): UsageV1 =>
  Object.assign({}, usage, { outputTokens: (usage.outputTokens ?? 0) + outputTokens });

/** An unbounded request: hold the ledger's default, send the input as it came. */
function unbounded(input: unknown): CreditHoldPlan {
  const limited = { input, maxOutputTokens: undefined, sequences: 1 };
  return {
    maxCostNanoUsd: undefined,
    minCostNanoUsd: undefined,
    baseUsage: undefined,
    limit: () => limited,
  };
}

/**
 * @example
 * const plan = planCreditHold({ handler, input, pricing, providerId: 'groq', providerModelId: 'openai/gpt-oss-120b' });
 * const hold = await credits.hold({ ..., maxCostNanoUsd: plan.maxCostNanoUsd, minCostNanoUsd: plan.minCostNanoUsd });
 * const { input } = plan.limit(hold.reservedNanoUsd);
 */
export function planCreditHold({
  handler,
  task,
  input,
  pricing,
  providerId,
  providerModelId,
  options = {},
}: {
  readonly handler: TaskHandlerV1;
  /** The task, for a bound read from its public input when the handler has none (image generation). */
  readonly task?: TaskId;
  readonly input: unknown;
  readonly pricing: PricingService;
  readonly providerId: string;
  readonly providerModelId: string;
  readonly options?: CreditHoldPlanOptions;
}): CreditHoldPlan {
  const limitOutput = handler.kind === 'sync' ? handler.limitOutputTokens : undefined;
  const fromTask =
    handler.boundUsage === undefined && task !== undefined ? taskUsageBound(task, input) : undefined;
  return planBoundedHold({
    bound: fromTask?.bound ?? handler.boundUsage?.({ input }),
    ...(fromTask ? { minimumUsage: fromTask.minimum } : {}),
    input,
    ...(limitOutput
      ? { limitOutput: (maxOutputTokens: number) => limitOutput({ input, maxOutputTokens }) }
      : {}),
    pricing,
    providerId,
    providerModelId,
    options,
  });
}

/**
 * The same from a bound already taken and a way to cap the output (a native route's, say).
 *
 * @example
 * planBoundedHold({ bound: route.boundUsage?.({ request }), input: request, pricing, providerId, providerModelId });
 */
export function planBoundedHold({
  bound,
  input,
  limitOutput,
  minimumUsage,
  pricing,
  providerId,
  providerModelId,
  options = {},
}: {
  readonly bound: UsageBoundV1 | undefined;
  readonly input: unknown;
  /** The input with its output-token cap per sequence set; absent when the output cannot be capped. */
  readonly limitOutput?: (maxOutputTokens: number) => unknown;
  /** For a bound without output tokens: what is still worth holding when the balance is short (default: all). */
  readonly minimumUsage?: UsageV1;
  readonly pricing: PricingService;
  readonly providerId: string;
  readonly providerModelId: string;
  readonly options?: CreditHoldPlanOptions;
}): CreditHoldPlan {
  if (bound === undefined) return unbounded(input);
  const costOf = (usage: UsageV1) => pricing.costOf(providerId, providerModelId, usage);
  // No published rate: the request costs nothing, so nothing needs holding.
  const free = (): CreditHoldPlan => {
    const limited = { input, maxOutputTokens: undefined, sequences: 1 };
    return { maxCostNanoUsd: 0n, minCostNanoUsd: 0n, baseUsage: bound.usage, limit: () => limited };
  };
  const output = bound.outputTokens;
  if (output === undefined) {
    const baseCost = costOf(bound.usage);
    if (baseCost === undefined) return free();
    const limited = { input, maxOutputTokens: undefined, sequences: 1 };
    const minimum = minimumUsage === undefined ? baseCost : (costOf(minimumUsage) ?? baseCost);
    return {
      maxCostNanoUsd: baseCost,
      // The ledger holds at most the worst case whatever the minimum says.
      minCostNanoUsd: minimum,
      baseUsage: bound.usage,
      limit: () => limited,
    };
  }
  // Output is metered but cannot be capped, and the client set no cap: the worst case is unknown.
  if (limitOutput === undefined && output.requested === undefined) {
    return costOf(bound.usage) === undefined ? free() : unbounded(input);
  }
  const sequences = Math.max(1, Math.trunc(output.sequences ?? 1));
  const cap = output.requested ?? options.defaultMaxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS;
  const floor = Math.min(cap, options.minimumOutputTokens ?? DEFAULT_MINIMUM_OUTPUT_TOKENS);
  // The worst case is priced first: without a rate it is undefined, and the request is free (no separate look).
  const maxCost = costOf(withOutput(bound.usage, cap * sequences));
  if (maxCost === undefined) return free();
  const costWith = (perSequence: number) => costOf(withOutput(bound.usage, perSequence * sequences)) ?? 0n;
  const minCost = limitOutput === undefined ? maxCost : costWith(floor);
  const send = (perSequence: number): LimitedRequest => ({
    input: limitOutput === undefined || perSequence === output.requested ? input : limitOutput(perSequence),
    maxOutputTokens: perSequence * sequences,
    sequences,
  });
  return {
    maxCostNanoUsd: maxCost,
    minCostNanoUsd: minCost,
    baseUsage: bound.usage,
    limit(reserved) {
      if (reserved >= maxCost) return send(cap);
      // The largest cap the hold pays for: cost grows with the cap, so search between the floor and the cap.
      let low = floor;
      let high = cap;
      while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        if (costWith(middle) <= reserved) low = middle;
        else high = middle - 1;
      }
      return send(low);
    },
  };
}
