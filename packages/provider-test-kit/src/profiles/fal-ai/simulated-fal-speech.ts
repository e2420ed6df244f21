/** The speech a simulated fal Kokoro endpoint makes: a 24 kHz WAV in the media store, billed per 1000 characters. */
import { encodeWav } from '../../media/encode-wav.js';
import { randomAlphanumeric } from '../random-ids.js';
import { choiceField, invalidField, numberField } from './fal-input-fields.js';
import type { FalRunContext, FalRunOutput } from './fal-run-outcome.js';

/** Kokoro's American English voices, from fal's published Kokoro app. */
const VOICES = [
  'af_heart',
  'af_alloy',
  'af_aoede',
  'af_bella',
  'af_jessica',
  'af_kore',
  'af_nicole',
  'af_nova',
  'af_river',
  'af_sarah',
  'af_sky',
  'am_adam',
  'am_echo',
  'am_eric',
  'am_fenrir',
  'am_liam',
  'am_michael',
  'am_onyx',
  'am_puck',
  'am_santa',
] as const;
/** Kokoro writes 24 kHz audio (fal's app: `sf.write(..., 24000)`). */
const SAMPLE_RATE = 24_000;
/** Modelled: speaking pace at speed 1. */
const CHARACTERS_PER_SECOND = 15;
const MAX_CHARACTERS = 20_000;

/**
 * Kokoro's answer, `{audio: {url, content_type: 'audio/wav', file_name, file_size}}`, and the billable units fal's
 * app sets, `max(1, len(prompt) // 1000)`. Read from fal's Kokoro app: `prompt` (or `text`), the voices, `speed`
 * 0.1-5, the 20 000-character limit, the WAV output and the billing rule. Modelled: the length of the speech.
 *
 * @example
 * simulatedFalSpeech({ prompt: 'Welcome aboard.' }, context).billableUnits; // '1'
 */
export function simulatedFalSpeech(
  input: Readonly<Record<string, unknown>>,
  context: FalRunContext,
): FalRunOutput {
  const given = typeof input.prompt === 'string' && input.prompt !== '' ? input.prompt : input.text;
  if (typeof given !== 'string' || given.trim() === '')
    return invalidField('prompt', 'Field required', 'missing');
  const characters = [...given].length;
  if (characters >= MAX_CHARACTERS) {
    return invalidField('prompt', 'Prompt must be less than 20000 characters.', 'value_error');
  }
  const voice = choiceField(input, 'voice', VOICES, 'af_heart');
  const speed = numberField(input, 'speed', 0.1, 5, 1);
  const durationMs = Math.max(500, Math.round((characters / (CHARACTERS_PER_SECOND * speed)) * 1000));
  const bytes = encodeWav({ durationMs, sampleRate: SAMPLE_RATE, seed: context.seed });
  const fileName = `tmp${randomAlphanumeric(8).toLowerCase()}.wav`;
  return {
    ok: true,
    body: {
      audio: {
        url: context.media.put(bytes, 'audio/wav', 'wav'),
        content_type: 'audio/wav',
        file_name: fileName,
        file_size: bytes.length,
      },
    },
    billableUnits: String(Math.max(1, Math.floor(characters / 1000))),
    inferenceSeconds: Math.round(durationMs / 20) / 1000,
    logs: [`Speaking ${characters} characters as ${voice}`],
  };
}
