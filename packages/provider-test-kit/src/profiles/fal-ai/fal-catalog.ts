/** The fal endpoints the simulator knows in detail: what each takes and what it makes. */
import type { SimulatedModel } from '../provider-profile.js';

export type FalModelKind = 'image' | 'image-edit' | 'video' | 'image-video' | 'transcription' | 'speech';

export interface FalModelSpec {
  readonly id: string;
  readonly kind: FalModelKind;
  /** Bounds and default of `num_inference_steps` (image and video models). */
  readonly steps?: { readonly min: number; readonly max: number; readonly default: number };
  /** Whether the endpoint takes `loras` (fal's LoRA endpoints). */
  readonly takesLoras?: boolean;
}

/**
 * Read from fal's model pages: FLUX.1 [dev] takes 1-50 steps (28 by default), [schnell] 1-12 (4), the LoRA
 * endpoint FLUX [dev]'s inputs plus `loras`; Kontext [dev] edits `image_url` by `prompt` (28 steps, 10-50); Wan
 * 2.2 A14B takes 2-40 steps (27); Whisper and Kokoro take no steps.
 */
export const FAL_MODELS: readonly FalModelSpec[] = [
  { id: 'fal-ai/flux/dev', kind: 'image', steps: { min: 1, max: 50, default: 28 } },
  { id: 'fal-ai/flux/schnell', kind: 'image', steps: { min: 1, max: 12, default: 4 } },
  { id: 'fal-ai/flux-lora', kind: 'image', steps: { min: 1, max: 50, default: 28 }, takesLoras: true },
  { id: 'fal-ai/flux-kontext/dev', kind: 'image-edit', steps: { min: 10, max: 50, default: 28 } },
  { id: 'fal-ai/wan/v2.2-a14b/text-to-video', kind: 'video', steps: { min: 2, max: 40, default: 27 } },
  { id: 'fal-ai/wan/v2.2-a14b/image-to-video', kind: 'image-video', steps: { min: 2, max: 40, default: 27 } },
  { id: 'fal-ai/whisper', kind: 'transcription' },
  { id: 'fal-ai/kokoro/american-english', kind: 'speech' },
];

/** The catalog as the simulator lists models (fal has no context length; 0 says so). */
export const FAL_SIMULATED_MODELS: readonly SimulatedModel[] = FAL_MODELS.map((model) => ({
  id: model.id,
  ownedBy: model.id.split('/')[0]!,
  contextLength: 0,
}));

/**
 * The spec of an endpoint the simulator serves: its catalog entry, or, for an id added to the simulator's
 * models (every id a plugin maps), one guessed from the id (`video`, `whisper`, `tts`, `kontext`/`edit`), so a new
 * mapping can be exercised before the catalog learns it.
 *
 * @example
 * falModelSpec('fal-ai/flux/dev', models)?.kind; // 'image'
 */
export function falModelSpec(id: string, served: readonly SimulatedModel[]): FalModelSpec | undefined {
  const known = FAL_MODELS.find((model) => model.id === id);
  if (known) return known;
  if (!served.some((model) => model.id === id)) return undefined;
  const kind: FalModelKind = /image-to-video|i2v/.test(id)
    ? 'image-video'
    : /video/.test(id)
      ? 'video'
      : /whisper|wizper|speech-to-text/.test(id)
        ? 'transcription'
        : /tts|kokoro|text-to-speech/.test(id)
          ? 'speech'
          : /kontext|edit|image-to-image/.test(id)
            ? 'image-edit'
            : 'image';
  const steps =
    kind === 'transcription' || kind === 'speech' ? {} : { steps: { min: 1, max: 50, default: 28 } };
  return { id, kind, ...steps, takesLoras: /lora/.test(id) };
}

/**
 * The owner and app of an endpoint id, which fal's status, result and cancel URLs name instead of the whole id
 * (`fal-ai/flux/dev` is served under `fal-ai/flux/requests/{id}`).
 *
 * @example
 * falAppOf('fal-ai/wan/v2.2-a14b/text-to-video'); // 'fal-ai/wan'
 */
export function falAppOf(id: string): string {
  return id.split('/').slice(0, 2).join('/');
}
