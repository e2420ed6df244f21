/** Reads the output of fal's speech endpoints: `{audio: {url, content_type, file_name, file_size}}`. */
import { type TextToSpeechOutputV1, UpstreamOutputError } from '@tollgate/provider-spec';
import { falOutputMedia } from './fal-output-media.js';
import type { FalResultReading } from './fal-task-options.js';

/** Characters per block fal bills Kokoro by. */
const CHARACTERS_PER_BLOCK = 1000;

/**
 * The audio fal returned, and the blocks fal bills for the text: its published Kokoro app sets
 * `x-fal-billable-units` to `max(1, len(prompt) // 1000)`, so a text is at least one block and whole thousands of
 * characters after that. Characters are counted as Python counts them, by code point. Throws an
 * `UpstreamOutputError` when the answer has no audio.
 *
 * @example
 * readSpeechResult({ audio: { url: 'https://v3.fal.media/files/s.wav', content_type: 'audio/wav' } }, 'Hello.', 'fal-ai');
 * // { output: { audio: { kind: 'url', url: '...', contentType: 'audio/wav' } }, billedThousandths: 1000 }
 */
export function readSpeechResult(
  body: unknown,
  text: string,
  providerId: string,
): FalResultReading<TextToSpeechOutputV1> {
  const audio = body != null && typeof body === 'object' ? (body as { audio?: unknown }).audio : undefined;
  if (audio == null)
    throw new UpstreamOutputError({ message: `${providerId} returned no audio`, providerId });
  const blocks = Math.max(1, Math.floor([...text].length / CHARACTERS_PER_BLOCK));
  return { output: { audio: falOutputMedia(audio, providerId) }, billedThousandths: blocks * 1000 };
}
