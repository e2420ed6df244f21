/**
 * The native routes of an OpenAI-compatible provider: its own chat, completions, embeddings, images, speech and
 * transcription paths, passed through as Hugging Face's router does (`/groq/openai/v1/chat/completions`). The
 * client's body is already in the provider's format with the provider's model id, so it goes on as it came,
 * except that the provider's quirks are applied as for routed calls and a stream is asked for usage (so it can be
 * metered) while the client still receives exactly what it asked for. Each answer is metered in the unit the
 * routed task meters, with the same functions, so a native call and a routed one cost the same.
 */
import type { NativeRequestV1, NativeRouteV1, UpstreamRequestV1, UsageV1 } from '@tollgate/provider-spec';
import { forwardNativeRequest } from '@tollgate/provider-utils';
import { boundChatUsage, limitChatOutputTokens } from '../chat/bound-chat-usage.js';
import type { ChatCompletionRequest } from '../chat/chat-completion-types.js';
import type { OpenAICompatibleTasksConfig } from '../chat/create-openai-compatible-tasks.js';
import { extractOpenAIUsage } from '../chat/extract-openai-usage.js';
import { mapChatRequest } from '../chat/map-chat-request.js';
import { mapChatStreamChunk } from '../chat/map-chat-stream-chunk.js';
import { boundFeatureExtractionUsage } from '../feature-extraction/bound-feature-extraction-usage.js';
import { finishRequestBody, type OpenAICompatibleTaskConfig } from '../shared-task-config.js';
import { jsonBodyOf, modelFieldOf } from './json-body-of.js';
import { nativeImageRoute } from './native-image-route.js';
import { nativeSpeechRoute } from './native-speech-route.js';
import { nativeTranscriptionRoute } from './native-transcription-route.js';

type UsageReader = (payload: Record<string, unknown>) => UsageV1 | undefined;

interface RouteFacts {
  readonly task: NativeRouteV1['task'];
  readonly path: string;
  readonly mapRequest: (
    request: NativeRequestV1,
    context: Parameters<NativeRouteV1['mapRequest']>[0]['context'],
  ) => UpstreamRequestV1;
  readonly extractUsage: UsageReader;
  /** The worst case of the body, and how to cap its output, as the routed task's handler has them. */
  readonly boundUsage?: NativeRouteV1['boundUsage'];
  readonly limitOutputTokens?: NativeRouteV1['limitOutputTokens'];
}

/** A JSON-in, JSON-or-SSE-out route whose body names the model, metered from the answer's usage. */
function route(config: OpenAICompatibleTasksConfig, facts: RouteFacts): NativeRouteV1 {
  const streamConfig = { ...config, extractUsage: facts.extractUsage };
  return {
    method: 'POST',
    path: facts.path,
    task: facts.task,
    role: 'start',
    modelOf: modelFieldOf,
    mapRequest: ({ request, context }) => facts.mapRequest(request, context),
    meterResponse: ({ response }) => {
      const body = response.body;
      const usage =
        body != null && typeof body === 'object'
          ? facts.extractUsage(body as Record<string, unknown>)
          : undefined;
      return usage ? { usage } : {};
    },
    // Chat and completions chunks share their shape (`choices`, a final usage chunk): one mapping serves both.
    mapStreamEvent: ({ request, event }) =>
      mapChatStreamChunk(streamConfig, {
        input: jsonBodyOf(request) as unknown as ChatCompletionRequest,
        event,
      }),
    ...(facts.boundUsage ? { boundUsage: facts.boundUsage } : {}),
    ...(facts.limitOutputTokens ? { limitOutputTokens: facts.limitOutputTokens } : {}),
  };
}

/** A native body is bounded like the routed task's input: the provider's format is OpenAI's. */
const chatBody = (request: NativeRequestV1) => jsonBodyOf(request) as unknown as ChatCompletionRequest;

