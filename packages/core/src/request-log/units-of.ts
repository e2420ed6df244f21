/** A request record's units from the usage a provider reported: absent counts are zero. */
import type { UsageV1 } from '@tollgate/provider-spec';
import type { RequestUnits } from '../store/request-record-repository.js';

/**
 * @example
 * unitsOf({ inputTokens: 12, outputTokens: 30 }).images; // 0
 */
export function unitsOf(usage: UsageV1 | undefined): RequestUnits {
  return {
    inputTokens: usage?.inputTokens ?? 0,
    outputTokens: usage?.outputTokens ?? 0,
    cachedInputTokens: usage?.cachedInputTokens ?? 0,
    images: usage?.images ?? 0,
    milliMegapixels: usage?.milliMegapixels ?? 0,
    computeMilliseconds: usage?.computeMilliseconds ?? 0,
    audioMilliseconds: usage?.audioMilliseconds ?? 0,
    videoMilliseconds: usage?.videoMilliseconds ?? 0,
  };
}
