/** The images a simulated FLUX prediction makes: real PNGs at FLUX's own sizes, served from the media store. */
import { encodePng } from '../../media/encode-png.js';
import type { SimulatorMediaStore } from '../../simulator/media-store.js';
import type { PredictionResult } from './replicate-prediction-object.js';

/** FLUX's pixel size for each aspect ratio at its default of about one megapixel. */
export const FLUX_SIZES: Readonly<Record<string, readonly [number, number]>> = {
  '1:1': [1024, 1024],
  '16:9': [1344, 768],
  '21:9': [1536, 640],
  '3:2': [1216, 832],
  '2:3': [832, 1216],
  '4:5': [896, 1088],
  '5:4': [1088, 896],
  '3:4': [896, 1152],
  '4:3': [1152, 896],
  '9:16': [768, 1344],
  '9:21': [640, 1536],
};

/** Width and height of a PNG data URL, read from its IHDR chunk; undefined for anything else. */
function pngSizeOf(url: unknown): readonly [number, number] | undefined {
  if (typeof url !== 'string' || !url.startsWith('data:image/png;base64,')) return undefined;
  const bytes = Buffer.from(
    url.slice('data:image/png;base64,'.length, 'data:image/png;base64,'.length + 44),
    'base64',
  );
  if (bytes.length < 24 || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/**
 * FLUX text-to-image: `num_outputs` PNGs (the simulator writes PNG whatever `output_format` asks, as it has no
 * WebP or JPEG encoder), answered as a list of URLs. Kontext (`edit`) answers one URL string, sized like its
 * input image unless an aspect ratio is asked for.
 *
 * @example
 * simulatedImageOutput({ prompt: 'a fox', num_outputs: 2 }, media, 'seed', false).output; // ['http://127.0.0.1:…/__media/….png', '…']
 */
export function simulatedImageOutput(
  input: Readonly<Record<string, unknown>>,
  media: SimulatorMediaStore,
  seed: string,
  edit: boolean,
): PredictionResult {
  const ratio = typeof input.aspect_ratio === 'string' ? input.aspect_ratio : '1:1';
  const [width, height] = (edit && ratio === 'match_input_image'
    ? pngSizeOf(input.input_image)
    : FLUX_SIZES[ratio]) ?? [1024, 1024];
  const count = edit ? 1 : typeof input.num_outputs === 'number' ? input.num_outputs : 1;
  const urls = Array.from({ length: count }, (_, index) =>
    media.put(encodePng({ width, height, seed: `${seed}:${index}` }), 'image/png', 'png'),
  );
  const usedSeed =
    typeof input.seed === 'number' ? input.seed : Number.parseInt(seed.slice(0, 4), 36) % 65536;
  return {
    output: edit ? urls[0] : urls,
    imageCount: count,
    logs: `Using seed: ${usedSeed}\nTotal safe images: ${count} out of ${count}\n`,
  };
}
