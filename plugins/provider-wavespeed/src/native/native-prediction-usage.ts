/** What a finished WaveSpeed prediction seen on a native route is billed for, from its model's mapping and card. */
import type { ModelMappingV1, RateTableV1, UsageV1 } from '@tollgate/provider-spec';
import { wavespeedModels } from '../wavespeed-models.js';
import type { WavespeedPrediction } from '../wavespeed-prediction.js';
import { wavespeedRates } from '../wavespeed-rates.js';
import { wavespeedUsage } from '../wavespeed-usage.js';

const VIDEO_TASKS = new Set(['text-to-video', 'image-to-video']);

export interface WavespeedCatalog {
  readonly models: readonly ModelMappingV1[];
  readonly rates: RateTableV1;
}

const pluginCatalog: WavespeedCatalog = { models: wavespeedModels, rates: wavespeedRates };

function makesVideo(providerModelId: string, catalog: WavespeedCatalog): boolean {
  const mapping = catalog.models.find((entry) => entry.providerModelId === providerModelId);
  return mapping !== undefined && VIDEO_TASKS.has(mapping.task);
}

/**
 * Whether a native call to the model can be metered. WaveSpeed's result names the output files but not the
 * clip's length, and a follow-up does not see the submission's `duration`, so a video model priced per second
 * cannot be billed exactly from what the native routes see; image models and per-clip video models can.
 *
 * @example
 * isNativelyMeterable('wavespeed-ai/flux-dev'); // true
 * isNativelyMeterable('wavespeed-ai/wan-2.1/t2v-480p'); // false ($0.02 per second on top of $0.10 per clip)
 */
export function isNativelyMeterable(
  providerModelId: string,
  catalog: WavespeedCatalog = pluginCatalog,
): boolean {
  if (!makesVideo(providerModelId, catalog)) return true;
  const card = catalog.rates.models[providerModelId] ?? catalog.rates.fallback;
  return card?.perVideoSecond === undefined;
}

/**
 * The usage of a `completed` prediction in its card's units (as the task handlers meter it): the images
 * returned, or one clip. Undefined for a
 * prediction that is not completed, and for a per-second video model (see {@link isNativelyMeterable}).
 *
 * @example
 * nativePredictionUsage(completedFluxDev, 'wavespeed-ai/flux-dev'); // { images: 2 }
 * nativePredictionUsage(completedWan22, 'wavespeed-ai/wan-2.2/t2v-5b-720p'); // { requests: 1 }
 */
export function nativePredictionUsage(
  prediction: WavespeedPrediction,
  providerModelId: string,
  catalog: WavespeedCatalog = pluginCatalog,
): UsageV1 | undefined {
  if (prediction.status !== 'completed' || !isNativelyMeterable(providerModelId, catalog)) return undefined;
  const card = catalog.rates.models[providerModelId] ?? catalog.rates.fallback;
  if (!makesVideo(providerModelId, catalog))
    return wavespeedUsage(card, { images: prediction.outputs.length });
  // What is left is a video priced per clip: WaveSpeed's video models return one clip per prediction.
  return { requests: 1 };
}
