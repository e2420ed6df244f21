/** High-side estimates of Nscale's per-token prices, USD per million tokens, keyed by Nscale's model id. */
import type { RateTableV1 } from '@tollgate/provider-spec';

/**
 * NOT Nscale's published prices: Nscale's per-model price list (nscale.com/pricing) could not be read on
 * 2026-11-23. Each card is the highest price another provider in this repository publishes for the same
 * model, so that the plugin's `estimated` billing errs high (as Hugging Face does for providers whose exact cost
 * it cannot know). Replace these with Nscale's own prices, and switch billing to `integrated`, once they are read.
 */
export const nscaleRates: RateTableV1 = {
  asOf: '2026-11-23',
  sourceUrl: 'https://www.nscale.com/pricing',
  currency: 'USD',
  models: {
    // Estimate: Cerebras' $0.35 in / $0.75 out, the highest of Groq, Together, Cerebras and SambaNova.
    'openai/gpt-oss-120b': { inputPerMillionTokens: '0.35', outputPerMillionTokens: '0.75' },
    // Estimate: Groq's $0.075 in / $0.30 out, the only other published price for this model here.
    'openai/gpt-oss-20b': { inputPerMillionTokens: '0.075', outputPerMillionTokens: '0.30' },
    // Estimate: Hyperbolic's $0.40 input and DeepInfra's $0.60 output, the higher of the two on each side.
    'Qwen/Qwen3-235B-A22B': { inputPerMillionTokens: '0.40', outputPerMillionTokens: '0.60' },
    // Estimate: fal's $0.003 per megapixel, the highest per-megapixel price of FLUX.1 [schnell] among fal, Together
    // ($0.0027) and Replicate ($0.003 per image, i.e. per 1024x1024 output).
    'black-forest-labs/FLUX.1-schnell': { perMegapixel: '0.003' },
  },
};
