/** The models the Replicate simulator runs: official models by `owner/name`, community models by version. */

/** What a model makes, which decides its input checks and its output file. */
export type ReplicateModelKind = 'image' | 'image-edit' | 'video' | 'transcription' | 'speech';

export interface ReplicateSimulatedModel {
  /** `owner/name`. */
  readonly name: string;
  /** Community models run only as a pinned version; official models have none. */
  readonly version?: string;
  readonly kind: ReplicateModelKind;
  /** The input field the model cannot run without. */
  readonly requiredInput: string;
}

/** The same models Hugging Face maps to Replicate (and Tollgate's Replicate plugin maps). */
export const REPLICATE_SIMULATED_MODELS: readonly ReplicateSimulatedModel[] = [
  { name: 'black-forest-labs/flux-dev', kind: 'image', requiredInput: 'prompt' },
  { name: 'black-forest-labs/flux-schnell', kind: 'image', requiredInput: 'prompt' },
  { name: 'black-forest-labs/flux-kontext-dev', kind: 'image-edit', requiredInput: 'prompt' },
  { name: 'wan-video/wan-2.2-5b-fast', kind: 'video', requiredInput: 'prompt' },
  {
    name: 'openai/whisper',
    version: '8099696689d249cf8b122d833c36ac3f75505c666a395ca40ef26f68e7d3d16e',
    kind: 'transcription',
    requiredInput: 'audio',
  },
  {
    name: 'jaaari/kokoro-82m',
    version: 'f559560eb822dc509045f3921a1921234918b91739db4bf3daab2169b71c7a13',
    kind: 'speech',
    requiredInput: 'text',
  },
];

/** The id a model has in the simulator's model list: `owner/name`, plus `:version` for community models. */
export function replicateModelId(model: ReplicateSimulatedModel): string {
  return model.version === undefined ? model.name : `${model.name}:${model.version}`;
}

/**
 * The official model at `owner/name`; community models are not run through the official-model path.
 *
 * @example
 * findOfficialModel('black-forest-labs/flux-schnell')?.kind; // 'image'
 */
export function findOfficialModel(name: string): ReplicateSimulatedModel | undefined {
  return REPLICATE_SIMULATED_MODELS.find((model) => model.name === name && model.version === undefined);
}

/**
 * The model a `version` field names: a bare version id, or `owner/name:version` (Replicate takes both).
 *
 * @example
 * findModelByVersion('openai/whisper:8099696689d249cf8b122d833c36ac3f75505c666a395ca40ef26f68e7d3d16e')?.name; // 'openai/whisper'
 */
export function findModelByVersion(version: string): ReplicateSimulatedModel | undefined {
  const id = version.includes(':') ? version.slice(version.lastIndexOf(':') + 1) : version;
  const name = version.includes(':') ? version.slice(0, version.lastIndexOf(':')) : undefined;
  return REPLICATE_SIMULATED_MODELS.find(
    (model) => model.version === id && (name === undefined || model.name === name),
  );
}
