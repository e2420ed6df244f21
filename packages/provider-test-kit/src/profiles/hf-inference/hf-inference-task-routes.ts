/** The routes of the simulated hf-inference: every model under `/models/<hub id>`, as Hugging Face serves it. */
import { jobDurationMs } from '../../simulator/job-book.js';
import { sendBytesResponse } from '../../simulator/send-bytes-response.js';
import { sendJsonResponse } from '../../simulator/send-json-response.js';
import type { SimulatedExchange } from '../../simulator/simulated-exchange.js';
import type { ProviderProfile, SimulatedErrorResponse } from '../provider-profile.js';
import type { SimulatedTaskRequest, SimulatedTaskRoute } from '../simulated-task-route.js';
import { answerAudioClassification, answerSpeechRecognition } from './answer-audio-pipelines.js';
import { answerFeatureExtraction, answerSentenceSimilarity } from './answer-embeddings.js';
import { answerFillMask } from './answer-fill-mask.js';
import {
  answerImageClassification,
  answerImageSegmentation,
  answerImageToText,
  answerObjectDetection,
  answerZeroShotImageClassification,
} from './answer-image-pipelines.js';
import { answerQuestionAnswering } from './answer-question-answering.js';
import { answerSummarization } from './answer-summarization.js';
import { answerTableQuestionAnswering } from './answer-table-question-answering.js';
import { answerTextClassification } from './answer-text-classification.js';
import { answerTextToImage } from './answer-text-to-image.js';
import { answerTokenClassification } from './answer-token-classification.js';
import { answerTranslation } from './answer-translation.js';
import { answerZeroShotClassification } from './answer-zero-shot-classification.js';
import { computeHeaders } from './compute-headers.js';
import { findHfModel, type HfSimulatedModel } from './hf-inference-catalog.js';
import { hfError, modelLoadingError, modelNotSupportedError } from './hf-inference-errors.js';
import { type PipelineAnswer, PipelineError } from './pipeline-answer.js';
import { readBinaryPipelineInput, readTextPipelineInput } from './read-pipeline-input.js';
import { serveModelChat, serveModelCompletion } from './serve-model-chat.js';

type Pipeline = (model: HfSimulatedModel, request: SimulatedTaskRequest) => PipelineAnswer;

const text =
  (
    answer: (model: HfSimulatedModel, input: ReturnType<typeof readTextPipelineInput>) => PipelineAnswer,
  ): Pipeline =>
  (model, request) =>
    answer(model, readTextPipelineInput(request));
const binary =
  (
    answer: (model: HfSimulatedModel, input: ReturnType<typeof readBinaryPipelineInput>) => PipelineAnswer,
  ): Pipeline =>
  (model, request) =>
    answer(model, readBinaryPipelineInput(request));

/** Each pipeline by task id; `feature-extraction` is what a sentence-transformers model runs under `/pipeline/`. */
const PIPELINES: Readonly<Record<string, Pipeline>> = {
  'feature-extraction': text(answerFeatureExtraction),
  'sentence-similarity': text(answerSentenceSimilarity),
  'text-classification': text(answerTextClassification),
  'token-classification': text(answerTokenClassification),
  'zero-shot-classification': text(answerZeroShotClassification),
  'fill-mask': text(answerFillMask),
  summarization: text(answerSummarization),
  translation: text(answerTranslation),
  'question-answering': text(answerQuestionAnswering),
  'table-question-answering': text(answerTableQuestionAnswering),
  'text-to-image': text(answerTextToImage),
  'image-classification': binary(answerImageClassification),
  'zero-shot-image-classification': binary(answerZeroShotImageClassification),
  'object-detection': binary(answerObjectDetection),
  'image-segmentation': binary(answerImageSegmentation),
  'image-to-text': binary(answerImageToText),
  'automatic-speech-recognition': binary(answerSpeechRecognition),
  'audio-classification': binary(answerAudioClassification),
};

/** The pipelines a model serves: its own task, and both sentence-transformers tasks for such a model. */
function servesPipeline(model: HfSimulatedModel, pipeline: string): boolean {
  if (model.task === 'sentence-similarity')
    return pipeline === 'feature-extraction' || pipeline === 'sentence-similarity';
  return pipeline === model.task;
}

type Endpoint =
  | { readonly kind: 'chat' | 'completions' }
  | { readonly kind: 'pipeline'; readonly task?: string };

