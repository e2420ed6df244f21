/** Simulated audio pipelines on an uploaded clip: speech recognition and audio classification. */

import { REPLY_VOCABULARY } from '../../simulator/reply-words.js';
import { createSeededRandom } from '../../simulator/seeded-random.js';
import type { HfSimulatedModel } from './hf-inference-catalog.js';
import type { PipelineAnswer } from './pipeline-answer.js';
import { readAudioDurationMs } from './read-audio-duration.js';
import type { BinaryPipelineInput } from './read-pipeline-input.js';
import { rankLabels, unit } from './seeded-unit.js';

/** About how fast people speak. */
const WORDS_PER_SECOND = 2.5;
const WORDS_PER_CHUNK = 6;

function audioSeed(model: HfSimulatedModel, bytes: Uint8Array) {
  return createSeededRandom({ model: model.id, audio: Buffer.from(bytes).toString('base64') });
}

/** Seconds with two decimals, as Whisper's timestamps read. */
const seconds = (milliseconds: number) => Math.round(milliseconds / 10) / 100;

/**
 * `{text}` with about as many words as the clip's length allows, and `chunks` with timestamps spread over the
 * clip when `return_timestamps` is set. Whisper's text starts with a space.
 *
 * @example
 * answerSpeechRecognition(whisper, { bytes: wav, parameters: { return_timestamps: true } }).body;
 * // { text: ' the river quiet ...', chunks: [{ text: ' the river quiet ...', timestamp: [0, 2.4] }, ...] }
 */
export function answerSpeechRecognition(model: HfSimulatedModel, input: BinaryPipelineInput): PipelineAnswer {
  const durationMs = readAudioDurationMs(input.bytes);
  const random = audioSeed(model, input.bytes);
  const count = Math.max(1, Math.round((durationMs / 1000) * WORDS_PER_SECOND));
  const words = Array.from({ length: count }, () => REPLY_VOCABULARY[random.below(REPLY_VOCABULARY.length)]!);
  const text = ` ${words.join(' ')}.`;
  const metrics = { 'x-compute-audio-length': String(seconds(durationMs)) };
  const computeMs = 150 + Math.ceil(durationMs / 15);
  if (input.parameters.return_timestamps !== true)
    return { kind: 'json', body: { text }, computeMs, metrics };
  const chunks = [];
  for (let first = 0; first < count; first += WORDS_PER_CHUNK) {
    const last = Math.min(count, first + WORDS_PER_CHUNK);
    const piece = words.slice(first, last).join(' ');
    chunks.push({
      text: ` ${piece}${last === count ? '.' : ''}`,
      timestamp: [seconds((first / count) * durationMs), seconds((last / count) * durationMs)],
    });
  }
  return { kind: 'json', body: { text, chunks }, computeMs, metrics };
}

/**
 * The model's labels scored for the clip, most probable first; five unless `top_k` says otherwise.
 *
 * @example
 * answerAudioClassification(emotion, { bytes: wav, parameters: {} }).body; // [{ label: 'neutral', score: 0.6 }, ...]
 */
export function answerAudioClassification(
  model: HfSimulatedModel,
  input: BinaryPipelineInput,
): PipelineAnswer {
  const durationMs = readAudioDurationMs(input.bytes);
  const labels = model.labels ?? ['LABEL_0', 'LABEL_1'];
  const random = audioSeed(model, input.bytes);
  const logits = labels.map(() => unit(random) * 4);
  const topK = typeof input.parameters.top_k === 'number' ? input.parameters.top_k : 5;
  return {
    kind: 'json',
    body: rankLabels(labels, logits, { functionToApply: input.parameters.function_to_apply, topK }),
    computeMs: 60 + Math.ceil(durationMs / 40),
    metrics: { 'x-compute-audio-length': String(seconds(durationMs)) },
  };
}
