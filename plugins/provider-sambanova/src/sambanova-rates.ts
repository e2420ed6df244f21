/** SambaNova Cloud's published pay-as-you-go prices, USD per million (input) tokens, keyed by SambaNova's model id. */
import type { RateTableV1 } from '@tollgate/provider-spec';

/**
 * From SambaNova's price list at cloud.sambanova.ai/plans/pricing, as transcribed verbatim from that page on
 * 2026-10-07 by a third party; the page itself could not be read on 2026-11-23. The list gives a cached-input
 * price only for MiniMax-M3.
 */
export const sambanovaRates: RateTableV1 = {
  asOf: '2026-11-23',
  sourceUrl: 'https://cloud.sambanova.ai/plans/pricing',
  currency: 'USD',
  models: {
    'Meta-Llama-3.3-70B-Instruct': { inputPerMillionTokens: '0.60', outputPerMillionTokens: '1.20' },
    'gpt-oss-120b': { inputPerMillionTokens: '0.22', outputPerMillionTokens: '0.59' },
    'DeepSeek-V3.1': { inputPerMillionTokens: '3.00', outputPerMillionTokens: '4.50' },
    'DeepSeek-V3.2': { inputPerMillionTokens: '3.00', outputPerMillionTokens: '4.50' },
    'MiniMax-M3': {
      inputPerMillionTokens: '0.60',
      outputPerMillionTokens: '2.40',
      cachedInputPerMillionTokens: '0.06',
    },
    // Unconfirmed: SambaNova's embedding price as last published ($0.13 per million input tokens); it is not in
    // the 2026-10-07 transcription of the price list.
    'E5-Mistral-7B-Instruct': { inputPerMillionTokens: '0.13' },
  },
};
