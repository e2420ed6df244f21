/** The clip a simulated Wan 2.2 prediction makes: a real MP4 served from the media store. */
import { encodeMp4 } from '../../media/encode-mp4.js';
import type { SimulatorMediaStore } from '../../simulator/media-store.js';
import type { PredictionResult } from './replicate-prediction-object.js';

/** Wan 2.2 5B's frame sizes per tier, landscape (portrait swaps them). */
const SIZES: Readonly<Record<string, readonly [number, number]>> = {
  '480p': [832, 480],
  '720p': [1280, 704],
};
const FRAMES_PER_SECOND = 24;

/**
 * `num_frames` (81 unless asked) at 24 frames a second, written as an MP4 at the tier's size; answered as one URL.
 * The simulator defaults to 480p where Replicate's default tier was not confirmed, which also keeps files small.
 *
 * @example
 * simulatedVideoOutput({ prompt: 'a cat', resolution: '480p' }, media, 'seed').output; // 'http://127.0.0.1:…/__media/….mp4'
 */
export function simulatedVideoOutput(
  input: Readonly<Record<string, unknown>>,
  media: SimulatorMediaStore,
  seed: string,
): PredictionResult {
  const tier = typeof input.resolution === 'string' && input.resolution in SIZES ? input.resolution : '480p';
  const [long, short] = SIZES[tier]!;
  const portrait = input.aspect_ratio === '9:16';
  const [width, height] = portrait ? [short, long] : [long, short];
  const frames = typeof input.num_frames === 'number' ? input.num_frames : 81;
  const durationMs = Math.round((frames / FRAMES_PER_SECOND) * 1000);
  const url = media.put(encodeMp4({ durationMs, width, height, seed }), 'video/mp4', 'mp4');
  return { output: url, logs: `Generating ${frames} frames at ${width}x${height}\n` };
}
