import { describe, expect, it } from 'vitest';
import { contextFor, fixture } from '../fixtures.test-helpers.js';
import { audioClassificationHandler } from './audio-classification-handler.js';

const context = contextFor('ehcalabres/wav2vec2-lg-xlsr-en-speech-emotion-recognition');
const audio = {
  kind: 'bytes' as const,
  bytes: new Uint8Array(Buffer.from('RIFF....WAVE')),
  contentType: 'audio/wav',
};

describe('audio-classification on hf-inference', () => {
  it('posts the raw audio with its type', () => {
    expect(audioClassificationHandler.mapRequest({ input: { inputs: audio }, context })).toMatchObject({
      path: '/models/ehcalabres/wav2vec2-lg-xlsr-en-speech-emotion-recognition',
      body: { kind: 'bytes', value: audio.bytes, contentType: 'audio/wav' },
    });
  });

  it('returns the labels with scores that sum to one', () => {
    const { output, usage } = audioClassificationHandler.mapResponse({
      input: { inputs: audio },
      response: fixture('audio-classification'),
      context,
    });
    expect(output.map((entry) => entry.label)).toEqual(['neu', 'hap', 'ang', 'sad']);
    expect(output.reduce((sum, entry) => sum + entry.score, 0)).toBeCloseTo(1, 5);
    expect(usage).toEqual({ computeMilliseconds: 233 });
  });
});
