/**
 * Replicate's own predictions API at `/replicate/...`, as Hugging Face's router passes it through: create on the
 * official-model path (`/v1/models/{owner}/{name}/predictions`) or the versioned one (`/v1/predictions` with a
 * `version`), read with `GET /v1/predictions/{id}`, stop with `POST /v1/predictions/{id}/cancel`. `Prefer: wait`
 * is forwarded, so a prediction may come back finished from its create call, and is billed there; otherwise its
 * id is the operation, billed when a read first shows it succeeded. The task is the one the model is mapped for.
 */
import type { ModelMappingV1, NativeRequestV1, NativeRouteV1, RateTableV1 } from '@tollgate/provider-spec';
import { forwardNativeRequest } from '@tollgate/provider-utils';
import { replicateModels } from '../replicate-models.js';
import { replicateRates } from '../replicate-rates.js';
import { meterPrediction } from './meter-prediction.js';
import { resolveVersionModel } from './resolve-version-model.js';

function bodyField(request: NativeRequestV1, name: string): unknown {
  const { body } = request;
  return body.kind === 'json' && body.value != null && typeof body.value === 'object'
    ? (body.value as Record<string, unknown>)[name]
    : undefined;
}

/**
 * The routes, with `models` (the plugin's own list, to resolve a `version`) and `rates` (to meter).
 *
 * @example
 * defineProviderPlugin({ ..., nativeRoutes: createReplicateNativeRoutes(replicateModels, replicateRates) });
 */
export function createReplicateNativeRoutes(
  models: readonly ModelMappingV1[] = replicateModels,
  rates: RateTableV1 = replicateRates,
): NativeRouteV1[] {
  const forward: NativeRouteV1['mapRequest'] = ({ request }) => forwardNativeRequest(request);
  const start = (route: Pick<NativeRouteV1, 'path' | 'modelOf'>): NativeRouteV1 => ({
    method: 'POST',
    role: 'start',
    ...route,
    mapRequest: forward,
    meterResponse: ({ response, context }) =>
      meterPrediction(rates, context.providerModelId, response.body, 'start'),
  });
  return [
    start({
      path: '/v1/models/:owner/:name/predictions',
      modelOf: (request) => `${request.params.owner}/${request.params.name}`,
    }),
    start({
      path: '/v1/predictions',
      modelOf: (request) => resolveVersionModel(models, bodyField(request, 'version')),
    }),
    {
      method: 'GET',
      path: '/v1/predictions/:id',
      role: 'follow-up',
      operationOf: (request) => request.params.id,
      mapRequest: forward,
      meterResponse: ({ response, context }) =>
        meterPrediction(rates, context.providerModelId, response.body, 'follow-up'),
    },
    {
      method: 'POST',
      path: '/v1/predictions/:id/cancel',
      role: 'follow-up',
      operationOf: (request) => request.params.id,
      mapRequest: forward,
      // A cancel bills nothing: a prediction that finished first is billed when a read shows it succeeded.
      meterResponse: () => ({}),
    },
  ];
}
