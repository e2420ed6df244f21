/** Hugging Face models Together serves, per task, with Together's model ids (serverless catalog, Nov 2026). */
import type { ModelMappingV1 } from '@tollgate/provider-spec';

const chat = (hfModelId: string, providerModelId: string, contextLength: number): ModelMappingV1 => ({
  hfModelId,
  providerModelId,
  task: 'conversational',
  status: 'live',
  metadata: { contextLength, supportsTools: true, supportsStructuredOutput: true },
});

const mapping = (
  hfModelId: string,
  providerModelId: string,
  task: ModelMappingV1['task'],
  status: ModelMappingV1['status'] = 'live',
): ModelMappingV1 => ({ hfModelId, providerModelId, task, status });

/**
 * Together's serverless chat models. DeepSeek V3, V3.1 and R1, Llama 3.1 8B and Qwen3 32B have left
 * Together's serverless catalog, so they are not mapped.
 */
const chatModels: readonly ModelMappingV1[] = [
  chat('meta-llama/Llama-3.3-70B-Instruct', 'meta-llama/Llama-3.3-70B-Instruct-Turbo', 131_072),
  chat('openai/gpt-oss-120b', 'openai/gpt-oss-120b', 131_072),
  chat('deepseek-ai/DeepSeek-V4.1-Flash', 'deepseek-ai/DeepSeek-V4.1-Flash', 1_000_000),
  chat('Qwen/Qwen3.5-9B', 'Qwen/Qwen3.5-9B', 262_144),
  chat('zai-org/GLM-5.3', 'zai-org/GLM-5.3', 1_048_575),
  chat('moonshotai/Kimi-K3', 'moonshotai/Kimi-K3', 1_048_576),
];

/** Raw prompt completion on `/v1/completions`, with the same Turbo endpoint (and price) as chat. */
const textGeneration: readonly ModelMappingV1[] = [
  mapping('meta-llama/Llama-3.3-70B-Instruct', 'meta-llama/Llama-3.3-70B-Instruct-Turbo', 'text-generation'),
];

/**
 * Together's embedding models. Together's embeddings answer carries no token usage (its API reference and SDK
 * types show only `data`, `model` and `object`), so a routed call could not be billed: they are mapped as
 * `staging`, which routing skips, until Together reports usage or an operator prices them another way.
 */
const featureExtraction: readonly ModelMappingV1[] = [
  mapping('BAAI/bge-base-en-v1.5', 'BAAI/bge-base-en-v1.5', 'feature-extraction', 'staging'),
  mapping(
    'intfloat/multilingual-e5-large-instruct',
    'intfloat/multilingual-e5-large-instruct',
    'feature-extraction',
    'staging',
  ),
];

const textToImage: readonly ModelMappingV1[] = [
  mapping('black-forest-labs/FLUX.1-schnell', 'black-forest-labs/FLUX.1-schnell', 'text-to-image'),
  mapping('black-forest-labs/FLUX.1-dev', 'black-forest-labs/FLUX.1-dev', 'text-to-image'),
];

const automaticSpeechRecognition: readonly ModelMappingV1[] = [
  mapping('openai/whisper-large-v3', 'openai/whisper-large-v3', 'automatic-speech-recognition'),
];

/**
 * Together prices speech per character of input, a unit no rate card field measures, so its speech models are
 * mapped as `staging` (not routed) rather than billed by a unit they are not sold by.
 */
const textToSpeech: readonly ModelMappingV1[] = [
  mapping('canopylabs/orpheus-3b-0.1-ft', 'canopylabs/orpheus-3b-0.1-ft', 'text-to-speech', 'staging'),
  mapping('hexgrad/Kokoro-82M', 'hexgrad/Kokoro-82M', 'text-to-speech', 'staging'),
];

/** Video jobs on `/v2/videos`. */
const textToVideo: readonly ModelMappingV1[] = [
  mapping('Wan-AI/Wan2.2-T2V-A14B', 'Wan-AI/Wan2.2-T2V-A14B', 'text-to-video'),
  mapping('Wan-AI/Wan2.2-I2V-A14B', 'Wan-AI/Wan2.2-I2V-A14B', 'image-to-video'),
];

export const togetherModels: readonly ModelMappingV1[] = [
  ...chatModels,
  ...textToVideo,
  ...textGeneration,
  ...featureExtraction,
  ...textToImage,
  ...automaticSpeechRecognition,
  ...textToSpeech,
];
