/** Z.ai's published API prices (per million tokens for chat, per image for images), keyed by Z.ai's model id. */
import type { RateTableV1 } from '@tollgate/provider-spec';

/**
 * GLM-4.7 and GLM-4.7-Flash (free) were read on Z.ai's pricing page; cached-input storage is free for now. The
 * GLM-5.x cards could not be read there on 2026-11-23: they come from several third-party copies of Z.ai's
 * list that agree ($1.40 in / $4.40 out, cache hits $0.26). No cache-hit price is known for GLM-5.3, so its
 * cache hits are billed as plain input (on the high side) until one is confirmed.
 */
export const zaiOrgRates: RateTableV1 = {
  asOf: '2026-11-23',
  sourceUrl: 'https://docs.z.ai/guides/overview/pricing',
  currency: 'USD',
  models: {
    // Unconfirmed on docs.z.ai (third-party copies of the price list).
    'glm-5.3': { inputPerMillionTokens: '1.40', outputPerMillionTokens: '4.40' },
    // Unconfirmed on docs.z.ai (third-party copies of the price list).
    'glm-5.2': {
      inputPerMillionTokens: '1.40',
      outputPerMillionTokens: '4.40',
      cachedInputPerMillionTokens: '0.26',
    },
    // Unconfirmed on docs.z.ai (third-party copies of the price list).
    'glm-5.1': {
      inputPerMillionTokens: '1.40',
      outputPerMillionTokens: '4.40',
      cachedInputPerMillionTokens: '0.26',
    },
    'glm-4.7': {
      inputPerMillionTokens: '0.60',
      outputPerMillionTokens: '2.20',
      cachedInputPerMillionTokens: '0.11',
    },
    // Z.ai lists GLM-4.7-Flash as free.
    'glm-4.7-flash': { inputPerMillionTokens: '0', outputPerMillionTokens: '0' },
    // "$0.015 / image" on Z.ai's GLM-Image page (docs.z.ai/guides/image/glm-image), read on 2026-12-01.
    'glm-image': { perImage: '0.015' },
  },
};
