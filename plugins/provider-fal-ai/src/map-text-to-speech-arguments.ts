/** The arguments of fal's Kokoro endpoint for a public `text-to-speech` request. */
import type { TextToSpeechInputV1 } from '@tollgate/provider-spec';
import { compactArguments } from './compact-arguments.js';
import { requiredPrompt } from './required-prompt.js';

/**
 * `{prompt, voice, speed}` (Kokoro's voices are ids such as `af_heart`, its default; speed 0.1 to 5).
 * Kokoro on fal always answers with a 24 kHz WAV file, so `response_format` is not sent; the output's content
 * type says what came back.
 *
 * @example
 * mapTextToSpeechArguments({ inputs: 'Welcome aboard.', parameters: { voice: 'af_heart' } });
 * // { prompt: 'Welcome aboard.', voice: 'af_heart' }
 */
export function mapTextToSpeechArguments(input: TextToSpeechInputV1): Record<string, unknown> {
  return compactArguments({
    prompt: requiredPrompt(input.inputs, 'inputs'),
    voice: input.parameters?.voice,
    speed: input.parameters?.speed,
  });
}