/** Splits `owner/name/pipeline/feature-extraction` into the model id and what is asked of it. */
function parseRoute(rest: string): { modelId: string; endpoint: Endpoint } {
  if (rest.endsWith('/v1/chat/completions')) {
    return { modelId: rest.slice(0, -'/v1/chat/completions'.length), endpoint: { kind: 'chat' } };
  }
  if (rest.endsWith('/v1/completions')) {
    return { modelId: rest.slice(0, -'/v1/completions'.length), endpoint: { kind: 'completions' } };
  }
  const pipeline = /^(.+)\/pipeline\/([a-z-]+)$/.exec(rest);
  if (pipeline) return { modelId: pipeline[1]!, endpoint: { kind: 'pipeline', task: pipeline[2]! } };
  return { modelId: rest, endpoint: { kind: 'pipeline' } };
}

/**
 * A cold model is loaded on its first call, which the loading job in the simulator's job book stands for;
 * until it is done every call gets the 503 with the seconds left.
 */
function coldStartError(
  request: SimulatedTaskRequest,
  model: HfSimulatedModel,
): SimulatedErrorResponse | undefined {
  if (!model.cold) return undefined;
  const id = `load:${model.id}`;
  const durationMs = jobDurationMs(request.latency);
  if (request.jobs.get(id) === undefined) request.jobs.create({ id, durationMs, result: () => 'loaded' });
  const load = request.jobs.get(id)!;
  if (load.state === 'succeeded') return undefined;
  const remainingMs = Math.max(1, load.createdAt + durationMs - Date.now());
  return modelLoadingError(model.id, remainingMs / 1000);
}

async function servePipeline(
  exchange: SimulatedExchange,
  request: SimulatedTaskRequest,
  model: HfSimulatedModel,
  task: string,
): Promise<void> {
  const pipeline = PIPELINES[task];
  if (pipeline === undefined || !servesPipeline(model, task)) {
    return sendJsonResponse(exchange, hfError(400, `Model ${model.id} does not serve the ${task} pipeline`));
  }
  let answer: PipelineAnswer;
  try {
    answer = pipeline(model, request);
  } catch (error) {
    if (error instanceof PipelineError) return sendJsonResponse(exchange, error.response);
    throw error;
  }
  const headers = computeHeaders(model, answer.computeMs, answer.metrics);
  const delayMs = request.latency.firstTokenMs ?? 0;
  if (answer.kind === 'bytes') {
    return sendBytesResponse(exchange, {
      status: 200,
      bytes: answer.bytes,
      contentType: answer.contentType,
      headers,
      delayMs,
    });
  }
  return sendJsonResponse(exchange, { status: 200, body: answer.body, headers, delayMs });
}

/**
 * `POST /models/*`: `<id>/v1/chat/completions` and `<id>/v1/completions` for LLMs, `<id>/pipeline/<task>`
 * for sentence-transformers models, and `<id>` for every other pipeline (JSON or a raw file in, JSON or an
 * image out). `profile` is read when a call arrives, since the profile holds these routes.
 *
 * @example
 * createOpenAIStyleProfile({ ..., taskRoutes: hfInferenceTaskRoutes(() => hfInferenceProfile) });
 */
export function hfInferenceTaskRoutes(profile: () => ProviderProfile): readonly SimulatedTaskRoute[] {
  return [
    {
      method: 'POST',
      path: '/models/*',
      serve: async (exchange, request) => {
        const { modelId, endpoint } = parseRoute(request.params['*'] ?? '');
        const model = findHfModel(modelId);
        if (model === undefined) return sendJsonResponse(exchange, modelNotSupportedError());
        const loading = coldStartError(request, model);
        if (loading) return sendJsonResponse(exchange, loading);
        if (endpoint.kind !== 'pipeline') {
          if (model.task !== 'text-generation') {
            return sendJsonResponse(
              exchange,
              hfError(400, `Model ${model.id} is not a text-generation model`),
            );
          }
          const serve = endpoint.kind === 'chat' ? serveModelChat : serveModelCompletion;
          return serve(exchange, request, model, profile());
        }
        if (model.task === 'text-generation') {
          return sendJsonResponse(
            exchange,
            hfError(
              400,
              `Model ${model.id} is served at /models/${model.id}/v1/chat/completions and /v1/completions`,
            ),
          );
        }
        return servePipeline(exchange, request, model, endpoint.task ?? model.task);
      },
    },
  ];
}
