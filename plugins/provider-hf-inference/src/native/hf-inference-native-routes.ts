/**
 * hf-inference's own API at `/hf-inference/models/...`, as Hugging Face's router serves it and its clients call
 * it: `/models/{id}` for every pipeline, `/models/{id}/pipeline/{feature-extraction|sentence-similarity}` for
 * sentence-transformers models, and each LLM's OpenAI routes `/models/{id}/v1/chat/completions` and
 * `/models/{id}/v1/completions`. The model is named by the path, never the body.
 */
import {
  type ChatCompletionRequest,
  jsonBodyOf,
  mapChatRequest,
  mapChatStreamChunk,
  type OpenAICompatibleChatConfig,
} from '@tollgate/openai-compatible';
import type {
  CallContextV1,
  NativeRequestV1,
  NativeRouteV1,
  UpstreamRequestV1,
} from '@tollgate/provider-spec';
import { forwardNativeRequest } from '@tollgate/provider-utils';
import { modelRoute } from '../model-route.js';
import { answersWithFile } from './answers-with-file.js';
import { meterComputeTime } from './meter-compute-time.js';
import { type ModelEndpoint, parseModelPath } from './parse-model-path.js';

const chatConfig: OpenAICompatibleChatConfig = { providerId: 'hf-inference' };

const streamInput = (request: NativeRequestV1) => jsonBodyOf(request) as unknown as ChatCompletionRequest;

/** The call for one endpoint, always to the path rebuilt from the mapped id, so only a mapped model is called. */
function upstreamRequest(
  endpoint: ModelEndpoint,
  request: NativeRequestV1,
  context: CallContextV1,
): UpstreamRequestV1 {
  const id = context.providerModelId;
  switch (endpoint.kind) {
    case 'chat': {
      const path = modelRoute(id, '/v1/chat/completions');
      const upstream = mapChatRequest({ ...chatConfig, path }, { input: streamInput(request), context });
      return Object.keys(request.query).length > 0 ? { ...upstream, query: request.query } : upstream;
    }
    case 'completions': {
      const body = { ...jsonBodyOf(request) };
      const streaming = body.stream === true;
      // Asked for on the client's behalf so the stream can be metered; mapChatStreamChunk hides the answer
      // from a client that did not ask for it.
      if (streaming) {
        body.stream_options = { ...(body.stream_options as object | undefined), include_usage: true };
      }
      return forwardNativeRequest(request, {
        path: modelRoute(id, '/v1/completions'),
        jsonBody: body,
        expect: streaming ? 'sse' : 'json',
      });
    }
    case 'pipeline':
      return forwardNativeRequest(request, { path: modelRoute(id, `/pipeline/${endpoint.task}`) });
    case 'model':
      // The model's own pipeline: an image or audio answer is the raw file, read as bytes and passed on.
      return forwardNativeRequest(request, {
        path: modelRoute(id),
        expect: answersWithFile(id) ? 'bytes' : 'json',
      });
  }
}

/**
 * Event streams report no compute time: TGI writes its compute headers before the compute is done, and its
 * chunks carry only token counts, which hf-inference's compute-time rate card does not price. The usage of a
 * stream is therefore dropped rather than billed in a unit the card has no rate for. Completion chunks share the
 * chat chunks' shape (`choices`, then a usage-only chunk), so one mapping serves both.
 */
const mapStreamEvent: NativeRouteV1['mapStreamEvent'] = ({ request, event }) => {
  const { usage: _unpriced, ...chunk } = mapChatStreamChunk(chatConfig, {
    input: streamInput(request),
    event,
  });
  return chunk;
};

/** An endpoint of an `owner/name` model, with the task it serves. */
function ownedModelRoute(endpoint: Exclude<ModelEndpoint, { kind: 'model' }>, suffix: string, task: string) {
  const route: NativeRouteV1 = {
    method: 'POST',
    path: `/models/:owner/:name${suffix}`,
    task,
    role: 'start',
    modelOf: ({ params }) => `${params.owner}/${params.name}`,
    mapRequest: ({ request, context }) => upstreamRequest(endpoint, request, context),
    meterResponse: meterComputeTime,
    ...(endpoint.kind === 'pipeline' ? {} : { mapStreamEvent }),
  };
  return route;
}

const endpointOf = (request: NativeRequestV1): ModelEndpoint =>
  parseModelPath(request.params['*'] ?? '')?.endpoint ?? { kind: 'model' };

/**
 * Every other `/models/...` call: an `owner/name` model's own pipeline, and any endpoint of a legacy id without
 * an owner (`gpt2`, which a pattern segment cannot tell from an owner). The task is the one the model's mapping
 * names, as on hf-inference, where `/models/{id}` runs whatever pipeline the model has.
 */
const anyModelRoute: NativeRouteV1 = {
  method: 'POST',
  path: '/models/*',
  role: 'start',
  modelOf: (request) => parseModelPath(request.params['*'] ?? '')?.modelId,
  mapRequest: ({ request, context }) => upstreamRequest(endpointOf(request), request, context),
  meterResponse: meterComputeTime,
  mapStreamEvent,
};

/**
 * The `owner/name` endpoints first, each with its task, so the mapping check finds the mapping for that task;
 * `/models/*` takes what is left.
 *
 * @example
 * defineProviderPlugin({ ..., nativeRoutes: hfInferenceNativeRoutes });
 */
export const hfInferenceNativeRoutes: readonly NativeRouteV1[] = [
  ownedModelRoute({ kind: 'chat' }, '/v1/chat/completions', 'conversational'),
  ownedModelRoute({ kind: 'completions' }, '/v1/completions', 'text-generation'),
  ownedModelRoute(
    { kind: 'pipeline', task: 'feature-extraction' },
    '/pipeline/feature-extraction',
    'feature-extraction',
  ),
  ownedModelRoute(
    { kind: 'pipeline', task: 'sentence-similarity' },
    '/pipeline/sentence-similarity',
    'sentence-similarity',
  ),
  anyModelRoute,
];
