/** `text-to-speech` in the public shape -> the input of Kokoro on Replicate (`jaaari/kokoro-82m`). */
import type { TextToSpeechInputV1 } from '@tollgate/provider-spec';
import { compactInput } from './compact-input.js';
import { requiredPrompt } from './required-prompt.js';

/**
 * Replicate's speech models read the text from `text` (Hugging Face's clients rename `prompt` to it), and Kokoro
 * takes a preset `voice` name and a `speed` factor. Kokoro writes WAV only, so `response_format` is not sent.
 *
 * @example
 * mapTextToSpeechInput({ inputs: 'Hello there', parameters: { voice: 'af_bella' } }); // { text: 'Hello there', voice: 'af_bella' }
 */
export function mapTextToSpeechInput(input: TextToSpeechInputV1): Record<string, unknown> {
  const parameters = input.parameters ?? {};
  return compactInput({
    text: requiredPrompt(input.inputs, 'inputs'),
    voice: parameters.voice,
    speed: parameters.speed,
  });
}
