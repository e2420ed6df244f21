/** Simulates `POST {base}/audio/transcriptions`: reads the uploaded WAV and answers a transcript of its length. */
import { createHash } from 'node:crypto';
import { wavDurationMs } from '../../media/wav-duration-ms.js';
import { sendBytesResponse } from '../../simulator/send-bytes-response.js';
import { sendJsonResponse } from '../../simulator/send-json-response.js';
import type { SimulatedExchange } from '../../simulator/simulated-exchange.js';
import type { ProviderErrorDialect, SimulatedErrorResponse } from '../provider-profile.js';
import type { SimulatedTaskRequest } from '../simulated-task-route.js';
import { checkModel } from './check-model.js';
import type { OpenAITranscriptionsRouteOptions } from './openai-task-routes-options.js';
import { simulatedWords } from './simulated-words.js';

/** A speaking pace, so that longer audio gets a longer transcript. */
const WORDS_PER_SECOND = 2.5;
const WORDS_PER_SEGMENT = 8;
/** The duration reported for audio given by URL, which the simulator does not fetch. */
const URL_AUDIO_MS = 5_000;

interface ReadAudio {
  readonly durationMs: number;
  readonly seed: string;
}

async function readForm(request: SimulatedTaskRequest): Promise<FormData | undefined> {
  if (!request.contentType?.startsWith('multipart/form-data')) return undefined;
  try {
    // undici's own multipart parser, which Node's fetch uses.
    return await new Response(request.rawBody, {
      headers: { 'content-type': request.contentType },
    }).formData();
  } catch {
    return undefined;
  }
}

async function readAudio(
  file: ReturnType<FormData['get']>,
  options: OpenAITranscriptionsRouteOptions,
  errors: ProviderErrorDialect,
): Promise<ReadAudio | SimulatedErrorResponse> {
  if (typeof file === 'string') {
    if (options.acceptsFileUrl && /^https?:\/\//.test(file)) return { durationMs: URL_AUDIO_MS, seed: file };
    return errors.invalidRequest({ message: 'must be an uploaded audio file', param: 'file' });
  }
  if (file === null) return errors.invalidRequest({ message: 'is required', param: 'file' });
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return { durationMs: wavDurationMs(bytes), seed: createHash('sha256').update(bytes).digest('hex') };
  } catch {
    return errors.invalidRequest({
      message: 'could not be decoded: the simulator reads WAV audio only',
      param: 'file',
    });
  }
}

function segmentsOf(words: readonly string[], durationSeconds: number) {
  const perWord = durationSeconds / Math.max(words.length, 1);
  const segments = [];
  for (let start = 0; start < words.length; start += WORDS_PER_SEGMENT) {
    const slice = words.slice(start, start + WORDS_PER_SEGMENT);
    segments.push({
      id: segments.length,
      start: Number((start * perWord).toFixed(3)),
      end: Number(((start + slice.length) * perWord).toFixed(3)),
      text: slice.join(''),
    });
  }
  return segments;
}

/**
 * Answers `json` (`{ text }`), `verbose_json` (`task`, `language`, `duration` in seconds, `text`, `segments`) or
 * `text`, with a deterministic transcript as long as the audio (2.5 words a second).
 *
 * @example
 * await serveOpenAITranscription(exchange, request, { formats: ['json', 'verbose_json'] }, errors);
 */
export async function serveOpenAITranscription(
  exchange: SimulatedExchange,
  request: SimulatedTaskRequest,
  options: OpenAITranscriptionsRouteOptions,
  errors: ProviderErrorDialect,
): Promise<void> {
  const form = await readForm(request);
  if (!form) {
    return sendJsonResponse(
      exchange,
      errors.invalidRequest({ message: 'the body must be multipart/form-data', param: 'file' }),
    );
  }
  const model = form.get('model');
  const modelProblem = checkModel(model, request, errors);
  if (modelProblem) return sendJsonResponse(exchange, modelProblem);
  const format = form.get('response_format') ?? options.formats[0];
  if (typeof format !== 'string' || !(options.formats as readonly string[]).includes(format)) {
    return sendJsonResponse(
      exchange,
      errors.invalidRequest({
        message: `must be one of ${options.formats.join(', ')}`,
        param: 'response_format',
      }),
    );
  }
  const audio = await readAudio(form.get('file'), options, errors);
  if ('status' in audio) return sendJsonResponse(exchange, audio);
  const durationSeconds = audio.durationMs / 1000;
  const words = simulatedWords(
    { model, audio: audio.seed },
    Math.max(1, Math.round(durationSeconds * WORDS_PER_SECOND)),
  );
  const text = words.join('').trimStart();
  const delayMs = request.latency.firstTokenMs ?? 0;
  if (format === 'text') {
    const bytes = Buffer.from(text);
    return sendBytesResponse(exchange, {
      status: 200,
      bytes,
      contentType: 'text/plain; charset=utf-8',
      delayMs,
    });
  }
  const transcription: Record<string, unknown> =
    format === 'verbose_json'
      ? {
          task: 'transcribe',
          language: 'english',
          duration: durationSeconds,
          text,
          segments: segmentsOf(words, durationSeconds),
        }
      : { text };
  await sendJsonResponse(exchange, {
    status: 200,
    body: options.decorate ? options.decorate(transcription) : transcription,
    delayMs,
  });
}
