/** Simulated text-to-image: a real PNG of the requested size, the same for the same prompt and seed. */
import { encodePng } from '../../media/encode-png.js';
import type { HfSimulatedModel } from './hf-inference-catalog.js';
import { type PipelineAnswer, PipelineError } from './pipeline-answer.js';
import type { TextPipelineInput } from './read-pipeline-input.js';

/** FLUX.1 and SDXL make 1024 x 1024 images unless asked otherwise. */
const DEFAULT_SIZE = 1024;
const MAX_SIZE = 2048;

function dimension(value: unknown, name: string): number {
  if (value === undefined) return DEFAULT_SIZE;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 8 || value > MAX_SIZE) {
    throw new PipelineError(400, `${name} must be an integer between 8 and ${MAX_SIZE}`);
  }
  return value;
}

/**
 * The image as raw `image/png` bytes (what hf-inference sends for image tasks). diffusers refuses a size that
 * is not a multiple of 8 with a 400.
 *
 * @example
 * answerTextToImage(flux, { inputs: 'A lighthouse at dawn', parameters: { width: 512, height: 512 }, body }); // 512 x 512 PNG
 */
export function answerTextToImage(model: HfSimulatedModel, input: TextPipelineInput): PipelineAnswer {
  if (typeof input.inputs !== 'string' || input.inputs.trim() === '') {
    throw new PipelineError(400, 'inputs must be a non-empty prompt');
  }
  const width = dimension(input.parameters.width, 'width');
  const height = dimension(input.parameters.height, 'height');
  if (width % 8 !== 0 || height % 8 !== 0) {
    throw new PipelineError(
      400,
      `\`height\` and \`width\` have to be divisible by 8 but are ${height} and ${width}.`,
    );
  }
  const steps =
    typeof input.parameters.num_inference_steps === 'number' ? input.parameters.num_inference_steps : 4;
  const bytes = encodePng({
    width,
    height,
    seed: `${model.id}|${input.inputs}|${String(input.parameters.seed ?? '')}`,
  });
  return {
    kind: 'bytes',
    bytes,
    contentType: 'image/png',
    // Diffusion time grows with the steps and the pixels.
    computeMs: 200 + Math.ceil((steps * width * height) / 4000),
    metrics: { 'x-compute-characters': String(input.inputs.length) },
  };
}
