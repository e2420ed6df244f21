/**
 * DeepInfra's published prices, keyed by DeepInfra's model id: per million tokens for chat, completion and
 * embedding models, per second of audio for transcription.
 */
import type { RateTableV1 } from '@tollgate/provider-spec';

/**
 * Only GLM-4.7 was read on DeepInfra's own model page (deepinfra.com/zai-org/GLM-4.7). The other cards come
 * from third-party copies of DeepInfra's price list (an API gateway's provider catalog); they could not be
 * checked against deepinfra.com/pricing and should be confirmed there before relying on them for billing.
 */
export const deepinfraRates: RateTableV1 = {
  asOf: '2026-11-23',
  sourceUrl: 'https://deepinfra.com/pricing',
  currency: 'USD',
  models: {
    'zai-org/GLM-4.7': {
      inputPerMillionTokens: '0.43',
      outputPerMillionTokens: '1.75',
      cachedInputPerMillionTokens: '0.08',
    },
    // Unconfirmed on deepinfra.com (third-party copy of the price list).
    'zai-org/GLM-5.2': { inputPerMillionTokens: '1.40', outputPerMillionTokens: '4.40' },
    // Unconfirmed on deepinfra.com (third-party copy of the price list).
    'MiniMaxAI/MiniMax-M2.5': { inputPerMillionTokens: '0.30', outputPerMillionTokens: '1.20' },
    // Unconfirmed on deepinfra.com (third-party copy of the price list).
    'Qwen/Qwen3-235B-A22B': { inputPerMillionTokens: '0.13', outputPerMillionTokens: '0.60' },
    // Unconfirmed on deepinfra.com (two third-party copies of the price list agree).
    'meta-llama/Llama-3.3-70B-Instruct': { inputPerMillionTokens: '0.23', outputPerMillionTokens: '0.40' },
    // Unconfirmed on deepinfra.com: a third-party embeddings catalog (OpenRouter) lists these models at these
    // prices per million input tokens, without naming DeepInfra as the serving provider.
    'BAAI/bge-base-en-v1.5': { inputPerMillionTokens: '0.005' },
    // Unconfirmed: DeepInfra's price for Qwen3-Embedding-0.6B as last seen on its model page, not re-read on
    // deepinfra.com on 2026-11-23.
    'Qwen/Qwen3-Embedding-0.6B': { inputPerMillionTokens: '0.002' },
    'BAAI/bge-large-en-v1.5': { inputPerMillionTokens: '0.01' },
    // Unconfirmed on deepinfra.com: $0.00045 per audio minute as last published, i.e. $0.0000075 per second.
    'openai/whisper-large-v3': { perAudioSecond: '0.0000075' },
    // Speech is priced per million characters, which no rate card field measures (see deepinfra-models.ts).
    'hexgrad/Kokoro-82M': {},
  },
};
