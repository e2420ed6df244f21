/** A succeeded text-to-speech prediction -> `{ audio }`. */
import type { TextToSpeechOutputV1 } from '@tollgate/provider-spec';
import { firstOutputMedia } from './output-media.js';
import type { ReplicatePrediction } from './replicate-prediction.js';

/**
 * Speech models return the audio file's URL (Kokoro: one `.wav` on replicate.delivery), as a string or a list.
 *
 * @example
 * readSpeechOutput({ ...prediction, output: 'https://replicate.delivery/xezq/a/output.wav' });
 * // { output: { audio: { kind: 'url', url: '…/output.wav', contentType: 'audio/wav' } } }
 */
export function readSpeechOutput(prediction: ReplicatePrediction): { output: TextToSpeechOutputV1 } {
  return { output: { audio: firstOutputMedia(prediction.output, 'text-to-speech') } };
}
