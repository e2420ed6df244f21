/** Novita's published prices (per million tokens for chat, per video for video), keyed by Novita's model id. */
import type { RateTableV1 } from '@tollgate/provider-spec';

/**
 * Novita's models API states prices as `input_token_price_per_m` / `output_token_price_per_m` in units of
 * 0.0001 USD per million tokens. Llama 3.3 70B's 3900 / 3900 (= $0.39 / $0.39) is the value Novita's own API
 * reference shows for it; the live pricing page could not be read on 2026-11-23, so confirm it there.
 */
export const novitaRates: RateTableV1 = {
  asOf: '2026-11-23',
  sourceUrl: 'https://novita.ai/pricing',
  currency: 'USD',
  models: {
    'meta-llama/llama-3.3-70b-instruct': { inputPerMillionTokens: '0.39', outputPerMillionTokens: '0.39' },
    // Novita's Wan 2.1 page (novita.ai/models/video/wan-2.1) states "Estimated cost: $0.27/video" for a 5-second
    // 720*1280 clip. A 480p price could not be read on 2026-12-01, so every clip is billed at that figure, which is
    // on the high side for 480p.
    'wan-t2v': { perRequest: '0.27' },
  },
};
