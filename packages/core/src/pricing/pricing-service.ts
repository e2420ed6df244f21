/** Rates per provider model, from each plugin's rate source merged with operator overrides. */
import type { RateCardV1, UsageV1 } from '@tollgate/provider-spec';
import { parseDecimal } from '@tollgate/provider-utils';
import type { ProviderRegistry } from '../registry/provider-registry.js';
import type { ProvidersConfig } from '../settings/provider-config.js';
import { computeParsedCost, type ParsedRateCard, parseRateCard, RATE_SCALE } from './compute-cost.js';
import { applyCostFactor, type CostFactor } from './cost-factor.js';
import type { NanoUsd } from './nano-usd.js';

export interface PricingService {
  rateCardFor(providerId: string, providerModelId: string): RateCardV1 | undefined;
  /**
   * The exact cost of `usage` (times `factor`, rounded up once, when given); undefined when the model has no
   * published rate.
   */
  costOf(
    providerId: string,
    providerModelId: string,
    usage: UsageV1,
    factor?: CostFactor,
  ): NanoUsd | undefined;
  /** Nano-USD per million input tokens, as `/v1/models` lists it. */
  inputPricePerMillionTokens(providerId: string, providerModelId: string): NanoUsd | undefined;
  /** Nano-USD per million output tokens, for `:cheapest` and `/v1/models`. */
  outputPricePerMillionTokens(providerId: string, providerModelId: string): NanoUsd | undefined;
}

const NANO_PER_RATE_UNIT = 10n ** BigInt(RATE_SCALE - 9);

/**
 * A price per million tokens in nano-USD, rounded up: a rate card may carry more decimals than nano-dollars (costs
 * are computed at `RATE_SCALE`), and listing or ranking such a price must neither fail nor show it below its rate.
 */
function perMillionNano(decimal: string | undefined): NanoUsd | undefined {
  if (decimal === undefined) return undefined;
  return (parseDecimal(decimal, RATE_SCALE) + NANO_PER_RATE_UNIT - 1n) / NANO_PER_RATE_UNIT;
}

export class RateTablePricingService implements PricingService {
  /**
   * Cards parsed on first use; rate tables and overrides do not change while the kernel runs. Keyed by provider, then
   * model: a request prices several times, and a joined key would be a new string to build and hash each time.
   */
  private readonly parsed = new Map<string, Map<string, ParsedRateCard | null>>();

  constructor(
    private readonly registry: ProviderRegistry,
    private readonly providers: ProvidersConfig,
  ) {}

  rateCardFor(providerId: string, providerModelId: string): RateCardV1 | undefined {
    const override = this.providers[providerId]?.rates?.[providerModelId];
    if (override) return override;
    const table = this.registry.get(providerId)?.rates.table;
    return table?.models[providerModelId] ?? table?.fallback;
  }

  costOf(
    providerId: string,
    providerModelId: string,
    usage: UsageV1,
    factor?: CostFactor,
  ): NanoUsd | undefined {
    if (usage.reportedCostNanoUsd !== undefined) {
      return factor === undefined
        ? usage.reportedCostNanoUsd
        : applyCostFactor(usage.reportedCostNanoUsd, factor);
    }
    let cards = this.parsed.get(providerId);
    if (cards === undefined) {
      cards = new Map();
      this.parsed.set(providerId, cards);
    }
    let card = cards.get(providerModelId);
    if (card === undefined) {
      const published = this.rateCardFor(providerId, providerModelId);
      card = published ? parseRateCard(published) : null;
      cards.set(providerModelId, card);
    }
    return card ? computeParsedCost(card, usage, factor) : undefined;
  }

  inputPricePerMillionTokens(providerId: string, providerModelId: string): NanoUsd | undefined {
    return perMillionNano(this.rateCardFor(providerId, providerModelId)?.inputPerMillionTokens);
  }

  outputPricePerMillionTokens(providerId: string, providerModelId: string): NanoUsd | undefined {
    return perMillionNano(this.rateCardFor(providerId, providerModelId)?.outputPerMillionTokens);
  }
}

/**
 * `pricing` as a provider not integrated with billing is charged (decision 0022): every cost, and the prices per
 * million tokens (`:cheapest` ranks by them, `/v1/models` lists them), times `factor` for the providers `appliesTo`
 * picks (all when absent). `rateCardFor` stays the published card.
 *
 * @example
 * const estimated = withCostFactor(pricing, DEFAULT_ESTIMATED_COST_FACTOR, (id) => registry.get(id)?.billing === 'estimated');
 */
export function withCostFactor(
  pricing: PricingService,
  factor: CostFactor,
  appliesTo: (providerId: string) => boolean = () => true,
): PricingService {
  const factored = (providerId: string, price: NanoUsd | undefined) =>
    price === undefined || !appliesTo(providerId) ? price : applyCostFactor(price, factor);
  return {
    rateCardFor: (providerId, providerModelId) => pricing.rateCardFor(providerId, providerModelId),
    costOf: (providerId, providerModelId, usage) =>
      pricing.costOf(providerId, providerModelId, usage, appliesTo(providerId) ? factor : undefined),
    inputPricePerMillionTokens: (providerId, providerModelId) =>
      factored(providerId, pricing.inputPricePerMillionTokens(providerId, providerModelId)),
    outputPricePerMillionTokens: (providerId, providerModelId) =>
      factored(providerId, pricing.outputPricePerMillionTokens(providerId, providerModelId)),
  };
}
