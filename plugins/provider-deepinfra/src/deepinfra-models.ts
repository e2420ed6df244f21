/** Hugging Face models DeepInfra serves, per task, with DeepInfra's model ids (which are the Hub ids). */
import type { ModelMappingV1 } from '@tollgate/provider-spec';

const chat = (id: string, metadata: ModelMappingV1['metadata'] = {}): ModelMappingV1 => ({
  hfModelId: id,
  providerModelId: id,
  task: 'conversational',
  status: 'live',
  metadata: { supportsTools: true, ...metadata },
});

/**
 * DeepInfra names models by their Hub ids. Hugging Face's provider page also maps
 * `deepseek-ai/DeepSeek-V4.1-Flash` and `meta-llama/Llama-3.1-8B-Instruct` (DeepInfra id
 * `meta-llama/Meta-Llama-3.1-8B-Instruct`) to DeepInfra, but their DeepInfra prices could not be confirmed on
 * 2026-11-23, so they are left unmapped rather than priced by guess.
 */
const chatModels: readonly ModelMappingV1[] = [
  chat('zai-org/GLM-5.2'),
  chat('zai-org/GLM-4.7', { contextLength: 202_752, supportsStructuredOutput: true }),
  chat('MiniMaxAI/MiniMax-M2.5'),
  chat('Qwen/Qwen3-235B-A22B'),
  chat('meta-llama/Llama-3.3-70B-Instruct'),
];

const mapping = (
  id: string,
  task: ModelMappingV1['task'],
  status: ModelMappingV1['status'] = 'live',
): ModelMappingV1 => ({ hfModelId: id, providerModelId: id, task, status });

/**
 * DeepInfra's OpenAI API also completes raw prompts, embeds, transcribes and speaks. Its speech models are priced
 * per character of input, a unit no rate card field measures, so Kokoro is mapped as `staging` (not routed).
 */
export const deepinfraModels: readonly ModelMappingV1[] = [
  ...chatModels,
  mapping('meta-llama/Llama-3.3-70B-Instruct', 'text-generation'),
  // The embedding model Hugging Face's DeepInfra page maps.
  mapping('Qwen/Qwen3-Embedding-0.6B', 'feature-extraction'),
  mapping('BAAI/bge-base-en-v1.5', 'feature-extraction'),
  mapping('BAAI/bge-large-en-v1.5', 'feature-extraction'),
  mapping('openai/whisper-large-v3', 'automatic-speech-recognition'),
  mapping('hexgrad/Kokoro-82M', 'text-to-speech', 'staging'),
];
