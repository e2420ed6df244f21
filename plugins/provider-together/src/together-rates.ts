/**
 * Together's published serverless prices, keyed by Together's model id: chat and completion models per million
 * tokens, embeddings per million input tokens, images per megapixel, transcription per second of audio.
 */
import type { RateTableV1 } from '@tollgate/provider-spec';

export const togetherRates: RateTableV1 = {
  asOf: '2026-11-23',
  sourceUrl: 'https://www.together.ai/pricing',
  currency: 'USD',
  models: {
    'meta-llama/Llama-3.3-70B-Instruct-Turbo': {
      inputPerMillionTokens: '1.04',
      outputPerMillionTokens: '1.04',
    },
    'openai/gpt-oss-120b': { inputPerMillionTokens: '0.15', outputPerMillionTokens: '0.60' },
    'deepseek-ai/DeepSeek-V4.1-Flash': { inputPerMillionTokens: '0.30', outputPerMillionTokens: '1.20' },
    'Qwen/Qwen3.5-9B': { inputPerMillionTokens: '0.17', outputPerMillionTokens: '0.25' },
    'zai-org/GLM-5.3': { inputPerMillionTokens: '1.40', outputPerMillionTokens: '4.40' },
    'moonshotai/Kimi-K3': { inputPerMillionTokens: '3.00', outputPerMillionTokens: '15.00' },
    // Embeddings: Together's list prices as last published (not re-read on together.ai on 2026-11-23). Unused
    // for billing while Together reports no embedding usage (see together-models.ts).
    'BAAI/bge-base-en-v1.5': { inputPerMillionTokens: '0.008' },
    'intfloat/multilingual-e5-large-instruct': { inputPerMillionTokens: '0.02' },
    // Together bills FLUX per megapixel of output at the model's default steps ($0.0027/MP schnell, $0.025/MP
    // dev); the schnell price is confirmed by two third-party price comparisons (May 2026), the dev price could
    // not be confirmed on together.ai on 2026-11-23.
    'black-forest-labs/FLUX.1-schnell': { perMegapixel: '0.0027' },
    'black-forest-labs/FLUX.1-dev': { perMegapixel: '0.025' },
    // $0.0015 per audio minute, i.e. $0.000025 per second (not re-read on together.ai on 2026-11-23).
    'openai/whisper-large-v3': { perAudioSecond: '0.000025' },
    // Speech is priced per million characters (Orpheus $15, Kokoro $4 as last published), which no rate card
    // field measures; the cards stay empty and the models unrouted (`staging`) until one does.
    'canopylabs/orpheus-3b-0.1-ft': {},
    'hexgrad/Kokoro-82M': {},
    // A finished video job states its own cost (`outputs.cost`), which is what is billed; Together's per-video
    // list price for Wan 2.2 could not be confirmed on together.ai on 2026-11-23, so the card names no rate.
    'Wan-AI/Wan2.2-T2V-A14B': {},
    'Wan-AI/Wan2.2-I2V-A14B': {},
  },
};
