/** The audio a simulated Kokoro prediction makes: a real 24 kHz WAV served from the media store. */
import { encodeWav } from '../../media/encode-wav.js';
import type { SimulatorMediaStore } from '../../simulator/media-store.js';
import type { PredictionResult } from './replicate-prediction-object.js';

/** Kokoro writes 24 kHz audio. */
const SAMPLE_RATE = 24_000;
/** About how fast a voice speaks at speed 1. */
const WORDS_PER_SECOND = 2.5;

/**
 * Speech as long as the text takes to say at `speed`, at least half a second; answered as one URL.
 *
 * @example
 * simulatedSpeechOutput({ text: 'Hello there' }, media, 'seed').output; // 'http://127.0.0.1:…/__media/….wav'
 */
export function simulatedSpeechOutput(
  input: Readonly<Record<string, unknown>>,
  media: SimulatorMediaStore,
  seed: string,
): PredictionResult {
  const text = String(input.text ?? '');
  const words = text.split(/\s+/).filter((word) => word !== '').length;
  const speed = typeof input.speed === 'number' && input.speed > 0 ? input.speed : 1;
  const durationMs = Math.max(500, Math.round((words / WORDS_PER_SECOND / speed) * 1000));
  const url = media.put(encodeWav({ durationMs, sampleRate: SAMPLE_RATE, seed }), 'audio/wav', 'wav');
  return { output: url, logs: `Generated 1 chunk(s)\n` };
}
