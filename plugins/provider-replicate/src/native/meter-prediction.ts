/** What a prediction answer read through a native route is billed for, or the operation it leaves running. */
import type { NativeMeteringV1, RateTableV1 } from '@tollgate/provider-spec';
import { outputUrls } from '../output-media.js';
import { predictionUsage } from '../prediction-usage.js';
import { parsePrediction } from '../replicate-prediction.js';

/**
 * A succeeded prediction is billed as the task handlers bill it (per output image, per output, or by
 * `metrics.predict_time`, whichever the model's card prices). Any other prediction bills nothing; a create
 * answer names it as the operation its polls and cancel follow up (`operation`), since a prediction billed here
 * must not be billed again when a poll shows it succeeded. A body that is no prediction bills nothing.
 *
 * @example
 * meterPrediction(rates, 'black-forest-labs/flux-schnell', succeeded, 'start'); // { usage: { images: 2 } }
 * meterPrediction(rates, `openai/whisper:${WHISPER_VERSION}`, processing, 'start'); // { operationId: '4bzv3trbxdeyon73ve6itzvycq' }
 */
export function meterPrediction(
  rates: RateTableV1,
  providerModelId: string,
  body: unknown,
  role: 'start' | 'follow-up',
): NativeMeteringV1 {
  let prediction: ReturnType<typeof parsePrediction>;
  try {
    prediction = parsePrediction(body);
  } catch {
    return {};
  }
  if (prediction.status === 'succeeded') {
    const card = rates.models[providerModelId] ?? rates.fallback;
    return { usage: predictionUsage(card, prediction, { images: outputUrls(prediction.output).length }) };
  }
  return role === 'start' ? { operationId: prediction.id } : {};
}
