/** Simulates `POST {base}/audio/speech`: a real WAV file (or its raw PCM) whose length follows the text. */
import { encodeWav } from '../../media/encode-wav.js';
import { sendBytesResponse } from '../../simulator/send-bytes-response.js';
import { sendJsonResponse } from '../../simulator/send-json-response.js';
import type { SimulatedExchange } from '../../simulator/simulated-exchange.js';
import type { ProviderErrorDialect } from '../provider-profile.js';
import type { SimulatedTaskRequest } from '../simulated-task-route.js';
import { checkModel } from './check-model.js';
import { jsonBody } from './json-body.js';
import type { OpenAISpeechRouteOptions } from './openai-task-routes-options.js';

/** About how long a voice takes per character of English at a normal pace. */
const MS_PER_CHARACTER = 60;
const SAMPLE_RATE = 24_000;
const WAV_HEADER_BYTES = 44;

/**
 * Answers the speech as `audio/wav` (or `response_format: pcm`/`raw` as headerless 16-bit PCM), 60 ms per
 * character of input at 24 kHz. Other formats (mp3, opus, ...) the simulator cannot encode, and refuses with the
 * provider's 400 rather than sending bytes that are not what they claim.
 *
 * @example
 * await serveOpenAISpeech(exchange, request, { defaultFormat: 'wav' }, errors);
 */
export async function serveOpenAISpeech(
  exchange: SimulatedExchange,
  request: SimulatedTaskRequest,
  options: OpenAISpeechRouteOptions,
  errors: ProviderErrorDialect,
): Promise<void> {
  const body = jsonBody(request);
  if (!body) return sendJsonResponse(exchange, errors.invalidJson());
  const modelProblem = checkModel(body.model, request, errors);
  if (modelProblem) return sendJsonResponse(exchange, modelProblem);
  if (typeof body.input !== 'string' || body.input === '') {
    return sendJsonResponse(exchange, errors.invalidRequest({ message: 'is required', param: 'input' }));
  }
  if (options.requiresVoice && typeof body.voice !== 'string') {
    return sendJsonResponse(exchange, errors.invalidRequest({ message: 'is required', param: 'voice' }));
  }
  const format = body.response_format ?? options.defaultFormat;
  if (format !== 'wav' && format !== 'pcm' && format !== 'raw') {
    return sendJsonResponse(
      exchange,
      errors.invalidRequest({
        message: `'${String(format)}' is not served by the simulator`,
        param: 'response_format',
      }),
    );
  }
  const wav = encodeWav({
    durationMs: body.input.length * MS_PER_CHARACTER,
    sampleRate: SAMPLE_RATE,
    seed: `${String(body.voice)}\n${body.input}`,
  });
  const isWav = format === 'wav';
  await sendBytesResponse(exchange, {
    status: 200,
    bytes: isWav ? wav : wav.subarray(WAV_HEADER_BYTES),
    contentType: isWav ? 'audio/wav' : 'application/octet-stream',
    delayMs: request.latency.firstTokenMs ?? 0,
  });
}
