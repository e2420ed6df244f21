/** The clip a simulated Wan 2.2 endpoint makes: a real MP4 in the media store, billed per 16-frame second. */
import { encodeMp4 } from '../../media/encode-mp4.js';
import type { FalModelSpec } from './fal-catalog.js';
import { choiceField, integerField, numberField, requiredText } from './fal-input-fields.js';
import { type FalRunContext, type FalRunOutput, falSeedFrom } from './fal-run-outcome.js';
import { pngSize, readFalInputMedia } from './read-fal-input-media.js';

type Resolution = '480p' | '580p' | '720p';
type AspectRatio = '16:9' | '9:16' | '1:1' | 'auto';

/** Modelled: Wan's landscape frame size per tier (portrait swaps it; square uses the short side). */
const SIZES: Readonly<Record<Resolution, readonly [number, number]>> = {
  '480p': [832, 480],
  '580p': [1024, 576],
  '720p': [1280, 720],
};
/** fal bills Wan "video seconds ... calculated at 16 frames per second". */
const BILLING_FRAMES_PER_SECOND = 16;

function frameSize(resolution: Resolution, ratio: Exclude<AspectRatio, 'auto'>): readonly [number, number] {
  const [long, short] = SIZES[resolution];
  if (ratio === '9:16') return [short, long];
  if (ratio === '1:1') return [short, short];
  return [long, short];
}

/** `auto` follows the first frame's shape, read from the image when it is a PNG the simulator can see. */
function autoRatio(source: { width: number; height: number } | undefined): Exclude<AspectRatio, 'auto'> {
  if (source === undefined || source.width > source.height) return '16:9';
  return source.width < source.height ? '9:16' : '1:1';
}

/** `frames / 16` as fal's billable-units header writes it: exact, 81 frames are `5.0625`. */
function billedSeconds(frames: number): string {
  return String(frames / BILLING_FRAMES_PER_SECOND);
}

/**
 * Wan's answer: `{video: {url, content_type, file_name, file_size}, seed, prompt}`, the MP4 lasting
 * `num_frames / frames_per_second` (81 frames at 16 fps unless asked), at the resolution tier's size, and the video
 * seconds fal bills. Read from fal's Wan 2.2 pages: the fields, their bounds and defaults (17-161 frames, 4-60 fps,
 * 480p/580p/720p, 16:9, 9:16, 1:1 and for image-to-video auto), the billing rule. Modelled: the frame sizes and the
 * inference time.
 *
 * @example
 * simulatedFalVideo(wanT2v, { prompt: 'A fox in the snow' }, context).billableUnits; // '5.0625'
 */
export function simulatedFalVideo(
  spec: FalModelSpec,
  input: Readonly<Record<string, unknown>>,
  context: FalRunContext,
): FalRunOutput {
  const prompt = requiredText(input, 'prompt');
  const fromImage = spec.kind === 'image-video';
  const source = fromImage ? pngSize(readFalInputMedia(input, 'image_url', context).bytes) : undefined;
  const frames = integerField(input, 'num_frames', 17, 161, 81);
  const framesPerSecond = integerField(input, 'frames_per_second', 4, 60, 16);
  const steps = spec.steps ?? { min: 2, max: 40, default: 27 };
  const stepCount = integerField(input, 'num_inference_steps', steps.min, steps.max, steps.default);
  numberField(input, 'guidance_scale', 1, 10, 3.5);
  const resolution = choiceField<Resolution>(input, 'resolution', ['480p', '580p', '720p'], '720p');
  const ratios: AspectRatio[] = fromImage ? ['auto', '16:9', '9:16', '1:1'] : ['16:9', '9:16', '1:1'];
  const asked = choiceField<AspectRatio>(input, 'aspect_ratio', ratios, fromImage ? 'auto' : '16:9');
  const [width, height] = frameSize(resolution, asked === 'auto' ? autoRatio(source) : asked);
  const seed = integerField(input, 'seed', 0, Number.MAX_SAFE_INTEGER, falSeedFrom(context.seed));
  const bytes = encodeMp4({
    durationMs: Math.round((frames / framesPerSecond) * 1000),
    width,
    height,
    seed: context.seed,
  });
  const inference = Math.round(stepCount * frames * 20) / 1000;
  return {
    ok: true,
    body: {
      video: {
        url: context.media.put(bytes, 'video/mp4', 'mp4'),
        content_type: 'video/mp4',
        file_name: 'output.mp4',
        file_size: bytes.length,
      },
      seed,
      prompt,
    },
    billableUnits: billedSeconds(frames),
    inferenceSeconds: inference,
    logs: [
      `Generating ${frames} frames at ${width}x${height}, ${framesPerSecond} fps, in ${stepCount} steps`,
    ],
  };
}
