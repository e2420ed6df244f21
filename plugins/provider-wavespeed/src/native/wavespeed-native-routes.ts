/**
 * WaveSpeed's own API at `/wavespeed/api/v3/...`, as Hugging Face's router serves it: `POST /api/v3/{model id}`
 * submits a prediction, and the result is read at the path of its `data.urls.get` (`/api/v3/predictions/{id}/result`,
 * or `/api/v3/predictions/{id}` in WaveSpeed's newer docs). The prediction is billed once, when an answer first
 * shows it `completed`.
 */
import { InputError, type NativeRequestV1, type NativeRouteV1 } from '@tollgate/provider-spec';
import { forwardNativeRequest } from '@tollgate/provider-utils';
import { parseWavespeedPrediction } from '../wavespeed-prediction.js';
import { isNativelyMeterable, nativePredictionUsage } from './native-prediction-usage.js';

/**
 * The model id is the rest of the path (`wavespeed-ai/wan-2.1/t2v-480p`); `predictions/...` is WaveSpeed's
 * result API, never a model.
 *
 * @example
 * wavespeedModelOfPath({ ...request, params: { '*': 'wavespeed-ai/flux-dev' } }); // 'wavespeed-ai/flux-dev'
 */
export function wavespeedModelOfPath(request: NativeRequestV1): string | undefined {
  const model = request.params['*'];
  if (model === undefined || model === '' || model === 'predictions' || model.startsWith('predictions/'))
    return undefined;
  return model;
}

const submit: NativeRouteV1 = {
  method: 'POST',
  path: '/api/v3/*',
  // Every task is submitted at the same path: the task is the one the model is mapped for.
  role: 'start',
  modelOf: wavespeedModelOfPath,
  mapRequest: ({ request, context }) => {
    if (!isNativelyMeterable(context.providerModelId)) {
      throw new InputError({
        message: `WaveSpeed bills ${context.providerModelId} by the second of video and its result does not say how long the clip is, so this gateway cannot meter it on WaveSpeed's own API; use the gateway's video task API instead.`,
      });
    }
    return forwardNativeRequest(request);
  },
  meterResponse: ({ response, context }) => {
    const prediction = parseWavespeedPrediction(response.body);
    const usage = nativePredictionUsage(prediction, context.providerModelId);
    // Finished at once (`enable_sync_mode`): billed here, and not handed on as an operation, since the host
    // would bill its first completed result again.
    if (usage !== undefined) return { usage };
    if (prediction.status === 'failed') return {};
    return { operationId: prediction.id };
  },
};

const result = (path: string): NativeRouteV1 => ({
  method: 'GET',
  path,
  role: 'follow-up',
  operationOf: (request) => request.params.id,
  mapRequest: ({ request }) => forwardNativeRequest(request),
  meterResponse: ({ response, context }) => {
    const usage = nativePredictionUsage(parseWavespeedPrediction(response.body), context.providerModelId);
    return usage === undefined ? {} : { usage };
  },
});

/**
 * The submission, then both result paths; the submission is a POST, so `/api/v3/*` never takes a result GET.
 *
 * @example
 * defineProviderPlugin({ ..., nativeRoutes: wavespeedNativeRoutes });
 */
export const wavespeedNativeRoutes: readonly NativeRouteV1[] = [
  submit,
  result('/api/v3/predictions/:id/result'),
  result('/api/v3/predictions/:id'),
];
