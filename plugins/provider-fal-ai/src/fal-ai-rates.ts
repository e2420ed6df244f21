/** fal's published prices per model, in the unit fal bills each model by, keyed by fal's endpoint id. */
import type { RateTableV1 } from '@tollgate/provider-spec';

export const falAiRates: RateTableV1 = {
  asOf: '2026-12-01',
  sourceUrl: 'https://fal.ai/pricing',
  currency: 'USD',
  models: {
    // "Your request will cost $0.025 per megapixel. Images are billed by rounding up to the nearest megapixel"
    // (fal's FLUX.1 [dev] page); schnell is $0.003 per megapixel on the same terms.
    'fal-ai/flux/dev': { perMegapixel: '0.025' },
    'fal-ai/flux/schnell': { perMegapixel: '0.003' },
    // Not confirmed on a fal page: $0.035 per megapixel is the figure third-party catalogues quote for
    // fal's FLUX LoRA endpoint.
    'fal-ai/flux-lora': { perMegapixel: '0.035' },
    // Not confirmed on a fal page: catalogues list Kontext [dev] on fal at $0.025 per image megapixel, rounded up
    // per output image to 1024x1024-pixel megapixels.
    'fal-ai/flux-kontext/dev': { perMegapixel: '0.025' },
    // "$0.08 per video second for 720p ... Video seconds are calculated at 16 frames per second" (fal's Wan
    // v2.2 A14B pages; 480p and 580p cost less, so the plugin always asks for 720p).
    'fal-ai/wan/v2.2-a14b/text-to-video': { perVideoSecond: '0.08' },
    'fal-ai/wan/v2.2-a14b/image-to-video': { perVideoSecond: '0.08' },
    // Not confirmed: fal's Whisper page prices it "per compute seconds" but shows the rate rounded to "$0".
    // 0.00111 is an assumed per-second GPU rate, to be checked against fal.ai/pricing; the seconds themselves
    // are fal's own count (`x-fal-billable-units`).
    'fal-ai/whisper': { perComputeSecond: '0.00111' },
    // Not confirmed on a fal page: $0.02 per 1000 characters. fal bills Kokoro per block of 1000 characters,
    // at least one block (`x-fal-billable-units`); each billed block is metered as one request, since a rate
    // card has no per-character unit.
    'fal-ai/kokoro/american-english': { perRequest: '0.02' },
  },
};
