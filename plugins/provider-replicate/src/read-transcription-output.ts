/** A succeeded whisper prediction -> `{ text, chunks? }`. */
import {
  type AutomaticSpeechRecognitionInputV1,
  type AutomaticSpeechRecognitionOutputV1,
  type TranscriptionChunkV1,
  UpstreamOutputError,
} from '@tollgate/provider-spec';
import type { ReplicatePrediction } from './replicate-prediction.js';

function segmentChunks(segments: unknown): TranscriptionChunkV1[] {
  if (!Array.isArray(segments)) return [];
  return segments.flatMap((segment) => {
    const { text, start, end } = (segment ?? {}) as { text?: unknown; start?: unknown; end?: unknown };
    if (typeof text !== 'string' || typeof start !== 'number' || typeof end !== 'number') return [];
    return [{ text: text.trim(), timestamp: [start, end] as const }];
  });
}

/**
 * openai/whisper answers `{ transcription, segments, translation, detected_language }`; other speech models on
 * Replicate answer a bare string or a list of strings, which is read too. Timed chunks come from `segments` when
 * the caller asked for timestamps.
 *
 * @example
 * readTranscriptionOutput({ ...prediction, output: { transcription: ' Hello.', segments: [] } }, { inputs });
 * // { output: { text: 'Hello.' } }
 */
export function readTranscriptionOutput(
  prediction: ReplicatePrediction,
  input: AutomaticSpeechRecognitionInputV1,
): { output: AutomaticSpeechRecognitionOutputV1 } {
  const output = prediction.output;
  const first = Array.isArray(output) ? output[0] : output;
  if (typeof first === 'string') return { output: { text: first.trim() } };
  const record = first != null && typeof first === 'object' ? (first as Record<string, unknown>) : {};
  // With translate=true whisper fills `translation` and keeps the source-language text in `transcription`.
  const text = typeof record.translation === 'string' ? record.translation : record.transcription;
  if (typeof text !== 'string') {
    throw new UpstreamOutputError({
      message: `replicate prediction ${prediction.id} succeeded without a transcription`,
      providerId: 'replicate',
    });
  }
  const chunks = input.parameters?.return_timestamps === true ? segmentChunks(record.segments) : [];
  return { output: chunks.length > 0 ? { text: text.trim(), chunks } : { text: text.trim() } };
}
