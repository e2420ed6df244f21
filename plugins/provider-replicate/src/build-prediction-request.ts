/** The create-prediction call: which of Replicate's two creation paths, the body, and the `Prefer: wait` header. */
import { InputError, type UpstreamRequestV1 } from '@tollgate/provider-spec';

/**
 * How long Replicate should hold the create call open for the prediction to finish. A bare `wait` is Replicate's
 * default of 60 seconds (the most it allows), which is what Hugging Face's clients send; a prediction still
 * running after that comes back unfinished and is polled.
 */
export const PREFER_WAIT = 'wait';

/** An official model (`owner/name`) or a community model pinned to a version (`owner/name:version`). */
export interface ReplicateModelReference {
  readonly owner: string;
  readonly name: string;
  readonly version?: string;
}

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const VERSION = /^[A-Za-z0-9]+$/;

/**
 * Split a provider model id. Throws an `InputError` for an id neither path can take.
 *
 * @example
 * parseModelReference('openai/whisper:8099696689d249cf'); // { owner: 'openai', name: 'whisper', version: '8099696689d249cf' }
 */
export function parseModelReference(providerModelId: string): ReplicateModelReference {
  const [path = '', version, ...rest] = providerModelId.split(':');
  const [owner = '', name = '', ...extra] = path.split('/');
  const valid =
    rest.length === 0 &&
    extra.length === 0 &&
    SEGMENT.test(owner) &&
    SEGMENT.test(name) &&
    (version === undefined || VERSION.test(version));
  if (!valid) {
    throw new InputError({
      message: `'${providerModelId}' is not a Replicate model id (owner/name or owner/name:version).`,
      param: 'model',
    });
  }
  return version === undefined ? { owner, name } : { owner, name, version };
}

/**
 * The request that creates a prediction. Official models are run through `/v1/models/{owner}/{name}/predictions`
 * with no version; a versioned community model goes to `/v1/predictions` with the version in the body (Replicate
 * also accepts `owner/name:version` there, but the bare version id is the form every client sends).
 *
 * @example
 * buildPredictionRequest('black-forest-labs/flux-schnell', { prompt: 'a fox' });
 * // POST /v1/models/black-forest-labs/flux-schnell/predictions, body { input: { prompt: 'a fox' } }, Prefer: wait
 */
export function buildPredictionRequest(
  providerModelId: string,
  input: Readonly<Record<string, unknown>>,
): UpstreamRequestV1 {
  const model = parseModelReference(providerModelId);
  const common = { method: 'POST', headers: { prefer: PREFER_WAIT }, expect: 'json' } as const;
  if (model.version === undefined) {
    return {
      ...common,
      path: `/v1/models/${model.owner}/${model.name}/predictions`,
      body: { kind: 'json', value: { input } },
    };
  }
  return {
    ...common,
    path: '/v1/predictions',
    body: { kind: 'json', value: { version: model.version, input } },
  };
}
