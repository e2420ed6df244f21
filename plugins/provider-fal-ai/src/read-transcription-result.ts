/** Reads the output of fal's Whisper: `{text, chunks: [{timestamp: [start, end], text}], inferred_languages}`. */
import {
  type AutomaticSpeechRecognitionOutputV1,
  type TranscriptionChunkV1,
  UpstreamOutputError,
} from '@tollgate/provider-spec';
import type { FalResultReading } from './fal-task-options.js';

const seconds = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

function readChunk(chunk: unknown): TranscriptionChunkV1 | undefined {
  if (chunk == null || typeof chunk !== 'object') return undefined;
  const { text, timestamp } = chunk as { text?: unknown; timestamp?: unknown };
  if (typeof text !== 'string' || !Array.isArray(timestamp)) return undefined;
  const start = seconds(timestamp[0]);
  if (start === undefined) return undefined;
  // Whisper leaves the end of a last, cut-off segment open (null); the segment then ends where it starts.
  return { text, timestamp: [start, seconds(timestamp[1]) ?? start] };
}

/**
 * The transcript, with its timed chunks when fal returned them. Some fal speech models answer with `output`
 * instead of `text` (Hugging Face's client reads either). Whisper is billed by compute seconds, which only fal's
 * billable-units header states, so the result carries no billed amount of its own. Throws an
 * `UpstreamOutputError` when there is no transcript.
 *
 * @example
 * readTranscriptionResult({ text: 'Hello there.', chunks: [{ timestamp: [0, 1.2], text: 'Hello there.' }] }, 'fal-ai');
 * // { output: { text: 'Hello there.', chunks: [{ text: 'Hello there.', timestamp: [0, 1.2] }] } }
 */
export function readTranscriptionResult(
  body: unknown,
  providerId: string,
): FalResultReading<AutomaticSpeechRecognitionOutputV1> {
  const record = body != null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const text = typeof record.text === 'string' ? record.text : record.output;
  if (typeof text !== 'string') {
    throw new UpstreamOutputError({ message: `${providerId} returned no transcript`, providerId });
  }
  const chunks = Array.isArray(record.chunks)
    ? record.chunks.map(readChunk).filter((chunk): chunk is TranscriptionChunkV1 => chunk !== undefined)
    : undefined;
  return { output: chunks !== undefined && chunks.length > 0 ? { text, chunks } : { text } };
}
