/**
 * Which metered units of a usage a rate card does not price, mirroring how the gateway's pricing
 * (`packages/core/src/pricing/compute-cost.ts`) multiplies each unit by a rate card field.
 */
import type { RateCardV1, UsageV1 } from '@tollgate/provider-spec';

type CountedUnit = Exclude<keyof UsageV1, 'reportedCostNanoUsd'>;

/** The rate card fields that can price each unit (any one suffices), as the gateway computes cost. */
const PRICED_BY: Readonly<Record<CountedUnit, readonly (keyof RateCardV1)[]>> = {
  inputTokens: ['inputPerMillionTokens'],
  outputTokens: ['outputPerMillionTokens'],
  // Without a cached-input price the gateway bills cached tokens as plain input.
  cachedInputTokens: ['cachedInputPerMillionTokens', 'inputPerMillionTokens'],
  images: ['perImage'],
  milliMegapixels: ['perMegapixel'],
  computeMilliseconds: ['perComputeSecond'],
  audioMilliseconds: ['perAudioSecond'],
  videoMilliseconds: ['perVideoSecond'],
  requests: ['perRequest'],
};

/** Image count and megapixels describe the same output; a card priced by either one prices both. */
const PRICED_TOGETHER: Partial<Record<CountedUnit, CountedUnit>> = {
  images: 'milliMegapixels',
  milliMegapixels: 'images',
};

/** The units `usage` reports, with a value (a zero counts: the provider said so). */
export function reportedUnits(usage: UsageV1): (keyof UsageV1)[] {
  return (Object.keys(usage) as (keyof UsageV1)[]).filter((unit) => usage[unit] !== undefined);
}

/**
 * The units in `usage` that `card` cannot price, each with the field it would need. A provider-stated cost
 * (`reportedCostNanoUsd`) prices the whole request by itself. Units that are not non-negative integers are
 * reported too, since pricing truncates them.
 *
 * @example
 * unpricedUsageUnits({ perImage: '0.025' }, { images: 1, milliMegapixels: 1049 }); // []
 * unpricedUsageUnits({ perImage: '0.025' }, { videoMilliseconds: 5000 }); // ['videoMilliseconds (needs perVideoSecond)']
 */
export function unpricedUsageUnits(card: RateCardV1, usage: UsageV1): string[] {
  const problems: string[] = [];
  for (const unit of reportedUnits(usage)) {
    if (unit === 'reportedCostNanoUsd') {
      if (typeof usage.reportedCostNanoUsd !== 'bigint' || usage.reportedCostNanoUsd < 0n)
        problems.push('reportedCostNanoUsd (must be a non-negative bigint)');
      continue;
    }
    const value = usage[unit];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      problems.push(`${unit} (${String(value)} is not a non-negative integer)`);
      continue;
    }
    if (usage.reportedCostNanoUsd !== undefined) continue;
    const partner = PRICED_TOGETHER[unit];
    const fields = [
      ...PRICED_BY[unit],
      ...(partner && usage[partner] !== undefined ? PRICED_BY[partner] : []),
    ];
    if (!fields.some((field) => card[field] !== undefined)) {
      problems.push(`${unit} (needs ${PRICED_BY[unit].join(' or ')})`);
    }
  }
  return problems;
}
