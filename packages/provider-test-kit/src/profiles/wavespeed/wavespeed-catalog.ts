/** The WaveSpeed models the simulator knows in detail: what each takes and what it makes. */
import type { SimulatedModel } from '../provider-profile.js';

export interface WavespeedModelSpec {
  readonly id: string;
  /** What the model makes. */
  readonly output: 'image' | 'video';
  /** Whether it needs a text prompt, a source image, or takes either. */
  readonly needs: 'prompt' | 'image' | 'prompt-and-image';
  /** The size it makes when the request names none, `width*height`. */
  readonly defaultSize: string;
  /** The sizes it accepts: a list, or per-dimension bounds. */
  readonly sizes: readonly string[] | { readonly min: number; readonly max: number };
  /** Clip lengths it accepts, in seconds (video only); absent when it takes no `duration`. */
  readonly durations?: readonly number[];
}

/**
 * Read from each model's WaveSpeed page: FLUX dev and schnell take a prompt (and optionally an image) and sizes of
 * 512-1536 px per side; HiDream E1 Full edits one image by prompt; Wan 2.1 T2V 480p makes 832*480 or 480*832
 * clips of 5 or 10 s; Wan 2.2 T2V 5B 720p makes 1280*720 or 720*1280 and takes no duration; Wan 2.2 I2V 480p Ultra
 * Fast makes 5 or 8 s clips from a first frame. Modelled: HiDream's output at 768*768 (the size its model card says
 * it edits at) and Wan 2.2 5B's clip length of 5 s (its page states none).
 */
export const WAVESPEED_MODELS: readonly WavespeedModelSpec[] = [
  {
    id: 'wavespeed-ai/flux-dev',
    output: 'image',
    needs: 'prompt',
    defaultSize: '1024*1024',
    sizes: { min: 512, max: 1536 },
  },
  {
    id: 'wavespeed-ai/flux-schnell',
    output: 'image',
    needs: 'prompt',
    defaultSize: '1024*1024',
    sizes: { min: 512, max: 1536 },
  },
  {
    id: 'wavespeed-ai/hidream-e1-full',
    output: 'image',
    needs: 'prompt-and-image',
    defaultSize: '768*768',
    sizes: ['768*768'],
  },
  {
    id: 'wavespeed-ai/wan-2.1/t2v-480p',
    output: 'video',
    needs: 'prompt',
    defaultSize: '832*480',
    sizes: ['832*480', '480*832'],
    durations: [5, 10],
  },
  {
    id: 'wavespeed-ai/wan-2.2/t2v-5b-720p',
    output: 'video',
    needs: 'prompt',
    defaultSize: '1280*720',
    sizes: ['1280*720', '720*1280'],
  },
  {
    id: 'wavespeed-ai/wan-2.2/i2v-480p-ultra-fast',
    output: 'video',
    needs: 'image',
    defaultSize: '832*480',
    sizes: ['832*480', '480*832'],
    durations: [5, 8],
  },
];

/** The catalog as the simulator lists models (WaveSpeed has no context length; 0 says so). */
export const WAVESPEED_SIMULATED_MODELS: readonly SimulatedModel[] = WAVESPEED_MODELS.map((model) => ({
  id: model.id,
  ownedBy: model.id.split('/')[0]!,
  contextLength: 0,
}));

/**
 * The spec of a model the simulator serves: its catalog entry, or, for an id added to the simulator's models
 * (every id a plugin maps), one guessed from the id's name (`t2v`, `i2v`, `video` make videos; `edit`, `i2i`
 * edit an image), so a new mapping can be exercised before the catalog learns it.
 *
 * @example
 * wavespeedModelSpec('wavespeed-ai/wan-2.1/t2v-480p', models)?.output; // 'video'
 */
export function wavespeedModelSpec(
  id: string,
  served: readonly SimulatedModel[],
): WavespeedModelSpec | undefined {
  const known = WAVESPEED_MODELS.find((model) => model.id === id);
  if (known) return known;
  if (!served.some((model) => model.id === id)) return undefined;
  const video = /t2v|i2v|video/.test(id);
  const fromImage = /i2v|edit|i2i|image-to/.test(id);
  return {
    id,
    output: video ? 'video' : 'image',
    needs: fromImage ? 'image' : 'prompt',
    defaultSize: video ? '832*480' : '1024*1024',
    sizes: { min: 256, max: 1536 },
    ...(video ? { durations: [5, 8, 10] } : {}),
  };
}
