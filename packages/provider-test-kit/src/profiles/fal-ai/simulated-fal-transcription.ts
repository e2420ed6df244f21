/** The transcript a simulated fal Whisper returns, timed to the audio it was given. */
import { wavDurationMs } from '../../media/wav-duration-ms.js';
import { replyWords } from '../../simulator/reply-words.js';
import { createSeededRandom } from '../../simulator/seeded-random.js';
import { choiceField, invalidField } from './fal-input-fields.js';
import type { FalRunContext, FalRunOutput } from './fal-run-outcome.js';
import { readFalInputMedia } from './read-fal-input-media.js';

/** Modelled: assumed when the audio cannot be measured (a remote URL, or not a WAV). */
const UNKNOWN_DURATION_MS = 5_000;
const SEGMENT_MS = 5_000;
const WORDS_PER_SECOND = 2.5;
/** Modelled: Whisper large-v3 on fal's GPUs transcribes about twenty times faster than real time. */
const COMPUTE_SHARE = 0.05;
/** The audio types fal's Whisper reads (mp3, mp4, mpeg, mpga, m4a, wav, webm), as data URLs name them. */
const AUDIO_TYPES = new Set([
  'audio/mpeg',
  'audio/mp3',
  'audio/mpga',
  'audio/mp4',
  'audio/m4a',
  'audio/x-m4a',
  'audio/wav',
  'audio/x-wav',
  'audio/wave',
  'audio/webm',
  'video/webm',
  'video/mp4',
]);

function durationOf(bytes: Uint8Array | undefined): number {
  if (bytes === undefined) return UNKNOWN_DURATION_MS;
  try {
    return Math.max(1, wavDurationMs(bytes));
  } catch {
    return UNKNOWN_DURATION_MS;
  }
}

/**
 * Whisper's answer: `{text, chunks: [{timestamp: [start, end], text, speaker}], inferred_languages,
 * diarization_segments}`, with one chunk per five seconds of audio at `chunk_level: 'segment'` (fal's default) and
 * none at `none`, and the compute seconds fal bills. Read from fal's Whisper page: the fields, `task`
 * (transcribe or translate), `chunk_level`, `version` '3'. Modelled: the words, the segment length and the compute
 * time.
 *
 * @example
 * simulatedFalTranscription({ audio_url: toDataUrl(encodeWav({ durationMs: 8000, seed: 1 }), 'audio/wav') }, context).body.chunks;
 * // [{ timestamp: [0, 5], ... }, { timestamp: [5, 8], ... }]
 */
export function simulatedFalTranscription(
  input: Readonly<Record<string, unknown>>,
  context: FalRunContext,
): FalRunOutput {
  const audio = readFalInputMedia(input, 'audio_url', context);
  const type = audio.contentType?.split(';')[0]?.trim().toLowerCase();
  if (type !== undefined && !AUDIO_TYPES.has(type)) {
    invalidField('audio_url', `Unsupported audio format '${type}'`, 'value_error');
  }
  choiceField(input, 'task', ['transcribe', 'translate'], 'transcribe');
  const chunkLevel = choiceField(input, 'chunk_level', ['none', 'segment', 'word'], 'segment');
  choiceField(input, 'version', ['3'], '3');
  const language = input.language;
  if (
    language !== undefined &&
    language !== null &&
    (typeof language !== 'string' || !/^[a-z]{2,3}$/.test(language))
  ) {
    invalidField('language', 'Input should be a language code such as en', 'enum');
  }
  const durationMs = durationOf(audio.bytes);
  const random = createSeededRandom(context.seed);
  const chunks: Record<string, unknown>[] = [];
  for (let startMs = 0; startMs < durationMs; startMs += SEGMENT_MS) {
    const endMs = Math.min(durationMs, startMs + SEGMENT_MS);
    const sentence = replyWords(
      random,
      Math.max(1, Math.round(((endMs - startMs) / 1000) * WORDS_PER_SECOND)),
    );
    const text = ` ${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
    chunks.push({ timestamp: [startMs / 1000, endMs / 1000], text, speaker: null });
  }
  const computeSeconds = Math.max(0.1, Math.round(durationMs * COMPUTE_SHARE) / 1000);
  return {
    ok: true,
    body: {
      text: chunks.map((chunk) => chunk.text).join(''),
      chunks: chunkLevel === 'none' ? [] : chunks,
      inferred_languages: [typeof language === 'string' ? language : 'en'],
      diarization_segments: [],
    },
    billableUnits: String(computeSeconds),
    inferenceSeconds: computeSeconds,
    logs: [`Transcribing ${durationMs / 1000} s of audio`],
  };
}
