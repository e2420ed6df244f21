/** Hyperbolic's serverless prices, USD per million tokens (one price for input and output), by model id. */
import type { RateTableV1 } from '@tollgate/provider-spec';

const flat = (usd: string) => ({ inputPerMillionTokens: usd, outputPerMillionTokens: usd });

/**
 * Hyperbolic charges one price per token, input or output alike. Its docs publish only ranges (small models
 * from $0.10, 32B-72B $0.20-0.40, large $0.30-4.00 per million); the per-model prices below come from a
 * third-party copy of Hyperbolic's price list (an API gateway's provider catalog) and agree with those ranges,
 * but could not be read on hyperbolic.xyz/pricing on 2026-11-23: confirm them there.
 */
export const hyperbolicRates: RateTableV1 = {
  asOf: '2026-11-23',
  sourceUrl: 'https://hyperbolic.xyz/pricing',
  currency: 'USD',
  models: {
    'meta-llama/Llama-3.3-70B-Instruct': flat('0.40'),
    'meta-llama/Meta-Llama-3.1-8B-Instruct': flat('0.10'),
    'deepseek-ai/DeepSeek-V3-0324': flat('1.25'),
    'deepseek-ai/DeepSeek-R1-0528': flat('3.00'),
    'Qwen/Qwen3-235B-A22B': flat('0.40'),
    'Qwen/Qwen2.5-72B-Instruct': flat('0.40'),
    // Unconfirmed: Hyperbolic's image price as last published, $0.01 per image at the default 1024x1024 and 25
    // steps (Hyperbolic scales it with size and steps, which a per-image card cannot follow); not re-read on
    // hyperbolic.xyz on 2026-11-23.
    'FLUX.1-dev': { perImage: '0.01' },
    'SDXL1.0-base': { perImage: '0.01' },
  },
};
