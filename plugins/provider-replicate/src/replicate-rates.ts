/**
 * Replicate's published prices, keyed by Replicate's model id. Official models are billed per output (per image,
 * per video); community models by the seconds they run (`metrics.predict_time`) times their hardware's price.
 */
import type { RateTableV1 } from '@tollgate/provider-spec';
import { KOKORO_VERSION, WHISPER_VERSION } from './replicate-models.js';

/** Nvidia T4 (`gpu-t4`), $0.000225 per second on replicate.com/pricing. */
const T4_PER_SECOND = '0.000225';

export const replicateRates: RateTableV1 = {
  asOf: '2026-12-01',
  sourceUrl: 'https://replicate.com/pricing',
  currency: 'USD',
  models: {
    // Official models priced per output image (replicate.com/black-forest-labs/flux-dev and /flux-schnell).
    'black-forest-labs/flux-dev': { perImage: '0.025' },
    'black-forest-labs/flux-schnell': { perImage: '0.003' },
    // Not confirmed on Replicate's own page: $0.025 per image is from a reseller's copy of Replicate's price list.
    'black-forest-labs/flux-kontext-dev': { perImage: '0.025' },
    // Not confirmed: Replicate prices this official model per output video, but no public copy of the figure was
    // found; $0.0125 per video is an estimate to be replaced with the model page's price.
    'wan-video/wan-2.2-5b-fast': { perRequest: '0.0125' },
    // Community model on a T4, per replicate.com/openai/whisper.
    [`openai/whisper:${WHISPER_VERSION}`]: { perComputeSecond: T4_PER_SECOND },
    // Not confirmed: Replicate's page for Kokoro was not found; a reseller bills it at T4's rate plus its margin,
    // so T4 is assumed.
    [`jaaari/kokoro-82m:${KOKORO_VERSION}`]: { perComputeSecond: T4_PER_SECOND },
  },
};
