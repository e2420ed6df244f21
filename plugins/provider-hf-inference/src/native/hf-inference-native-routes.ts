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
import type { NativeRequestV1, NativeRouteV1, UpstreamResponseKindV1 } from '@tollgate/provider-spec';
import { forwardNativeRequest } from '@tollgate/provider-utils';
import { modelRoute } from '../model-route.js';
import { answersWithFile } from './answers-with-file.js';
import { meterComputeTime, meterOpenAIAnswer } from './meter-hf-inference-answer.js';
import { modelIdOfPath } from './model-id-of-path.js';

const chatConfig: OpenAICompatibleChatConfig = { providerId: 'hf-inference' };

type RouteFacts = Omit<NativeRouteV1, 'method' | 'path' | 'role' | 'modelOf'>;

/**
 * The route for both shapes of Hub id: `owner/name`, and the legacy ids without an owner that hf-inference still
 * serves (`gpt2`). A pattern segment never spans a `/`, so each shape is its own pattern.
 */
function forEveryIdShape(suffix: string, facts: RouteFacts): NativeRouteV1[] {
  return ['/:owner/:name', '/:name'].map((shape) => ({
    method: 'POST',
    path: `/models${shape}${suffix}`,
    role: 'start',
    modelOf: modelIdOfPath,
    ...facts,
  }));
}

const streamInput = (request: NativeRequestV1) => jsonBodyOf(request) as unknown as ChatCompletionRequest;

/**
 * The client's body (JSON, or the raw file of a binary pipeline) sent to the path rebuilt from the mapped id,
 * so only a mapped model's route is ever called.
 */
function forwardPipeline(
  suffix: string,
  expect: (providerModelId: string) => UpstreamResponseKindV1,
): NativeRouteV1['mapRequest'] {
  return ({ request, context }) =>
    forwardNativeRequest(request, {
      path: modelRoute(context.providerModelId, suffix),
      expect: expect(context.providerModelId),
    });
}

const chatRoutes = forEveryIdShape('/v1/chat/completions', {
  task: 'conversational',
  mapRequest: ({ request, context }) => {
    const path = modelRoute(context.providerModelId, '/v1/chat/completions');
    const upstream = mapChatRequest({ ...chatConfig, path }, { input: streamInput(request), context });
    return Object.keys(request.query).length > 0 ? { ...upstream, query: request.query } : upstream;
  },
  meterResponse: meterOpenAIAnswer,
  // A stream carries token counts only: TGI writes its compute headers before the compute is done.
  mapStreamEvent: ({ request, event }) =>
    mapChatStreamChunk(chatConfig, { input: streamInput(request), event }),
});

const completionsRoutes = forEveryIdShape('/v1/completions', {
  task: 'text-generation',
  mapRequest: ({ request, context }) => {
    const body = { ...jsonBodyOf(request) };
    const streaming = body.stream === true;
    // Asked for on the client's behalf so the stream can be metered; mapChatStreamChunk hides the answer from
    // a client that did not ask for it.
    if (streaming) {
      body.stream_options = { ...(body.stream_options as object | undefined), include_usage: true };
    }
    return forwardNativeRequest(request, {
      path: modelRoute(context.providerModelId, '/v1/completions'),
      jsonBody: body,
      expect: streaming ? 'sse' : 'json',
    });
  },
  meterResponse: meterOpenAIAnswer,
  // Completion chunks share the chat chunks' shape (`choices`, then a usage-only chunk).
  mapStreamEvent: ({ request, event }) =>
    mapChatStreamChunk(chatConfig, { input: streamInput(request), event }),
});

const pipelineRoutes = (task: 'feature-extraction' | 'sentence-similarity') =>
  forEveryIdShape(`/pipeline/${task}`, {
    task,
    mapRequest: forwardPipeline(`/pipeline/${task}`, () => 'json'),
    meterResponse: meterComputeTime,
  });

/**
 * `/models/{id}` runs the model's own pipeline, so the task is the one its mapping names (no `task` here). An
 * image or audio answer is the raw file, read as bytes and passed on as it came.
 */
const modelRoutes = forEveryIdShape('', {
  mapRequest: forwardPipeline('', (providerModelId) => (answersWithFile(providerModelId) ? 'bytes' : 'json')),
  meterResponse: meterComputeTime,
});

/**
 * No path fits two of these patterns: they differ in length or in a literal segment (a Hub id has at most one
 * `/`), so the order is only for reading.
 *
 * @example
 * defineProviderPlugin({ ..., nativeRoutes: hfInferenceNativeRoutes });
 */
export const hfInferenceNativeRoutes: readonly NativeRouteV1[] = [
  ...chatRoutes,
  ...completionsRoutes,
  ...pipelineRoutes('feature-extraction'),
  ...pipelineRoutes('sentence-similarity'),
  ...modelRoutes,
];
