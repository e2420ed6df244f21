/** WaveSpeed's published prices per image and per video, keyed by WaveSpeed's model id. */
import type { RateTableV1 } from '@tollgate/provider-spec';

/**
 * Each price is the one on the model's WaveSpeed page (`wavespeed.ai/models/<model id>`, and its API doc page),
 * read on 2026-12-01. Images are billed per image returned. Video prices are per clip length, and each is written
 * here so that the card reproduces every published length exactly.
 */
export const wavespeedRates: RateTableV1 = {
  asOf: '2026-12-01',
  sourceUrl: 'https://wavespeed.ai/models',
  currency: 'USD',
  models: {
    // "$0.012 per image; total cost = $0.012 × num_images".
    'wavespeed-ai/flux-dev': { perImage: '0.012' },
    // "$0.003 per run" for one image; billed per image like FLUX dev.
    'wavespeed-ai/flux-schnell': { perImage: '0.003' },
    // "Per image edit: $0.024".
    'wavespeed-ai/hidream-e1-full': { perImage: '0.024' },
    // 5 s $0.20 and 10 s $0.30: a $0.10 base per video plus $0.02 per second reproduces both.
    'wavespeed-ai/wan-2.1/t2v-480p': { perRequest: '0.10', perVideoSecond: '0.02' },
    // "$0.05 per video" (the model takes no duration).
    'wavespeed-ai/wan-2.2/t2v-5b-720p': { perRequest: '0.05' },
    // "$0.01 per second, 5-second minimum"; its lengths are 5 s and 8 s, so the minimum never applies.
    'wavespeed-ai/wan-2.2/i2v-480p-ultra-fast': { perVideoSecond: '0.01' },
  },
};