/** The body as sent, with the task's quirks applied, and stream usage asked for as routed streams do. */
function forwardTaskBody(
  config: OpenAICompatibleTasksConfig,
  taskConfig: OpenAICompatibleTaskConfig,
  request: NativeRequestV1,
): UpstreamRequestV1 {
  const body = finishRequestBody(taskConfig, jsonBodyOf(request));
  const streaming = body.stream === true;
  if (streaming && config.supportsStreamUsage !== false) {
    body.stream_options = { ...(body.stream_options as object | undefined), include_usage: true };
  }
  return forwardNativeRequest(request, { jsonBody: body, expect: streaming ? 'sse' : 'json' });
}

/**
 * Native routes for the tasks `createOpenAICompatibleTasks` declares from the same config, at the same paths:
 * chat always, `/v1/completions` with `textGeneration`, `/v1/embeddings` with `featureExtraction`,
 * `/v1/images/generations` with `textToImage`, `/v1/audio/speech` with `textToSpeech` and
 * `/v1/audio/transcriptions` (a multipart upload) with `automaticSpeechRecognition`.
 *
 * @example
 * const config = { providerId: 'groq', path: '/openai/v1/chat/completions' };
 * defineProviderPlugin({ ..., tasks: createOpenAICompatibleTasks(config), nativeRoutes: createOpenAICompatibleNativeRoutes(config) });
 */
export function createOpenAICompatibleNativeRoutes(config: OpenAICompatibleTasksConfig): NativeRouteV1[] {
  const chatPath = config.path ?? '/v1/chat/completions';
  // Built once: a copy per request would get a hidden class of its own on Node 20 (a leading spread plus a key).
  const chatConfig = { ...config, path: chatPath };
  const routes: NativeRouteV1[] = [
    route(config, {
      task: 'conversational',
      path: chatPath,
      extractUsage: config.extractUsage ?? extractOpenAIUsage,
      mapRequest: (request, context) => {
        const upstream = mapChatRequest(chatConfig, {
          input: jsonBodyOf(request) as unknown as ChatCompletionRequest,
          context,
        });
        return Object.keys(request.query).length > 0 ? { ...upstream, query: request.query } : upstream;
      },
      boundUsage: ({ request }) => boundChatUsage(chatBody(request)),
      limitOutputTokens: ({ request, maxOutputTokens }) => ({
        ...request,
        body: { kind: 'json', value: limitChatOutputTokens({ input: chatBody(request), maxOutputTokens }) },
      }),
    }),
  ];
  const {
    textGeneration,
    featureExtraction,
    textToImage,
    textToSpeech,
    automaticSpeechRecognition,
    providerId,
  } = config;
  if (textGeneration) {
    const taskConfig = { ...textGeneration, providerId };
    routes.push(
      route(config, {
        task: 'text-generation',
        path: textGeneration.path ?? '/v1/completions',
        extractUsage: textGeneration.extractUsage ?? extractOpenAIUsage,
        mapRequest: (request) => forwardTaskBody(config, taskConfig, request),
      }),
    );
  }
  if (featureExtraction) {
    const taskConfig = { ...featureExtraction, providerId };
    routes.push(
      route(config, {
        task: 'feature-extraction',
        path: featureExtraction.path ?? '/v1/embeddings',
        extractUsage: extractOpenAIUsage,
        mapRequest: (request) => forwardTaskBody(config, taskConfig, request),
        boundUsage: ({ request }) =>
          boundFeatureExtractionUsage({ inputs: jsonBodyOf(request).input as string | string[] }),
      }),
    );
  }
  if (textToImage) routes.push(nativeImageRoute({ ...textToImage, providerId }));
  if (textToSpeech) routes.push(nativeSpeechRoute({ ...textToSpeech, providerId }));
  if (automaticSpeechRecognition) {
    routes.push(nativeTranscriptionRoute({ ...automaticSpeechRecognition, providerId }));
  }
  return routes;
}
