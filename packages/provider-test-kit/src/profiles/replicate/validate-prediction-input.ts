/** The checks Replicate makes of a prediction's `input` against the model's schema before it queues it. */
import type { InvalidField } from './replicate-problem.js';
import type { ReplicateSimulatedModel } from './replicate-simulated-models.js';
import { FLUX_SIZES } from './simulated-image-output.js';

const WAN_RESOLUTIONS = ['480p', '720p'];
const WAN_ASPECT_RATIOS = ['16:9', '9:16'];

function integerIn(input: Readonly<Record<string, unknown>>, field: string, min: number, max: number) {
  const value = input[field];
  if (value === undefined) return [];
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return [
      { type: 'invalid_type', field: `input.${field}`, description: 'Invalid type. Expected: integer' },
    ];
  }
  if (value < min) {
    return [
      { type: 'number_gte', field: `input.${field}`, description: `Must be greater than or equal to ${min}` },
    ];
  }
  if (value > max) {
    return [
      { type: 'number_lte', field: `input.${field}`, description: `Must be less than or equal to ${max}` },
    ];
  }
  return [];
}

function oneOf(input: Readonly<Record<string, unknown>>, field: string, allowed: readonly string[]) {
  const value = input[field];
  if (value === undefined || (typeof value === 'string' && allowed.includes(value))) return [];
  const quoted = allowed.map((item) => `"${item}"`).join(', ');
  return [
    {
      type: 'enum',
      field: `input.${field}`,
      description: `${field} must be one of the following: ${quoted}`,
    },
  ];
}

function fileUrl(input: Readonly<Record<string, unknown>>, field: string) {
  const value = input[field];
  if (value === undefined || (typeof value === 'string' && /^(https?|data):/.test(value))) return [];
  return [{ type: 'format', field: `input.${field}`, description: "Does not match format 'uri'" }];
}

/**
 * The problems with `input` for `model`, empty when it may run. Fields a model does not declare are ignored,
 * as Replicate ignores them.
 *
 * @example
 * validatePredictionInput(flux, { num_outputs: 9 });
 * // [{ type: 'required', field: 'input', description: 'prompt is required' }, { type: 'number_lte', field: 'input.num_outputs', ... }]
 */
export function validatePredictionInput(
  model: ReplicateSimulatedModel,
  input: Readonly<Record<string, unknown>>,
): InvalidField[] {
  const required = input[model.requiredInput];
  const problems: InvalidField[] =
    typeof required === 'string' && required !== ''
      ? []
      : [{ type: 'required', field: 'input', description: `${model.requiredInput} is required` }];
  switch (model.kind) {
    case 'image':
      return [
        ...problems,
        ...oneOf(input, 'aspect_ratio', Object.keys(FLUX_SIZES)),
        ...integerIn(input, 'num_outputs', 1, 4),
        ...integerIn(input, 'num_inference_steps', 1, model.name.endsWith('schnell') ? 4 : 50),
      ];
    case 'image-edit':
      return [
        ...problems,
        ...fileUrl(input, 'input_image'),
        ...oneOf(input, 'aspect_ratio', ['match_input_image', ...Object.keys(FLUX_SIZES)]),
      ];
    case 'video':
      return [
        ...problems,
        ...oneOf(input, 'resolution', WAN_RESOLUTIONS),
        ...oneOf(input, 'aspect_ratio', WAN_ASPECT_RATIOS),
        ...integerIn(input, 'num_frames', 81, 121),
      ];
    case 'transcription':
      return [...problems, ...fileUrl(input, 'audio')];
    case 'speech':
      return problems;
  }
}
