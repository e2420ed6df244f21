/** What one finished prediction meters, in the unit Replicate bills the model by. */
import type { RateCardV1, UsageV1 } from '@tollgate/provider-spec';
import type { ReplicatePrediction } from './replicate-prediction.js';

export interface PredictionOutputFacts {
  /** Images the prediction returned, for models priced per output image. */
  readonly images?: number;
}

/**
 * Meter a succeeded prediction against its model's rate card, reporting only the units that card prices:
 * Replicate bills official image models per output image, other official models per output (one video, one
 * request), and community models by the seconds the model ran (`metrics.predict_time`) on its hardware. A model
 * without a card is metered by run time, Replicate's default way of billing.
 *
 * @example
 * predictionUsage({ perComputeSecond: '0.000225' }, { ...prediction, predictTimeSeconds: 2.5 }, {}); // { computeMilliseconds: 2500 }
 * predictionUsage({ perImage: '0.003' }, prediction, { images: 2 }); // { images: 2 }
 */
export function predictionUsage(
  card: RateCardV1 | undefined,
  prediction: ReplicatePrediction,
  facts: PredictionOutputFacts,
): UsageV1 {
  const usage: { -readonly [unit in keyof UsageV1]: UsageV1[unit] } = {};
  const timePriced = card === undefined || card.perComputeSecond !== undefined;
  // predict_time is a JSON number of seconds with sub-millisecond digits; the nearest millisecond is the finest
  // unit usage carries.
  if (timePriced && prediction.predictTimeSeconds !== undefined)
    usage.computeMilliseconds = Math.round(prediction.predictTimeSeconds * 1000);
  if (card?.perImage !== undefined && facts.images !== undefined) usage.images = facts.images;
  if (card?.perRequest !== undefined) usage.requests = 1;
  return usage;
}
