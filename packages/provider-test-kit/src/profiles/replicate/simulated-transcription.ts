/** The transcript a simulated whisper prediction returns, timed to the audio it was given. */
import { decodeDataUrl } from '../../media/data-url.js';
import { wavDurationMs } from '../../media/wav-duration-ms.js';
import type { SimulatorMediaStore } from '../../simulator/media-store.js';
import { replyWords } from '../../simulator/reply-words.js';
import { createSeededRandom } from '../../simulator/seeded-random.js';
import type { PredictionResult } from './replicate-prediction-object.js';

/** Assumed when the audio cannot be measured (a remote URL the simulator cannot fetch, or not a WAV). */
const UNKNOWN_DURATION_MS = 5_000;
const SEGMENT_MS = 5_000;
const WORDS_PER_SECOND = 2.5;
const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  en: 'english',
  de: 'german',
  fr: 'french',
  es: 'spanish',
  it: 'italian',
  ja: 'japanese',
  zh: 'chinese',
};

/** The audio's bytes: a data URL, or a URL this simulator's media store serves. */
function audioBytes(audio: string, media: SimulatorMediaStore, origin: string): Uint8Array | undefined {
  if (audio.startsWith('data:')) return decodeDataUrl(audio).bytes;
  if (audio.startsWith(`${origin}/`)) return media.get(new URL(audio).pathname)?.bytes;
  return undefined;
}

function durationOf(bytes: Uint8Array | undefined): number {
  if (bytes === undefined) return UNKNOWN_DURATION_MS;
  try {
    return Math.max(1, wavDurationMs(bytes));
  } catch {
    return UNKNOWN_DURATION_MS;
  }
}

/**
 * whisper's answer: `transcription` (the segments' text joined, each starting with a space as whisper writes
 * it), `segments` with start and end seconds, `detected_language` as a language name, and null file links.
 *
 * @example
 * simulatedTranscription({ audio: toDataUrl(encodeWav({ durationMs: 8000, seed: 1 }), 'audio/wav') }, media, origin, 'seed');
 * // { output: { transcription: ' …', segments: [{ start: 0, end: 5, … }, { start: 5, end: 8, … }], … }, logs }
 */
export function simulatedTranscription(
  input: Readonly<Record<string, unknown>>,
  media: SimulatorMediaStore,
  origin: string,
  seed: string,
): PredictionResult {
  const durationMs = durationOf(audioBytes(String(input.audio), media, origin));
  const random = createSeededRandom(seed);
  const segments: Record<string, unknown>[] = [];
  for (let startMs = 0; startMs < durationMs; startMs += SEGMENT_MS) {
    const endMs = Math.min(durationMs, startMs + SEGMENT_MS);
    const words = Math.max(1, Math.round(((endMs - startMs) / 1000) * WORDS_PER_SECOND));
    const sentence = replyWords(random, words);
    segments.push({
      id: segments.length,
      seek: Math.floor(startMs / 10),
      start: startMs / 1000,
      end: Math.round(endMs) / 1000,
      text: ` ${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`,
      tokens: Array.from({ length: words + 1 }, () => random.below(50_000)),
      temperature: typeof input.temperature === 'number' ? input.temperature : 0,
      avg_logprob: -0.2,
      compression_ratio: 1.3,
      no_speech_prob: 0.01,
    });
  }
  const language = typeof input.language === 'string' && input.language !== 'auto' ? input.language : 'en';
  const detected = LANGUAGE_NAMES[language] ?? language;
  return {
    output: {
      detected_language: detected,
      segments,
      transcription: segments.map((segment) => segment.text).join(''),
      translation: null,
      txt_file: null,
      srt_file: null,
    },
    logs: `Transcribe with large-v3 model.\nDetected language: ${detected}\n`,
  };
}
