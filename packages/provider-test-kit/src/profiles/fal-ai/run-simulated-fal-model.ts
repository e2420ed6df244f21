/** Runs a simulated fal endpoint on one input: the model's output, or the 422 fal answers for invalid input. */
import type { FalModelSpec } from './fal-catalog.js';
import { falValidationError } from './fal-errors.js';
import { FalInputProblem } from './fal-input-fields.js';
import type { FalRunContext, FalRunOutcome } from './fal-run-outcome.js';
import { simulatedFalImages } from './simulated-fal-images.js';
import { simulatedFalSpeech } from './simulated-fal-speech.js';
import { simulatedFalTranscription } from './simulated-fal-transcription.js';
import { simulatedFalVideo } from './simulated-fal-video.js';

/**
 * The outcome of `spec` on `input`; the same input gives the same files (the context's seed comes from both).
 *
 * @example
 * runSimulatedFalModel(fluxDev, { prompt: 'a fox' }, context); // { ok: true, body: { images: [...] }, billableUnits: '1', ... }
 * runSimulatedFalModel(fluxDev, {}, context); // { ok: false, error: { status: 422, body: { detail: [{ loc: ['body', 'prompt'], ... }] } } }
 */
export function runSimulatedFalModel(
  spec: FalModelSpec,
  input: Readonly<Record<string, unknown>>,
  context: FalRunContext,
): FalRunOutcome {
  try {
    switch (spec.kind) {
      case 'image':
      case 'image-edit':
        return simulatedFalImages(spec, input, context);
      case 'video':
      case 'image-video':
        return simulatedFalVideo(spec, input, context);
      case 'transcription':
        return simulatedFalTranscription(input, context);
      case 'speech':
        return simulatedFalSpeech(input, context);
    }
  } catch (error) {
    if (error instanceof FalInputProblem) return { ok: false, error: falValidationError(error.problems) };
    throw error;
  }
}
