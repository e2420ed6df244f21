/**
 * The exact cost of metered usage at a rate card, in nano-USD. Every component is summed in units of 1e-21 USD
 * (rates parsed to 15 decimals, times quantities scaled to whole units) and rounded up once, so a total is never
 * below the provider's rate times the usage and never above it by more than one nano-USD.
 */
import type { RateCardV1, UsageV1 } from '@tollgate/provider-spec';
import { parseDecimal } from '@tollgate/provider-utils';
import { applyCostFactor, type CostFactor } from './cost-factor.js';
import type { NanoUsd } from './nano-usd.js';

/** Decimal places rates are kept at (1e-15 USD), so a per-token price of a fraction of a nano-dollar is exact. */
export const RATE_SCALE = 15;
const PER_MILLION = 1_000_000n;
const PER_THOUSAND = 1_000n;
/** From 1e-15 USD (rate scale) x 1e-6 (the common denominator) to nano-USD. */
const TO_NANO = 10n ** BigInt(RATE_SCALE - 9) * PER_MILLION;

/** A rate card with every price parsed once to an integer of 1e-15 USD per unit. */
export interface ParsedRateCard {
  readonly inputPerMillionTokens: bigint;
  readonly outputPerMillionTokens: bigint;
  /** Undefined when the provider has no separate cached-input price (cached tokens are then plain input). */
  readonly cachedInputPerMillionTokens: bigint | undefined;
  readonly perImage: bigint;
  readonly perMegapixel: bigint;
  readonly perComputeSecond: bigint;
  readonly perAudioSecond: bigint;
  readonly perVideoSecond: bigint;
  readonly perRequest: bigint;
}

const rate = (value: string | undefined) => (value === undefined ? 0n : parseDecimal(value, RATE_SCALE));

/** Parses a card's decimal strings; do it once per card, not per request. */
export function parseRateCard(card: RateCardV1): ParsedRateCard {
  return {
    inputPerMillionTokens: rate(card.inputPerMillionTokens),
    outputPerMillionTokens: rate(card.outputPerMillionTokens),
    cachedInputPerMillionTokens:
      card.cachedInputPerMillionTokens === undefined ? undefined : rate(card.cachedInputPerMillionTokens),
    perImage: rate(card.perImage),
    perMegapixel: rate(card.perMegapixel),
    perComputeSecond: rate(card.perComputeSecond),
    perAudioSecond: rate(card.perAudioSecond),
    perVideoSecond: rate(card.perVideoSecond),
    perRequest: rate(card.perRequest),
  };
}

const count = (value: number | undefined) => BigInt(Math.max(0, Math.trunc(value ?? 0)));

/**
 * With a `factor`, the cost is `ceil(rate x usage x factor)`: the factor applies before the one rounding (and to a
 * reported cost, rounded up).
 *
 * @example computeParsedCost(parseRateCard({ inputPerMillionTokens: '0.59' }), { inputTokens: 1000 }) === 590000n
 */
export function computeParsedCost(card: ParsedRateCard, usage: UsageV1, factor?: CostFactor): NanoUsd {
  if (usage.reportedCostNanoUsd !== undefined) {
    return factor === undefined
      ? usage.reportedCostNanoUsd
      : applyCostFactor(usage.reportedCostNanoUsd, factor);
  }
  const input = count(usage.inputTokens);
  const cached = card.cachedInputPerMillionTokens === undefined ? 0n : count(usage.cachedInputTokens);
  const uncached = input > cached ? input - cached : 0n;
  // Per-million-token prices: rate x tokens is already in 1e-21 USD (1e-15 / 1e6).
  let total = card.inputPerMillionTokens * uncached + card.outputPerMillionTokens * count(usage.outputTokens);
  if (cached > 0n) total += (card.cachedInputPerMillionTokens ?? 0n) * cached;
  // Whole-unit prices are scaled by 1e6 to the same denominator; thousandths (ms, milli-MP) by 1e3.
  if (usage.images) total += card.perImage * count(usage.images) * PER_MILLION;
  if (usage.milliMegapixels) total += card.perMegapixel * count(usage.milliMegapixels) * PER_THOUSAND;
  if (usage.computeMilliseconds)
    total += card.perComputeSecond * count(usage.computeMilliseconds) * PER_THOUSAND;
  if (usage.audioMilliseconds) total += card.perAudioSecond * count(usage.audioMilliseconds) * PER_THOUSAND;
  if (usage.videoMilliseconds) total += card.perVideoSecond * count(usage.videoMilliseconds) * PER_THOUSAND;
  if (card.perRequest > 0n)
    total += card.perRequest * (usage.requests === undefined ? 1n : count(usage.requests)) * PER_MILLION;
  if (factor === undefined) return (total + TO_NANO - 1n) / TO_NANO;
  const denominator = TO_NANO * factor.denominator;
  return (total * factor.numerator + denominator - 1n) / denominator;
}

/** The cost of `usage` at `card`; parses the card on every call, so hot paths keep a {@link ParsedRateCard}. */
export function computeCost(card: RateCardV1, usage: UsageV1): NanoUsd {
  return computeParsedCost(parseRateCard(card), usage);
}
