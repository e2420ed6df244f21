/** Runs a simulated Replicate model on a prediction's input, making the files it answers with. */
import type { SimulatorMediaStore } from '../../simulator/media-store.js';
import type { PredictionResult } from './replicate-prediction-object.js';
import type { ReplicateSimulatedModel } from './replicate-simulated-models.js';
import { simulatedImageOutput } from './simulated-image-output.js';
import { simulatedSpeechOutput } from './simulated-speech-output.js';
import { simulatedTranscription } from './simulated-transcription.js';
import { simulatedVideoOutput } from './simulated-video-output.js';

/**
 * The output of `model` for `input`; the same input gives the same files (the seed is derived from both).
 *
 * @example
 * runSimulatedModel(fluxSchnell, { prompt: 'a fox' }, media, 'http://127.0.0.1:4010').output; // ['http://…/__media/….png']
 */
export function runSimulatedModel(
  model: ReplicateSimulatedModel,
  input: Readonly<Record<string, unknown>>,
  media: SimulatorMediaStore,
  origin: string,
): PredictionResult {
  const seed = JSON.stringify({ model: model.name, input });
  switch (model.kind) {
    case 'image':
      return simulatedImageOutput(input, media, seed, false);
    case 'image-edit':
      return simulatedImageOutput(input, media, seed, true);
    case 'video':
      return simulatedVideoOutput(input, media, seed);
    case 'transcription':
      return simulatedTranscription(input, media, origin, seed);
    case 'speech':
      return simulatedSpeechOutput(input, media, seed);
  }
}
