/** hf-inference's price: compute seconds times the per-second price of the hardware the model runs on. */
import type { RateCardV1, RateTableV1 } from '@tollgate/provider-spec';
import { hfInferenceModels } from './hf-inference-models.js';

/**
 * The one per-second hardware price Hugging Face publishes for hf-inference: "a request to
 * black-forest-labs/FLUX.1-dev that takes 10 seconds to complete on a GPU machine that costs $0.00012 per
 * second to run, will be billed $0.0012" (pricing page). No per-hardware table is published, so neither a
 * CPU price nor other GPU prices could be confirmed; every model is priced at this figure until one is.
 * The answer's `x-compute-type` header names the hardware a call ran on (`cpu`, `gpu`, `...+optimized`).
 */
export const HF_INFERENCE_PRICE_PER_COMPUTE_SECOND = '0.00012';

const computeCard: RateCardV1 = { perComputeSecond: HF_INFERENCE_PRICE_PER_COMPUTE_SECOND };

export const hfInferenceRates: RateTableV1 = {
  asOf: '2026-12-01',
  sourceUrl: 'https://huggingface.co/docs/inference-providers/pricing',
  currency: 'USD',
  models: Object.fromEntries(hfInferenceModels.map((mapping) => [mapping.providerModelId, computeCard])),
};
