/** @tollgate/provider-hf-inference: the hf-inference (Hugging Face serverless inference) provider plugin for Tollgate. */
import { hfInferencePlugin } from './hf-inference-plugin.js';

export { hfInferenceModels } from './hf-inference-models.js';
export { hfInferencePlugin } from './hf-inference-plugin.js';
export { HF_INFERENCE_PRICE_PER_COMPUTE_SECOND, hfInferenceRates } from './hf-inference-rates.js';
export { hfInferenceTasks } from './hf-inference-tasks.js';
export { readComputeUsage } from './read-compute-usage.js';
export default hfInferencePlugin;
